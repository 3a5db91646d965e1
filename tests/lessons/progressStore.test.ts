/**
 * One progress file for lessons and exercises: each writer keeps the other's keys (finding 1:
 * grading used to erase lesson progress), unknown keys survive, writes are atomic, and an
 * unreadable file is moved aside, never overwritten.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadProgress, nextHint, recordGrade, saveProgress } from "../../grader/cli/progress";
import type { ExerciseResult } from "../../grader/engine/types";
import { readLessonsProgress, recordLessonProgress } from "../../lessons/runner/progress";
import { PROGRESS_VERSION, progressFile, readProgress, updateProgress } from "../../lessons/runner/progressStore";

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "progress-store-"));
  file = progressFile(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const result = (id: number, score: number): ExerciseResult =>
  ({ id, slug: `ex${id}`, status: score > 0 ? "passed" : "failed", score, max_score: 1 }) as ExerciseResult;

/** What `npm run grade` does after grading: load, record, save. */
function grade(id: number, score: number): void {
  const p = loadProgress(file);
  recordGrade(p, result(id, score));
  saveProgress(file, p);
}

test("lesson -> grade -> lesson keeps both records", () => {
  recordLessonProgress(file, "first-graph", { completed: true, lastCell: 12, cells: 12 });
  recordLessonProgress(file, "normal-equation", { completed: true, lastCell: 9, cells: 9 });
  grade(3, 1);
  expect(Object.keys(readLessonsProgress(file))).toEqual(["first-graph", "normal-equation"]);
  recordLessonProgress(file, "gradient-descent", { completed: false, lastCell: 2, cells: 10 });
  expect(loadProgress(file).exercises["3"]).toMatchObject({ status: "passed", bestScore: 1 });
  expect(readLessonsProgress(file)["normal-equation"].completed).toBe(true);
});

test("grade -> lesson -> grade keeps both records, hints included", () => {
  grade(9, 0);
  const p = loadProgress(file);
  nextHint(p, 9, 3);
  saveProgress(file, p);
  recordLessonProgress(file, "name-scopes", { completed: true, lastCell: 7, cells: 7 });
  grade(9, 1);
  const after = loadProgress(file);
  expect(after.exercises["9"]).toMatchObject({ attempts: 2, bestScore: 1 });
  expect(after.hints["9"]).toBe(1);
  expect(readLessonsProgress(file)["name-scopes"].completed).toBe(true);
});

test("keys this version does not know survive every writer", () => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: 1, notes: { theme: "dark" }, exercises: {} }));
  grade(1, 1);
  recordLessonProgress(file, "first-graph", { completed: true, lastCell: 1, cells: 1 });
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(saved.notes).toEqual({ theme: "dark" });
  expect(saved.version).toBe(PROGRESS_VERSION);
});

test("writes are atomic: no temporary file is left and readers see whole JSON", () => {
  updateProgress(file, (d) => (d.lessons = { a: { completed: true, lastCell: 1, cells: 1 } }));
  expect(fs.readdirSync(path.dirname(file))).toEqual(["progress.json"]);
  expect(readProgress(file).lessons).toEqual({ a: { completed: true, lastCell: 1, cells: 1 } });
});

test.each([
  ["half-written JSON", '{"lessons": {"first-gra'],
  ["an array", "[1, 2]"],
  ["a bad version", '{"version": "two"}'],
])("an unreadable file (%s) is moved aside, never overwritten", (_what, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const moved: string[] = [];
  const now = () => new Date("2026-01-02T03:04:05.678Z");
  const data = updateProgress(file, (d) => (d.hints = { 1: 1 }), {
    now,
    onMovedAside: (_from, to, why) => moved.push(`${path.basename(to)}: ${why}`),
  });
  expect(data.hints).toEqual({ 1: 1 });
  expect(moved).toHaveLength(1);
  expect(moved[0]).toMatch(/^progress\.json\.corrupt-2026-01-02T03-04-05-678Z: /);
  expect(fs.readFileSync(`${file}.corrupt-2026-01-02T03-04-05-678Z`, "utf8")).toBe(text);
});

test("a file from a newer kit is an error naming it, and is left alone", () => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify({ version: PROGRESS_VERSION + 1, lessons: {} });
  fs.writeFileSync(file, text);
  expect(() => grade(1, 1)).toThrow(`${file} was written by a newer version of the kit`);
  expect(fs.readFileSync(file, "utf8")).toBe(text);
});
