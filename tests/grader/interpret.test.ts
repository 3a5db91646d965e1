/**
 * The crediting rules on hand-made event streams: what a run must look like for its results to
 * count, and what each kind of abnormal end or forgery turns into.
 */
import { hashAnswer } from "../../grader/answers";
import { applyAttempt, newExerciseState, withholdOnIntegrity } from "../../grader/engine/interpret";
import type { ChildEvent, RunOutcome } from "../../grader/engine/runner";
import { parseManifest } from "../../grader/manifest";

const manifest = parseManifest({
  schemaVersion: 1,
  exercises: [
    {
      id: 1,
      slug: "add",
      file: "ex01.ts",
      title: "Add",
      timeoutMs: 2000,
      answers: { q1: { salt: "s", sha256: hashAnswer(1, "q1", "b", "s") } },
      tests: [
        { id: "ex01.t1", name: "one", points: 1 },
        { id: "ex01.t2", name: "two", points: 2 },
        { id: "ex01.q1", name: "question", points: 3, answer: "q1" },
      ],
    },
  ],
});
const ex = manifest.exercises[0];
const ids = ex.tests.map((t) => t.id);
const N = { t1: "[ex01.t1] one", t2: "[ex01.t2] two", q1: "[ex01.q1] question" };

const ev = (t: string, extra: Record<string, unknown> = {}): ChildEvent => ({ t, role: "env", ...extra });
const start = (name: string) => ev("test_start", { name });
const pass = (name: string, assertions = 1) =>
  ev("test_done", { name, errors: [], duration: 3, assertions, integrity: [] });
const fail = (name: string, msg: string) =>
  ev("test_done", { name, errors: [msg], duration: 3, assertions: 0, integrity: [] });
const answer = (question: string, value: unknown) =>
  ev("answer", { exercise: 1, question, json: JSON.stringify(value) });
const complete = [
  ev("run_finish", { unhandled: [] }),
  { t: "file_result", role: "rep", execError: null, numTests: 3 },
  { t: "complete", role: "rep" },
];

function outcome(events: ChildEvent[], over: Partial<RunOutcome> = {}): RunOutcome {
  return { events, forged: [], exitCode: 0, signal: null, killed: null, output: "", durationMs: 10, ...over };
}

function apply(events: ChildEvent[], over: Partial<RunOutcome> = {}, requested = ids) {
  const state = newExerciseState(ex);
  const verdict = applyAttempt(state, outcome(events, over), {
    requested,
    suiteIntact: true,
    memoryMb: 256,
    outputBytes: 1000,
    testTimeoutMs: () => 2000,
  });
  return {
    state,
    verdict,
    status: (id: string) => state.results.get(id)?.status,
    codes: () => state.flags.map((f) => f.code),
  };
}

