/**
 * Turning child events into test results, checked against the manifest. The manifest decides
 * which tests exist and what they are worth; the child can only report on them.
 *
 * Crediting rules:
 * - Results count only from a run that reached its normal end (the reporter's signed `complete`).
 *   A run that ended any other way (stopped by the parent, process.exit, a crash) credits
 *   nothing: the test that was running when it ended is blamed, and every other test not yet
 *   decided runs again in a fresh process. So forged "passes" followed by an exit earn nothing,
 *   while honest tests around a hanging one still get their points on the rerun.
 * - Each test reports once, after its own start; duplicates or results for a test that was not
 *   running are integrity problems, as are framework tampering, cleared errors, a pass without
 *   assertions, forged channel lines and a suite rewritten during its run. An integrity problem
 *   withholds every point of the exercise.
 */
import { checkAgainstKey } from "../answers";
import { testIdFromName, type ManifestExercise, type ManifestTest } from "../manifest";
import type { ChildEvent, RunOutcome } from "./runner";
import type { Flag, TestResult, TestStatus } from "./types";

export interface ExerciseState {
  ex: ManifestExercise;
  results: Map<string, TestResult>;
  flags: Flag[];
}

export interface AttemptVerdict {
  /** Tests to run again in a fresh process. */
  rerun: string[];
}

export interface AttemptOptions {
  /** Test ids this run was asked to run. */
  requested: string[];
  suiteIntact: boolean;
  memoryMb: number;
  outputBytes: number;
  testTimeoutMs: (id: string) => number;
}

const MAX_MESSAGE = 4000;

export function newExerciseState(ex: ManifestExercise): ExerciseState {
  return { ex, results: new Map(), flags: [] };
}

export function testLimitMs(ex: ManifestExercise, t: ManifestTest | undefined, override?: number): number {
  return override ?? t?.timeoutMs ?? ex.timeoutMs;
}

export function makeResult(
  ex: ManifestExercise,
  t: ManifestTest,
  status: TestStatus,
  message: string,
  duration = 0,
): TestResult {
  return {
    id: t.id,
    exercise: ex.id,
    name: t.name,
    status,
    score: status === "passed" ? t.points : 0,
    max_score: t.points,
    visibility: t.visibility,
    message: cap(message),
    duration_ms: Math.round(duration),
  };
}

