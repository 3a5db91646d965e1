/**
 * Turning the trusted test process's records into test results, checked against the manifest.
 * The manifest decides which tests exist and what they are worth; a suite can only report on
 * them. The verdict of each test is Jest's, in a process where no learner code runs; the bridge
 * marks failures that were time-outs or checks left unrun after the learner's process died.
 */
import { NOT_RUN_MARK, TIMEOUT_MARK } from "../harness/descriptor";
import type { ManifestExercise, ManifestTest } from "../manifest";
import { testIdFromName } from "../testIds";
import type { ReporterRecord } from "./runner";
import type { Flag, TestResult, TestStatus } from "./types";

const MAX_MESSAGE = 4000;

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

/** Status and message of one finished Jest test. */
export function judgeRecord(status: string, message: string): { status: TestStatus; message: string } {
  if (status === "passed") return { status: "passed", message: "" };
  if (status !== "failed") return { status: "error", message: "this check was skipped; graded suites must run every test" };
  if (message.includes(TIMEOUT_MARK)) return { status: "timeout", message: unmark(message) };
  if (message.includes(NOT_RUN_MARK)) return { status: "error", message: `not run: ${unmark(message)}` };
  if (/Exceeded timeout of \d+ ms/.test(message))
    return { status: "timeout", message: "this check did not finish in time" };
  return { status: "failed", message };
}

/**
 * The results of one exercise from the records of its suite file.
 * @param stopped why the test process ended before this suite finished, or null
 */
export function exerciseResults(
  ex: ManifestExercise,
  records: ReporterRecord[],
  stopped: string | null,
): { tests: TestResult[]; flags: Flag[] } {
  const flags: Flag[] = [];
  const flag = (code: Flag["code"], message: string, test?: string) =>
    flags.push({ code, severity: "incident", message, exercise: ex.id, ...(test ? { test } : {}) });
  const byId = new Map<string, Extract<ReporterRecord, { t: "test" }>>();
  let execError: string | null = null;
  let fileDone = false;
  for (const r of records) {
    if (r.t === "file") {
      fileDone = true;
      execError = r.execError;
      continue;
    }
    const id = testIdFromName(r.name);
    if (!id || !ex.tests.some((t) => t.id === id)) {
      flag("unknown-test", `the suite has a test the manifest does not list: "${r.name.slice(0, 120)}"`);
      continue;
    }
    if (byId.has(id)) flag("duplicate-test", `${id} was reported more than once; the first result counts`, id);
    else byId.set(id, r);
  }
  const timedOut = [...byId.values()].find((r) => r.message.includes(TIMEOUT_MARK));
  const tests = ex.tests.map((t) => {
    const r = byId.get(t.id);
    if (r) {
      const j = judgeRecord(r.status, r.message);
      return makeResult(ex, t, j.status, j.message, r.duration);
    }
    if (execError) return makeResult(ex, t, "error", `the suite could not run: ${execError}`);
    if (!fileDone && stopped) return makeResult(ex, t, "timeout", `not run: ${stopped}`);
    if (timedOut) return makeResult(ex, t, "error", "not run: an earlier check of this exercise ran out of time");
    flag("missing-test", `the suite has no test for ${t.id}`, t.id);
    return makeResult(ex, t, "error", "this check did not run");
  });
  return { tests, flags };
}

function unmark(message: string): string {
  return message.replace(TIMEOUT_MARK, "").replace(NOT_RUN_MARK, "").trim();
}

export function cap(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