describe("crediting a suite run", () => {
  it("credits a run that completed normally and judges the answer in the parent", () => {
    const { state, verdict } = apply([
      ev("setup"),
      ev("run_start", { tests: Object.values(N) }),
      start(N.t1),
      pass(N.t1),
      start(N.t2),
      fail(N.t2, "Expected 4, received 0"),
      start(N.q1),
      answer("q1", "B"),
      pass(N.q1),
      ...complete,
    ]);
    expect(verdict.rerun).toEqual([]);
    expect([...state.results.values()].map((r) => [r.id, r.status, r.score])).toEqual([
      ["ex01.t1", "passed", 1],
      ["ex01.t2", "failed", 0],
      ["ex01.q1", "passed", 3],
    ]);
    expect(state.results.get("ex01.t2")!.message).toBe("Expected 4, received 0");
    expect(state.flags).toEqual([]);
  });

  it("fails a wrong or missing answer without revealing the key", () => {
    const wrong = apply([start(N.q1), answer("q1", "c"), pass(N.q1), ...complete], {}, ["ex01.q1"]);
    expect(wrong.status("ex01.q1")).toBe("failed");
    expect(wrong.state.results.get("ex01.q1")!.message).toMatch(/not the expected one/);
    expect(wrong.state.results.get("ex01.q1")!.message).not.toMatch(/"b"/);
    const none = apply([start(N.q1), pass(N.q1), ...complete], {}, ["ex01.q1"]);
    expect(none.state.results.get("ex01.q1")!.message).toMatch(/no answer/);
  });

  it("credits nothing from a run that ended early, blames the running test and reruns the others", () => {
    const r = apply([start(N.t1), pass(N.t1), start(N.t2)], {
      killed: { reason: "test-timeout", test: N.t2 },
      exitCode: null,
      signal: "SIGKILL",
    });
    expect(r.status("ex01.t1")).toBeUndefined();
    expect(r.status("ex01.t2")).toBe("timeout");
    expect(r.state.results.get("ex01.t2")!.message).toBe("timed out after 2 s (possible infinite loop)");
    expect(r.verdict.rerun).toEqual(["ex01.t1", "ex01.q1"]);
    expect(r.codes()).toEqual(["timeout"]);
  });

  it("names the cause of an early end: memory, output, process.exit, crash", () => {
    const cases: Array<[Partial<RunOutcome>, ChildEvent[], RegExp, string]> = [
      [{ killed: { reason: "memory", test: N.t1 } }, [], /more than 256 MB/, "memory-limit"],
      [{ killed: { reason: "output", test: N.t1 } }, [], /more than 1000 bytes/, "output-limit"],
      [{}, [{ t: "exit", role: "exit", code: 0 }], /process\.exit\(0\)/, "process-exit"],
      [{ signal: "SIGSEGV", exitCode: null }, [], /crashed \(SIGSEGV\)/, "crashed"],
    ];
    for (const [over, tail, message, code] of cases) {
      const r = apply([start(N.t1), ...tail], over);
      expect(r.state.results.get("ex01.t1")!.message).toMatch(message);
      expect(r.codes()).toContain(code);
    }
  });

  it("ignores forged passes followed by an exit (they never reach a normal end)", () => {
    const forged = [
      start(N.t1),
      pass(N.t1),
      start(N.t2),
      pass(N.t2),
      start(N.q1),
      answer("q1", "b"),
      pass(N.q1),
      { t: "exit", role: "exit", code: 0 },
    ];
    const r = apply(forged);
    expect([...r.state.results.values()].filter((x) => x.status === "passed")).toEqual([]);
    expect(r.status("ex01.q1")).toBe("error");
    expect(r.verdict.rerun).toEqual(["ex01.t1", "ex01.t2"]);
  });

  it("treats duplicates, results for tests not running, and forged lines as integrity problems", () => {
    const dup = apply([start(N.t1), pass(N.t1), pass(N.t1), ...complete], {}, ["ex01.t1"]);
    expect(dup.status("ex01.t1")).toBe("integrity-error");
    const notRunning = apply([start(N.t1), pass(N.t2), pass(N.t1), ...complete], {}, ["ex01.t1", "ex01.t2"]);
    expect(notRunning.status("ex01.t2")).toBe("integrity-error");
    const forged = apply([start(N.t1), pass(N.t1), ...complete], { forged: ['{"t":"test_done"}'] }, [
      "ex01.t1",
    ]);
    expect(forged.codes()).toContain("forged-channel");
    withholdOnIntegrity(forged.state);
    expect(forged.status("ex01.t1")).toBe("integrity-error");
  });

  it("turns framework tampering, cleared errors and assertion-free passes into integrity errors", () => {
    const tampered = apply(
      [
        start(N.t1),
        ev("test_done", {
          name: N.t1,
          errors: [],
          assertions: 1,
          integrity: ["the global `expect` was replaced"],
        }),
        ...complete,
      ],
      {},
      ["ex01.t1"],
    );
    expect(tampered.status("ex01.t1")).toBe("integrity-error");
    expect(tampered.codes()).toEqual(["framework-tampered"]);
    const cleared = apply(
      [
        start(N.t1),
        ev("test_done", {
          name: N.t1,
          errors: [],
          assertions: 1,
          integrity: ["the test failed but its errors were removed"],
        }),
        ...complete,
      ],
      {},
      ["ex01.t1"],
    );
    expect(cleared.codes()).toEqual(["errors-cleared"]);
    const empty = apply([start(N.t1), pass(N.t1, 0), ...complete], {}, ["ex01.t1"]);
    expect(empty.codes()).toEqual(["no-assertions"]);
  });

  it("flags answers given outside the test that asks for them, and answering twice", () => {
    const probe = apply([
      start(N.t1),
      answer("q1", "a"),
      pass(N.t1),
      start(N.q1),
      answer("q1", "b"),
      pass(N.q1),
      ...complete,
    ]);
    expect(probe.codes()).toContain("answer-resubmitted");
    const twice = apply([start(N.q1), answer("q1", "a"), answer("q1", "b"), pass(N.q1), ...complete], {}, [
      "ex01.q1",
    ]);
    expect(twice.status("ex01.q1")).toBe("integrity-error");
  });

  it("reports a suite that could not load as errors on every test, and tests it never ran", () => {
    const broken = apply([
      { t: "file_result", role: "rep", execError: "SyntaxError: Unexpected token", numTests: 0 },
      { t: "complete", role: "rep" },
    ]);
    expect(ids.map((id) => broken.status(id))).toEqual(["error", "error", "error"]);
    expect(broken.state.results.get("ex01.t1")!.message).toMatch(/could not run:\nSyntaxError/);
    const missing = apply([start(N.t1), pass(N.t1), ...complete], {}, ["ex01.t1", "ex01.t2"]);
    expect(missing.status("ex01.t2")).toBe("error");
    expect(missing.codes()).toEqual(["missing-test"]);
  });

  it("does not count a skip announced for a test filtered out of a rerun", () => {
    const r = apply(
      [start(N.t1), ev("test_skip", { name: N.t1 }), start(N.t2), pass(N.t2), ...complete],
      {},
      ["ex01.t2"],
    );
    expect(r.status("ex01.t1")).toBeUndefined();
    expect(r.status("ex01.t2")).toBe("passed");
    expect(r.state.flags).toEqual([]);
  });
});