/** Applies one suite run to the exercise state. */
export function applyAttempt(
  state: ExerciseState,
  outcome: RunOutcome,
  opts: AttemptOptions,
): AttemptVerdict {
  const { ex, results, flags } = state;
  const known = new Map(ex.tests.map((t) => [t.id, t]));
  const flag = (code: Flag["code"], severity: Flag["severity"], message: string, test?: string) => {
    if (!flags.some((f) => f.code === code && f.test === test && f.message === message))
      flags.push({ code, severity, message, exercise: ex.id, ...(test ? { test } : {}) });
  };
  const result = (id: string, status: TestStatus, message: string, duration = 0) =>
    makeResult(ex, known.get(id)!, status, message, duration);

  if (outcome.forged.length)
    flag(
      "forged-channel",
      "integrity",
      `${outcome.forged.length} line(s) imitating grader results were written to the results channel`,
    );
  if (!opts.suiteIntact) flag("suite-modified", "integrity", "the suite file was changed while it ran");

  const local = new Map<string, TestResult>();
  const startedOrder: string[] = [];
  const answers: { test: string | null; exercise: number; question: string; json: string }[] = [];
  let current: string | null = null;
  let exited: number | null = null;
  let completed = false;
  let execError: string | null = null;
  const integrity = (id: string, message: string) => {
    flag("duplicate-test", "integrity", message, id);
    local.set(id, result(id, "integrity-error", `not scored: ${message}`));
  };

  for (const ev of outcome.events) {
    const id = typeof ev.name === "string" ? testIdFromName(ev.name) : null;
    const mine = id !== null && known.has(id);
    switch (ev.t) {
      case "run_start":
        for (const name of (ev.tests as string[]) ?? []) {
          const tid = testIdFromName(name);
          if (!tid || !known.has(tid))
            flag("unknown-test", "incident", `the suite has a test the manifest does not list: "${name}"`);
        }
        break;
      case "test_start":
        if (!mine) break;
        if (startedOrder.includes(id)) integrity(id, `${id} started more than once`);
        current = id;
        startedOrder.push(id);
        break;
      case "answer":
        answers.push({
          test: current,
          exercise: Number(ev.exercise),
          question: String(ev.question),
          json: String(ev.json),
        });
        break;
      case "test_done": {
        if (!mine) break;
        if (local.has(id) || results.has(id)) {
          integrity(id, `${id} reported more than one result`);
          break;
        }
        if (current !== id) {
          integrity(id, `a result for ${id} arrived while it was not running`);
          break;
        }
        current = null;
        local.set(id, judgeTest(id, ev));
        break;
      }
      case "test_skip":
        if (!mine) break;
        // Jest announces a start even for tests it then skips (those filtered out on a rerun).
        if (current === id) {
          current = null;
          startedOrder.pop();
        }
        if (!opts.requested.includes(id)) break;
        if (local.has(id) || results.has(id)) integrity(id, `${id} was reported both run and skipped`);
        else {
          flag("skipped-test", "incident", `${id} was skipped by the suite`, id);
          local.set(id, result(id, "error", "this check was skipped; graded suites must run every test"));
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

  function judgeTest(id: string, ev: ChildEvent): TestResult {
    const errors = (ev.errors as string[]) ?? [];
    const problems = (ev.integrity as string[]) ?? [];
    const duration = Number(ev.duration) || 0;
    if (problems.length) {
      flag(
        problems.some((m) => m.includes("errors were removed")) ? "errors-cleared" : "framework-tampered",
        "integrity",
        problems[0],
        id,
      );
      return result(id, "integrity-error", `not scored: ${problems[0]}`, duration);
    }
    if (errors.length) return result(id, "failed", errors.join("\n\n"), duration);
    if (!(Number(ev.assertions) > 0)) {
      flag("no-assertions", "integrity", `${id} passed without a single assertion being checked`, id);
      return result(
        id,
        "integrity-error",
        "not scored: the test finished without checking anything",
        duration,
      );
    }
    return judgeAnswer(id, duration) ?? result(id, "passed", "", duration);
  }

  function judgeAnswer(id: string, duration: number): TestResult | null {
    const t = known.get(id)!;
    if (!t.answer) return null;
    const given = answers.filter((a) => a.test === id && a.exercise === ex.id && a.question === t.answer);
    if (given.length === 0)
      return result(id, "failed", `no answer to question "${t.answer}" was given`, duration);
    if (given.length > 1) {
      flag(
        "answer-resubmitted",
        "integrity",
        `question "${t.answer}" was answered ${given.length} times`,
        id,
      );
      return result(
        id,
        "integrity-error",
        `not scored: question "${t.answer}" was answered more than once`,
        duration,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(given[0].json);
    } catch {
      value = undefined;
    }
    const verdict = checkAgainstKey(ex.answers[t.answer], ex.id, t.answer, value);
    if (verdict.correct) return null;
    const why = verdict.invalid
      ? `the answer could not be checked: ${verdict.invalid}`
      : `the answer to question "${t.answer}" is not the expected one (checked against a hashed key)`;
    return result(id, "failed", verdict.feedback ? `${why}\n${verdict.feedback}` : why, duration);
  }

  // Answers given where no test asked for them are attempts to probe the key.
  for (const a of answers) {
    const t = a.test ? known.get(a.test) : undefined;
    if (!t || t.answer !== a.question || a.exercise !== ex.id)
      flag(
        "answer-resubmitted",
        "integrity",
        `an answer to "${a.question}" was submitted outside the test that asks for it`,
      );
  }

  const normalEnd = completed && outcome.killed === null;
  if (normalEnd) {
    for (const [id, r] of local) results.set(id, r);
    const unfinished = opts.requested.filter((id) => !results.has(id));
    if (unfinished.length) {
      let why = "the suite did not run this check";
      if (execError) why = `the suite could not run:\n${execError}`;
      else
        for (const id of unfinished)
          flag("missing-test", "incident", `the suite reported nothing for ${id}`, id);
      for (const id of unfinished) results.set(id, result(id, "error", why));
    }
    return { rerun: [] };
  }

  // Abnormal end: keep only integrity findings, blame the test that was running, rerun the rest.
  for (const [id, r] of local) if (r.status === "integrity-error") results.set(id, r);
  const blamed = startedOrder.length ? startedOrder[startedOrder.length - 1] : null;
  if (blamed && !results.has(blamed)) results.set(blamed, blame(blamed));
  if (!blamed) {
    const why = whyNothingRan();
    for (const id of opts.requested) if (!results.has(id)) results.set(id, result(id, "error", why));
    return { rerun: [] };
  }
  return { rerun: opts.requested.filter((id) => !results.has(id)) };

  function blame(id: string): TestResult {
    const limitS = (opts.testTimeoutMs(id) / 1000).toFixed(1).replace(/\.0$/, "");
    const k = outcome.killed?.reason;
    if (k === "test-timeout" || k === "deadline") {
      flag("timeout", "incident", `${id} was stopped after ${limitS} s`, id);
      return result(id, "timeout", `timed out after ${limitS} s (possible infinite loop)`);
    }
    if (k === "memory") {
      flag("memory-limit", "incident", `${id} used more than ${opts.memoryMb} MB`, id);
      return result(id, "error", `stopped: used more than ${opts.memoryMb} MB of memory`);
    }
    if (k === "output") {
      flag("output-limit", "incident", `${id} printed more than ${opts.outputBytes} bytes`, id);
      return result(id, "error", `stopped: printed more than ${opts.outputBytes} bytes`);
    }
    if (exited !== null) {
      flag(
        "process-exit",
        "incident",
        `${id}: the test process exited (code ${exited}) before the suite finished`,
        id,
      );
      return result(
        id,
        "error",
        `your code called process.exit(${exited}) (or the process ended) during this check`,
      );
    }
    const how = outcome.signal ?? `exit code ${outcome.exitCode}`;
    flag("crashed", "incident", `${id}: the test process crashed (${how})`, id);
    return result(
      id,
      "error",
      `the test process crashed (${how}); if it ran out of memory, look for a loop that keeps building data`,
    );
  }

  function whyNothingRan(): string {
    const tail = outcome.output.trim() ? `\n${lastLines(outcome.output, 12)}` : "";
    if (outcome.killed?.reason === "startup-timeout") return "the suite did not start in time" + tail;
    if (outcome.killed) return `the run was stopped (${outcome.killed.reason})` + tail;
    if (execError) return `the suite could not run:\n${execError}`;
    if (exited !== null) {
      flag("process-exit", "incident", `the test process exited (code ${exited}) before any check ran`);
      return `the test process ended before any check ran (exit code ${exited})` + tail;
    }
    flag(
      "crashed",
      "incident",
      `the test process ended before any check ran (${outcome.signal ?? `exit code ${outcome.exitCode}`})`,
    );
    return (
      `the test process crashed before any check ran (${outcome.signal ?? `exit code ${outcome.exitCode}`})` +
      tail
    );
  }
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
