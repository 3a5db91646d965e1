/**
 * Turning child events into test results, checked against the manifest. The manifest decides
 * which tests exist and what they are worth; the child can only report on them. Unknown ids,
 * duplicates, skips, missing tests, forged lines and framework tampering are all flagged, and an
 * integrity problem in an exercise withholds every point of that exercise.
 */
import { checkAgainstKey } from "../answers";
import { testIdFromName, type ManifestExercise, type ManifestTest } from "../manifest";
import type { ChildEvent, RunOutcome } from "./runner";
import type { Flag, TestResult, TestStatus } from "./types";

export interface ExerciseState {
  ex: ManifestExercise;
  results: Map<string, TestResult>;
  flags: Flag[];
  /** Test ids still to run, in manifest order. */
  pending: string[];
}

export interface AttemptVerdict {
  /** Tests to run again in a fresh process (those after a test that had to be stopped). */
  rerun: string[];
}

const MAX_MESSAGE = 4000;

export function newExerciseState(ex: ManifestExercise): ExerciseState {
  return { ex, results: new Map(), flags: [], pending: ex.tests.map((t) => t.id) };
}

export function testLimitMs(ex: ManifestExercise, t: ManifestTest | undefined, override?: number): number {
  return override ?? t?.timeoutMs ?? ex.timeoutMs;
}

