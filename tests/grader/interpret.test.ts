/**
 * From the trusted test process's records to test results: the manifest decides which tests
 * exist and what they are worth; time-outs and checks left unrun are told apart from failures.
 */
import { exerciseResults, judgeRecord } from "../../grader/engine/interpret";
import type { ReporterRecord } from "../../grader/engine/runner";
import { NOT_RUN_MARK, TIMEOUT_MARK } from "../../grader/harness/descriptor";
import type { ManifestExercise } from "../../grader/manifest";

const ex = {
  id: 1,
  slug: "x",
  file: "ex01.ts",
  title: "X",
  timeoutMs: 1000,
  suite: "ex01.test.ts",
  memoryMb: 512,
  typecheck: "gate",
  allowChildProcess: false,
  hints: [],
  answers: {},
  tests: [
    { id: "ex01.a", name: "a", points: 1, visibility: "visible" },
    { id: "ex01.b", name: "b", points: 2, visibility: "visible" },
    { id: "ex01.c", name: "c", points: 0, visibility: "visible", advisory: true },
  ],
} as unknown as ManifestExercise;

const test = (name: string, status: string, message = ""): ReporterRecord => ({
  t: "test",
  file: "ex01.test.ts",
  name,
  status,
  message,
  duration: 5,
});
const fileDone: ReporterRecord = { t: "file", file: "ex01.test.ts", execError: null };

describe("judging one record", () => {
  it("maps Jest's statuses and the bridge's marks", () => {
    expect(judgeRecord("passed", "").status).toBe("passed");
    expect(judgeRecord("failed", "expected 3").status).toBe("failed");
    expect(judgeRecord("failed", `${TIMEOUT_MARK} \`a\` did not finish`)).toEqual({
      status: "timeout",
      message: "`a` did not finish",
    });
    expect(judgeRecord("failed", `${NOT_RUN_MARK} the learner's process ended`)).toEqual({
      status: "error",
      message: "not run: the learner's process ended",
    });
    expect(judgeRecord("skipped", "").status).toBe("error");
    expect(judgeRecord("failed", "Exceeded timeout of 5000 ms for a test.").status).toBe("timeout");
  });
});

describe("an exercise's results", () => {
  it("scores passes by the manifest's points, whatever the suite reports", () => {
    const r = exerciseResults(ex, [test("[ex01.a] a", "passed"), test("[ex01.b] b", "failed", "no"), test("[ex01.c] c", "passed"), fileDone], null);
    expect(r.tests.map((t) => [t.id, t.status, t.score, t.max_score])).toEqual([
      ["ex01.a", "passed", 1, 1],
      ["ex01.b", "failed", 0, 2],
      ["ex01.c", "passed", 0, 0],
    ]);
    expect(r.flags).toEqual([]);
  });

  it("flags tests the manifest does not list, repeated results and missing ones", () => {
    const r = exerciseResults(ex, [test("[ex01.a] a", "passed"), test("[ex01.a] a", "passed"), test("[zz] extra", "passed"), fileDone], null);
    expect(r.flags.map((f) => f.code).sort()).toEqual(["duplicate-test", "missing-test", "missing-test", "unknown-test"]);
    expect(r.tests[1]).toMatchObject({ status: "error", score: 0 });
  });

  it("blames the rest of a suite the process was stopped in on the stop, not on the learner's code", () => {
    const r = exerciseResults(ex, [test("[ex01.a] a", "passed")], "the grader's time for this submission ran out");
    expect(r.tests.map((t) => t.status)).toEqual(["passed", "timeout", "timeout"]);
    expect(r.tests[1].message).toMatch(/not run: the grader's time/);
  });

  it("reports a suite that could not load as an error on every check", () => {
    const r = exerciseResults(ex, [{ t: "file", file: "ex01.test.ts", execError: "SyntaxError in suite" }], null);
    expect(r.tests.every((t) => t.status === "error" && /could not run/.test(t.message))).toBe(true);
  });
});
