import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { progressFile, readLessonsProgress, recordLessonProgress } from "../../lessons/runner/progress";

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lesson-progress-"));
  file = progressFile(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("lives in .tensorlings/progress.json under the kit root", () => {
  expect(path.relative(dir, file)).toBe(path.join(".tensorlings", "progress.json"));
});

test("no file yet means no progress", () => {
  expect(readLessonsProgress(file)).toEqual({});
});

test("records lessons under `lessons` and leaves the grader's `exercises` alone", () => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const exercises = { "ex01-first-graph": { passed: true } };
  fs.writeFileSync(file, JSON.stringify({ exercises, version: 1 }));
  recordLessonProgress(file, "first-graph", { completed: true, lastCell: 6, cells: 6 });
  recordLessonProgress(file, "managing-graphs", { completed: false, lastCell: 2, cells: 5 });
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(saved.exercises).toEqual(exercises);
  expect(saved.version).toBe(2);
  expect(saved.lessons["first-graph"]).toMatchObject({ completed: true, lastCell: 6, cells: 6 });
  expect(Date.parse(saved.lessons["first-graph"].completedAt)).not.toBeNaN();
  expect(saved.lessons["managing-graphs"]).toEqual({ completed: false, lastCell: 2, cells: 5 });
  expect(readLessonsProgress(file)).toEqual(saved.lessons);
});

test("quitting a lesson finished before keeps it completed", () => {
  const first = recordLessonProgress(file, "first-graph", { completed: true, lastCell: 6, cells: 6 });
  const again = recordLessonProgress(file, "first-graph", { completed: false, lastCell: 2, cells: 6 });
  expect(again).toEqual({ completed: true, completedAt: first.completedAt, lastCell: 2, cells: 6 });
});

test("a damaged file is moved aside, not silently overwritten", () => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "{ not json");
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    recordLessonProgress(file, "x", { completed: true, lastCell: 1, cells: 1 });
    expect(String(err.mock.calls[0][0])).toContain("could not be read");
  } finally {
    err.mockRestore();
  }
  const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith("progress.json.corrupt-"));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(path.dirname(file), aside[0]), "utf8")).toBe("{ not json");
  expect(readLessonsProgress(file).x.completed).toBe(true);
});