/** Applies one suite run to the exercise state; `requested` are the ids this run was asked for. */
export function applyAttempt(
  state: ExerciseState,
  outcome: RunOutcome,
  opts: { requested: string[]; suiteIntact: boolean; memoryMb: number; outputBytes: number; testTimeoutMs: (id: string) => number },
): AttemptVerdict {
  const { ex, results, flags } = state;
  const known = new Map(ex.tests.map((t) => [t.id, t]));
  const flag = (code: Flag["code"], severity: Flag["severity"], message: string, test?: string) => {
    if (!flags.some((f) => f.code === code && f.test === test && f.message === message)) flags.push({ code, severity, message, exercise: ex.id, ...(test ? { test } : {}) });
  };
  const set = (id: string, status: TestStatus, message: string, duration = 0) => {
    const t = known.get(id)!;
    results.set(id, {
      id,
      exercise: ex.id,
      name: t.name,
      status,
      score: status === "passed" ? t.points : 0,
      max_score: t.points,
      visibility: t.visibility,
      message: cap(message),
      duration_ms: Math.round(duration),
    });
  };

  if (outcome.forged.length) flag("forged-channel", "integrity", `${outcome.forged.length} line(s) imitating grader results were written to the results channel`);
  if (!opts.suiteIntact) flag("suite-modified", "integrity", "the suite file was changed while it ran");

  let current: string | null = null;
  let exited: number | null = null;
  let completed = false;
  let execError: string | null = null;
  const started = new Set<string>();
  const answers: { test: string | null; exercise: number; question: string; json: string }[] = [];

  for (const ev of outcome.events) {
    const id = typeof ev.name === "string" ? testIdFromName(ev.name) : null;
    switch (ev.t) {
      case "run_start":
        for (const name of (ev.tests as string[]) ?? []) {
          const tid = testIdFromName(name);
          if (!tid || !known.has(tid)) flag("unknown-test", "incident", `the suite has a test the manifest does not list: "${name}"`);
        }
        break;
      case "test_start":
        current = id;
        if (id) started.add(id);
        break;
      case "answer":
        answers.push({ test: current, exercise: Number(ev.exercise), question: String(ev.question), json: String(ev.json) });
        break;
      case "test_done": {
        current = null;
        if (!id || !known.has(id)) break;
        if (results.has(id)) {
          flag("duplicate-test", "integrity", `results for ${id} arrived twice`, id);
          set(id, "integrity-error", "not scored: this test reported more than one result");
          break;
        }
        const errors = (ev.errors as string[]) ?? [];
        const integrity = (ev.integrity as string[]) ?? [];
        const duration = Number(ev.duration) || 0;
        if (integrity.length) {
          const code = integrity.some((m) => m.includes("errors were removed")) ? "errors-cleared" : "framework-tampered";
          flag(code, "integrity", integrity[0], id);
          set(id, "integrity-error", `not scored: ${integrity[0]}`, duration);
        } else if (errors.length) set(id, "failed", errors.join("\n\n"), duration);
        else if (!(Number(ev.assertions) > 0)) {
          flag("no-assertions", "integrity", `${id} passed without a single assertion being checked`, id);
          set(id, "integrity-error", "not scored: the test finished without checking anything", duration);
        } else set(id, "passed", "", duration);
        judgeAnswer(id, duration);
        break;
      }
      case "test_skip":
        if (id && known.has(id) && opts.requested.includes(id)) {
          flag("skipped-test", "incident", `${id} was skipped by the suite`, id);
          set(id, "error", "this check was skipped; graded suites must run every test");
        }
        break;
      case "file_result":
        if (ev.execError) execError = String(ev.execError);
        break;
      case "complete":
        completed = true;
        break;
      case "exit":
        exited = Number(ev.code);
        break;
      default:
        break;
    }
  }

  function judgeAnswer(id: string, duration: number) {
    const t = known.get(id)!;
    const mine = answers.filter((a) => a.test === id);
    if (!t.answer) return;
    const forThis = mine.filter((a) => a.exercise === ex.id && a.question === t.answer);
    const r = results.get(id)!;
    if (r.status !== "passed") return;
    if (forThis.length === 0) return set(id, "failed", `no answer to question "${t.answer}" was given`, duration);
    if (forThis.length > 1) {
      flag("answer-resubmitted", "integrity", `question "${t.answer}" was answered ${forThis.length} times`, id);
      return set(id, "integrity-error", `not scored: question "${t.answer}" was answered more than once`, duration);
    }
    let value: unknown;
    try {
      value = JSON.parse(forThis[0].json);
    } catch {
      value = undefined;
    }
    const verdict = checkAgainstKey(ex.answers[t.answer], ex.id, t.answer, value);
    if (verdict.correct) return;
    const why = verdict.invalid ? `the answer could not be checked: ${verdict.invalid}` : `the answer to question "${t.answer}" is not the expected one (checked against a hashed key)`;
    set(id, "failed", verdict.feedback ? `${why}\n${verdict.feedback}` : why, duration);
  }

  // Answers given where no test asked for them are attempts to probe the key.
  for (const a of answers) {
    const t = a.test ? known.get(a.test) : undefined;
    if (!t || t.answer !== a.question || a.exercise !== ex.id) flag("answer-resubmitted", "integrity", `an answer to "${a.question}" was submitted outside the test that asks for it`);
  }

  const rerun: string[] = [];
  const unfinished = opts.requested.filter((id) => !results.has(id));
  const running = current;
  const abnormal = outcome.killed !== null || !completed;
  if (abnormal && running && unfinished.includes(running)) {
    const limitS = (opts.testTimeoutMs(running) / 1000).toFixed(1).replace(/\.0$/, "");
    const k = outcome.killed?.reason;
    if (k === "test-timeout" || k === "deadline") {
      flag("timeout", "incident", `${running} was stopped after ${limitS} s`, running);
      set(running, "timeout", `timed out after ${limitS} s (possible infinite loop)`);
    } else if (k === "memory") {
      flag("memory-limit", "incident", `${running} used more than ${opts.memoryMb} MB`, running);
      set(running, "error", `stopped: used more than ${opts.memoryMb} MB of memory`);
    } else if (k === "output") {
      flag("output-limit", "incident", `${running} printed more than ${opts.outputBytes} bytes`, running);
      set(running, "error", `stopped: printed more than ${opts.outputBytes} bytes`);
    } else if (exited !== null) {
      flag("process-exit", "incident", `${running}: the code under test called process.exit(${exited})`, running);
      set(running, "error", `your code called process.exit(${exited}), which ended the test process`);
    } else {
      flag("crashed", "incident", `${running}: the test process crashed (${outcome.signal ?? `exit code ${outcome.exitCode}`})`, running);
      set(running, "error", `the test process crashed (${outcome.signal ?? `exit code ${outcome.exitCode}`}); if it ran out of memory, look for an endless loop that builds data`);
    }
    // The tests after the one that was stopped get a fresh process.
    rerun.push(...unfinished.filter((id) => id !== running && !started.has(id)));
    for (const id of unfinished) if (id !== running && started.has(id) && !results.has(id)) set(id, "error", "the test process ended during this test");
  } else if (unfinished.length) {
    let why: string;
    if (outcome.killed?.reason === "startup-timeout") why = "the suite did not start in time";
    else if (outcome.killed) why = `the run was stopped (${outcome.killed.reason})`;
    else if (execError) why = `the suite could not run:\n${execError}`;
    else if (exited !== null && !completed) {
      flag("process-exit", "incident", `the test process exited (code ${exited}) before the suite finished`);
      why = `the test process ended early (exit code ${exited}); your code may have called process.exit()`;
    } else if (!completed) {
      flag("crashed", "incident", `the test process ended before the suite finished (${outcome.signal ?? `exit code ${outcome.exitCode}`})`);
      why = `the test process crashed (${outcome.signal ?? `exit code ${outcome.exitCode}`})`;
    } else {
      why = "the suite did not run this check";
      for (const id of unfinished) flag("missing-test", "incident", `the suite reported nothing for ${id}`, id);
    }
    const tail = outcome.output.trim() && !execError ? `\n${lastLines(outcome.output, 12)}` : "";
    for (const id of unfinished) set(id, "error", why + tail);
  }
  state.pending = rerun;
  return { rerun };
}

/** Once an exercise shows an integrity problem, none of its points stand. */
export function withholdOnIntegrity(state: ExerciseState): void {
  const problem = state.flags.find((f) => f.severity === "integrity");
  if (!problem) return;
  for (const r of state.results.values()) {
    if (r.status === "passed") {
      r.status = "integrity-error";
      r.score = 0;
      r.message = `not scored: ${problem.message}`;
    }
  }
}

function lastLines(text: string, n: number): string {
  return text.trimEnd().split("\n").slice(-n).join("\n");
}

function cap(s: string): string {
  return s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) + "\n… (message shortened)" : s;
}

export type { ChildEvent };
