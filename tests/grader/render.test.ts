/**
 * What a learner reads after grading: every failing check in full and wrapped, the first marked,
 * no grader jargon, a table that cuts titles at a word and names the lesson to reread.
 */
import chalk from "chalk";
import * as path from "path";
import { exerciseOrExplain } from "../../grader/cli/exerciseNumber";
import { emptyProgress } from "../../grader/cli/progress";
import { learnerWords, renderExercise, renderTable } from "../../grader/cli/render";
import type { GradeRecord, TestResult } from "../../grader/engine/types";
import { loadManifest, parseManifest } from "../../grader/manifest";

chalk.level = 0;
const KIT = path.resolve(__dirname, "..", "..");
const manifest = loadManifest(path.join(KIT, "grader", "suites"));
const ex9 = manifest.exercises.find((e) => e.id === 9)!;

const LONG = "the value of b for a fed a is not what happens when the graph computes b from that a ".repeat(3);
const test = (id: string, status: TestResult["status"], message: string): TestResult => ({
  id,
  exercise: 9,
  name: ex9.tests.find((t) => t.id === id)!.name,
  status,
  score: status === "passed" ? 1 : 0,
  max_score: 1,
  visibility: "visible",
  message,
  duration_ms: 1,
});
const record = {
  exercises: [{ id: 9, slug: ex9.slug, title: ex9.title, file: ex9.file, status: "partial", score: 1, max_score: 3 }],
  tests: [
    test("ex09.graph", "passed", ""),
    test("ex09.fed", "failed", `first problem: ${LONG}\n--final <dir>/final-model/checkpoint`),
    test(
      "ex09.upstream",
      "failed",
      'the answer to question "q" is not the expected one (checked against a hashed key)\nLook again at Part B.',
    ),
  ],
  diagnostics: [],
} as unknown as GradeRecord;

describe("one exercise's failures", () => {
  const text = renderExercise(ex9, record, emptyProgress(), { width: 60 });
  const lines = text.split("\n");

  it("shows every failing check in full, the last one included", () => {
    const flat = text.replace(/\n\s*/g, " ");
    expect(flat).toContain(`first problem: ${LONG.trim()}`);
    expect(flat).toContain("--final <dir>/final-model/checkpoint");
    expect(flat).toContain("Look again at Part B.");
  });

  it("wraps to the terminal width", () => {
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
  });

  it("marks the first failing check as the one to fix first, and only that one", () => {
    const marked = lines.flatMap((l, i) => (l.includes("fix this one first") ? [lines[i + 1]] : []));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain("✗ running b with a fed gives b");
    expect(text).toContain("Fix the check marked first, then run npm run grade 9 again.");
  });

  it("points a failing exercise to the lesson it names, and a passing one to none", () => {
    expect(text.replace(/\n/g, " ")).toContain(
      "Reread lesson 6: Feeding data: placeholders and mini-batch gradient descent — npm run lesson 6",
    );
    const passed = {
      ...record,
      exercises: [{ ...record.exercises[0], status: "passed", score: 3 }],
      tests: record.tests.map((t) => ({ ...t, status: "passed", score: 1 })),
    } as GradeRecord;
    const passing = renderExercise(ex9, passed, emptyProgress(), { width: 200 });
    expect(passing).toContain("all visible checks passed");
    expect(passing).not.toContain("Reread lesson");
    const noLesson = renderExercise({ ...ex9, lesson: undefined }, record, emptyProgress(), { width: 200 });
    expect(noLesson).not.toContain("Reread lesson");
  });

  it("keeps grader jargon out: no question ids, no hashed key, no manifest", () => {
    expect(text).toContain("your answer is not the expected one");
    expect(text).not.toMatch(/hashed|question "q"|manifest/);
    expect(learnerWords('no answer to question "q" was given')).toBe("your code gave no answer for this check");
  });

  it("in watch mode asks for a save instead of another command", () => {
    const watching = renderExercise(ex9, record, emptyProgress(), { width: 80, next: "save" });
    expect(watching).toContain("then save the file to re-grade.");
    expect(watching).not.toContain("npm run grade 9 again");
  });
});

describe("the exercise table", () => {
  const table = renderTable(manifest, null, emptyProgress(), { width: 80 });
  const rows = table.split("\n");

  it("fits 80 columns and shows number, title, points, status and the lesson to reread", () => {
    expect(Math.max(...rows.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(rows[0]).toMatch(/#\s+exercise\s+points\s+status\s+reread/);
    const row1 = rows.findIndex((l) => /^\s+1 /.test(l));
    expect(rows[row1]).toMatch(/^\s+1 {2}Benefits and drawbacks of a computation\s+0\/4\s+not graded\s+lesson 1$/);
    expect(rows[row1 + 1]).toBe("     graph");
    expect(table).not.toContain("graph-benefits");
  });

  it("wraps long titles at word boundaries, never mid-word", () => {
    const row12 = rows.findIndex((l) => /^\s+12 /.test(l));
    const title = [rows[row12].slice(5, 45), rows[row12 + 1]].map((s) => s.trim()).join(" ");
    expect(title).toBe("Logistic regression with mini-batch gradient descent on moons");
  });
});

describe("exercise numbers", () => {
  it("explains a number out of range without grader words", () => {
    expect(exerciseOrExplain(manifest, "13", "usage")).toBe("There is no exercise 13; the exercises are numbered 1 to 12.");
    expect(exerciseOrExplain(manifest, "x", "usage")).toBe('"x" is not an exercise number; the exercises are numbered 1 to 12.');
    expect(exerciseOrExplain(manifest, "9", "usage")).toBe(ex9);
  });

  it("every exercise names a lesson, and the manifest rejects a bad one", () => {
    expect(manifest.exercises.every((e) => Number.isInteger(e.lesson))).toBe(true);
    const raw = { schemaVersion: 1, exercises: [{ id: 1, slug: "a", file: "ex01.ts", title: "A", lesson: "four", tests: [{ id: "t", name: "t" }] }] };
    expect(() => parseManifest(raw)).toThrow("exercise 1: lesson must be a lesson number");
  });
});
