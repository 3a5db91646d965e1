/**
 * Every suite passes a right answer and fails a missing one: the grading engine (the same one
 * `npm run grade` and batch grading use) grades the reference `solutions/`, which must get full
 * marks on every exercise, and the untouched `exercises/`, which must score zero on every test,
 * each test failing on its own checks (not on a type error, a crash or a timeout).
 *
 * The exercises come from the manifest, so a new one is covered as soon as its suite, starter and
 * solution exist; until then it shows up here as a todo. Grading works on a copy of the suites
 * folder: the engine restores the folder it grades from after each submission, and this test
 * must not undo edits made to `grader/suites/` while it runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Grader } from "../../grader/engine/grade";
import type { GradeRecord, TestResult } from "../../grader/engine/types";
import { exerciseMaxScore, MANIFEST_FILE, parseManifest, type ManifestExercise } from "../../grader/manifest";

const ROOT = path.resolve(__dirname, "..", "..");
const SUITES = path.join(ROOT, "grader", "suites");
const SOLUTIONS = path.join(ROOT, "solutions");
const STARTERS = path.join(ROOT, "exercises");

const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(SUITES, MANIFEST_FILE), "utf8")), MANIFEST_FILE, SUITES);

/** True when the exercise's file (or a .ts file in its folder) exists under `root`. */
function hasExerciseFile(root: string, ex: ManifestExercise): boolean {
  const p = path.join(root, ex.file);
  if (!ex.file.endsWith("/")) return fs.existsSync(p);
  return fs.existsSync(p) && fs.readdirSync(p, { recursive: true }).some((f) => String(f).endsWith(".ts"));
}

const ready = manifest.exercises.filter((ex) => fs.existsSync(path.join(SUITES, ex.suite)) && hasExerciseFile(SOLUTIONS, ex) && hasExerciseFile(STARTERS, ex));
const pending = manifest.exercises.filter((ex) => !ready.includes(ex));

let work: string;
let solved: GradeRecord;
let untouched: GradeRecord;

/** A copy of the suites folder whose manifest lists only the exercises that can be graded. */
function copySuites(): string {
  const dir = path.join(work, "suites");
  fs.cpSync(SUITES, dir, { recursive: true });
  const raw = JSON.parse(fs.readFileSync(path.join(SUITES, MANIFEST_FILE), "utf8"));
  raw.exercises = raw.exercises.filter((e: { id: number }) => ready.some((ex) => ex.id === e.id));
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(raw, null, 2));
  return dir;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grade-reference-"));
  if (ready.length === 0) return;
  const grader = new Grader({ suitesDir: copySuites(), mode: "batch", overlapTypecheck: true, workBase: work });
  try {
    const ids = ready.map((ex) => ex.id);
    // One submission after the other, each with its suites two at a time: both cores stay busy.
    solved = await grader.grade({ id: "solutions", path: SOLUTIONS, kind: "folder" }, { exercises: ids });
    untouched = await grader.grade({ id: "starters", path: STARTERS, kind: "folder" }, { exercises: ids });
  } finally {
    await grader.close();
  }
}, 900_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function describeTests(tests: TestResult[]): string {
  return tests.map((t) => `  ${t.id}: ${t.status}${t.message ? ` - ${t.message.split("\n").slice(0, 4).join(" / ")}` : ""}`).join("\n");
}

for (const ex of pending) test.todo(`exercise ${ex.id} (${ex.slug}): its suite, starter or solution does not exist yet`);

describe.each(ready.map((ex) => [ex.id, ex.slug, ex] as const))("exercise %i (%s)", (id, _slug, ex) => {
  it("the reference solution gets full marks", () => {
    expect(solved.status).not.toBe("error");
    const result = solved.exercises.find((e) => e.id === id)!;
    const tests = solved.tests.filter((t) => t.exercise === id);
    const notPassed = tests.filter((t) => t.status !== "passed");
    expect({ exercise: id, score: result.score, notPassed: describeTests(notPassed) }).toEqual({ exercise: id, score: exerciseMaxScore(ex), notPassed: "" });
    expect(tests.map((t) => t.id)).toEqual(ex.tests.map((t) => t.id));
    expect(solved.flags.filter((f) => f.exercise === id && f.severity === "integrity")).toEqual([]);
  });

  it("the untouched starter scores zero, every test failing on its checks", () => {
    expect(untouched.status).not.toBe("error");
    const result = untouched.exercises.find((e) => e.id === id)!;
    const tests = untouched.tests.filter((t) => t.exercise === id);
    expect(result.max_score).toBe(exerciseMaxScore(ex));
    const notFailed = tests.filter((t) => t.status !== "failed" || t.score !== 0);
    expect({ exercise: id, score: result.score, notFailed: describeTests(notFailed) }).toEqual({ exercise: id, score: 0, notFailed: "" });
    expect(tests).toHaveLength(ex.tests.length);
  });
});

test("the manifest lists every exercise from 1 to 12 once", () => {
  expect(manifest.exercises.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
});
