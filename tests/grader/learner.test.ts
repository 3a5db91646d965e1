/**
 * Learner mode on the fixture kit: full marks for the solved copy, zero for the untouched stubs,
 * type errors first, honest wording, progress, hints and the watch fallback.
 */
import chalk from "chalk";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { learnerGrade, main as gradeMain, shownFolder } from "../../grader/cli/grade";
import { hintText } from "../../grader/cli/hint";
import { learnerPaths } from "../../grader/cli/paths";
import { loadProgress } from "../../grader/cli/progress";
import { bar, readable } from "../../grader/cli/render";
import { HOSTILE, SOLUTION, STUB, SUITES } from "./support/corpus";

chalk.level = 0;
let dir: string;
const paths = (exercises: string) =>
  learnerPaths({ exercises, tests: SUITES, progress: path.join(dir, "progress.json") });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "learner-test-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("learner mode", () => {
  it("gives full marks on the solved fixture and says no more than it knows", async () => {
    const all = await learnerGrade({ paths: paths(SOLUTION) });
    expect(all.record.score).toBe(8);
    expect(all.allPassed).toBe(true);
    expect(all.text).toContain("Total 8/8");
    expect(all.text).toContain("All visible checks of every exercise passed.");
    const one = await learnerGrade({ paths: paths(SOLUTION), exercise: 3 });
    expect(one.record.tests.map((t) => t.status)).toEqual(["passed", "passed"]);
    expect(one.text).toContain("✓ all visible checks passed");
    expect(one.text).not.toMatch(/all checks passed|100% correct|perfect/i);
    // The detail view names the folder it graded (here the fixture's solution), not exercises/.
    expect(one.text).toMatch(/^file: tests\/fixtures\/grader\/kit\/solution\/ex03\/?$/m);
    expect(one.text).not.toMatch(/file: exercises\//);
  }, 60_000);

  it("labels the graded folder as typed: exercises, solutions, or a path outside in full", () => {
    const kit = path.join(path.sep, "srv", "kit");
    expect(shownFolder(path.join(kit, "exercises"), kit)).toBe("exercises");
    expect(shownFolder(path.join(kit, "solutions"), kit)).toBe("solutions");
    expect(shownFolder(path.join(kit, "a", "b"), kit)).toBe("a/b");
    expect(shownFolder(path.join(path.sep, "srv", "other"), kit)).toBe(path.join(path.sep, "srv", "other"));
    expect(shownFolder(kit, kit)).toBe(".");
  });

  it("gives zero on the untouched stubs and points at the first failure and the hints", async () => {
    const all = await learnerGrade({ paths: paths(STUB) });
    expect(all.record.score).toBe(0);
    expect(all.record.exercises.map((e) => e.status)).toEqual(["failed", "failed", "failed"]);
    expect(all.text).toMatch(/Next: exercise 1 \(Add two numbers\): npm run grade 1/);
    const one = await learnerGrade({ paths: paths(STUB), exercise: 1 });
    const lines = one.text.split("\n");
    expect(lines.filter((l) => l.includes("TODO: exercise 1"))).toHaveLength(3);
    expect(one.text).toContain("at ex01.ts:3:9");
    expect(one.text).toContain("Stuck? npm run hint 1 (hint 1 of 3).");
  }, 60_000);

  it("reports type errors first, pointing at the learner's file", async () => {
    const r = await learnerGrade({ paths: paths(path.join(HOSTILE, "type-error")), exercise: 1 });
    const text = r.text;
    expect(text.indexOf("Type errors (fix these first")).toBeGreaterThan(0);
    expect(text.indexOf("Type errors")).toBeLessThan(text.indexOf("adds positive integers"));
    expect(text).toContain("ex01.ts:2:7 - error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(r.record.tests.filter((t) => t.exercise === 1).every((t) => t.status === "type-error")).toBe(true);
  }, 60_000);

  it("keeps progress the learner can reset, and remembers hint levels", async () => {
    const p = paths(STUB);
    const before = loadProgress(p.progress);
    expect(before.exercises["1"].attempts).toBeGreaterThanOrEqual(2);
    expect(before.exercises["3"].bestScore).toBe(2);
    expect(hintText(p, 1)).toContain("hint 1 of 3");
    expect(hintText(p, 1)).toContain("hint 2 of 3");
    const third = hintText(p, 1);
    expect(third).toContain("hint 3 of 3");
    expect(third).toContain("That is the last hint.");
    expect(hintText(p, 1)).toContain("hint 3 of 3");
    expect(hintText(p, 1, true)).toContain("hint 1 of 3");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      expect(
        await gradeMain(["reset", "1", "--tests", SUITES, "--exercises", STUB, "--progress", p.progress]),
      ).toBe(0);
      expect(loadProgress(p.progress).exercises["1"]).toBeUndefined();
      expect(loadProgress(p.progress).exercises["3"]).toBeDefined();
      expect(
        await gradeMain(["--reset", "--tests", SUITES, "--exercises", STUB, "--progress", p.progress]),
      ).toBe(0);
      expect(loadProgress(p.progress)).toEqual({ exercises: {}, hints: {} });
    } finally {
      log.mockRestore();
    }
  });

  it("rejects a bad exercise number clearly", async () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await gradeMain(["twelve", "--tests", SUITES])).toBe(2);
      expect(err.mock.calls[0][0]).toBe(
        '"twelve" is not an exercise number; the exercises are numbered 1 to 3.',
      );
      expect(() => hintText(paths(STUB), 9)).toThrow(
        "There is no exercise 9; the exercises are numbered 1 to 3.",
      );
    } finally {
      err.mockRestore();
    }
  });
});

describe("learner display helpers", () => {
  it("draws bars and makes whitespace-only differences visible", () => {
    expect(bar(0.5, 10)).toBe("█████░░░░░");
    expect(bar(2, 4)).toBe("████");
    const msg = readable('expect(received).toBe(expected)\n\nExpected: "a b"\nReceived: "a  b"');
    expect(msg).toContain('Expected: "a·b"');
    expect(msg).toContain('Received: "a··b"');
    expect(readable("Expected: 1\nReceived: 2")).toBe("Expected: 1\nReceived: 2");
  });
});
