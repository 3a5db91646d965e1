import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LESSONS } from "../../lessons/index";
import { CliIo, findLesson, main } from "../../lessons/runner/cli";
import { recordLessonProgress } from "../../lessons/runner/progress";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "lesson-cli-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A kit root in a temp folder, so lesson files present or missing are under the test's control. */
async function cli(args: string[], lessonFiles: Record<string, string> = {}) {
  const kitRoot = path.join(dir, "kit");
  fs.mkdirSync(path.join(kitRoot, "lessons"), { recursive: true });
  fs.copyFileSync(path.resolve(__dirname, "..", "..", "package.json"), path.join(kitRoot, "package.json"));
  for (const [file, text] of Object.entries(lessonFiles)) fs.writeFileSync(path.join(kitRoot, file), text);
  let out = "";
  const io: CliIo = {
    kitRoot,
    write: (t) => (out += t),
    colorLevel: 0,
    width: 80,
    progressFile: path.join(dir, "progress.json"),
  };
  const code = await main(args, io);
  return { code, out, io };
}

test("lesson arguments are numbers or slugs", () => {
  expect(findLesson("4")?.slug).toBe("normal-equation");
  expect(findLesson("normal-equation")?.number).toBe(4);
  expect(findLesson("04-normal-equation.md")?.number).toBe(4);
  expect(findLesson("12")).toBeUndefined();
});

test("the index lists lessons 0..11 once each, with files named after number and slug", () => {
  expect(LESSONS.map((l) => l.number)).toEqual([...Array(12).keys()]);
  expect(new Set(LESSONS.map((l) => l.slug)).size).toBe(12);
  for (const l of LESSONS) expect(l.file).toBe(`lessons/${String(l.number).padStart(2, "0")}-${l.slug}.md`);
});

test("no argument lists every lesson with the learner's progress", async () => {
  const progressFile = path.join(dir, "progress.json");
  recordLessonProgress(progressFile, "first-graph", { completed: true, lastCell: 5, cells: 5 });
  recordLessonProgress(progressFile, "managing-graphs", { completed: false, lastCell: 2, cells: 4 });
  const { code, out } = await cli([], {
    "lessons/01-first-graph.md": "# one\n",
    "lessons/02-managing-graphs.md": "# two\n",
  });
  expect(code).toBe(0);
  const lines = out.split("\n");
  expect(lines[0]).toBe('tensorlings lessons · chapter 9, "Up and Running with TensorFlow"');
  expect(lines).toContain("  ✓  1  Creating your first graph and running it in a session");
  expect(lines).toContain("  ◐  2  Managing graphs  stopped after cell 2 of 4");
  expect(lines).toContain("     4  Linear regression with the normal equation  [data]  (not written yet)");
  expect(out).toContain("1 of 12 lessons done.");
});

test("running a lesson prints it and records it as completed", async () => {
  const lesson = "# First graph\n\n```ts\nconsole.log(6 * 7);\n```\n";
  const { code, out, io } = await cli(["1"], { "lessons/01-first-graph.md": lesson });
  expect(code).toBe(0);
  expect(out.startsWith("Lesson 1 · Creating your first graph and running it in a session\n")).toBe(true);
  expect(out).toContain("│ 42\n");
  const saved = JSON.parse(fs.readFileSync(io.progressFile, "utf8"));
  expect(saved.lessons["first-graph"]).toMatchObject({ completed: true, lastCell: 1, cells: 1 });
});

test("a lesson without its file fails clearly and records nothing", async () => {
  const { code, out, io } = await cli(["3"]);
  expect(code).toBe(1);
  expect(out).toContain(
    "Lesson 3 (node-value-lifecycle) has no file yet: lessons/03-node-value-lifecycle.md is missing.",
  );
  expect(fs.existsSync(io.progressFile)).toBe(false);
});

test("unknown lessons and options get a clear message", async () => {
  expect(await cli(["42"])).toMatchObject({
    code: 1,
    out: expect.stringContaining('There is no lesson "42". Lessons are numbered 0 to 11'),
  });
  expect(await cli(["--fast"])).toMatchObject({
    code: 1,
    out: expect.stringContaining("Unknown option '--fast'."),
  });
  expect(await cli(["--help"])).toMatchObject({
    code: 0,
    out: expect.stringContaining("npm run lesson -- --check"),
  });
});

test("--check runs the doc tests and exits non-zero on a drift", async () => {
  const good = "```ts\nconsole.log(0.1 + 0.2);\n```\n```output approx\n0.3\n```\n";
  const drifted = "```ts\nconsole.log(0.31);\n```\n```output approx\n0.3\n```\n";
  const passing = await cli(["--check", "1"], { "lessons/01-first-graph.md": good });
  expect(passing).toMatchObject({
    code: 0,
    out: "✓ lesson 1 first-graph: 1 cell, 1 output checked\nAll 1 checked.\n",
  });
  const failing = await cli(["--check", "1", "2"], { "lessons/01-first-graph.md": drifted });
  expect(failing.code).toBe(1);
  expect(failing.out).toContain("- 0.3\n");
  expect(failing.out).toContain("+ 0.31\n");
  expect(failing.out).toContain("✗ lesson 2 managing-graphs: lessons/02-managing-graphs.md is missing");
  expect(failing.out).toContain("2 of 2 lessons failed.");
});

test("missing data: the advice appears once, wrapped at 80 columns, exit code 3", async () => {
  const { fetchCaliforniaHousingSync } = await import("../../datasets/californiaHousing");
  const empty = path.join(dir, "empty");
  fs.mkdirSync(empty);
  let message = "";
  try {
    fetchCaliforniaHousingSync({ dataHome: empty, cacheDir: empty });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toContain("could not be loaded");
  const cell = `const e = new Error(${JSON.stringify(message)}); e.name = "DatasetUnavailableError"; throw e;`;
  const { code, out } = await cli(["4"], { "lessons/04-normal-equation.md": `# Four\n\n\`\`\`ts\n${cell}\n\`\`\`\n` });
  expect(code).toBe(3);
  const shown = out.slice(out.indexOf("throw e;") + "throw e;".length);
  expect(shown.split("HOML_DATA_HOME to a folder")).toHaveLength(2);
  expect(shown).not.toContain("Lesson 4 works on");
  expect(out).toContain("Then run `npm run lesson 4` again.");
  for (const line of shown.split("\n").filter((l) => l.length > 80)) expect(line).toMatch(/^\s*(- )?\S+$/);
});

describe("the end of a lesson points to the exercises that practise it", () => {
  const suites = path.join("grader", "suites");
  const exercise = (id: number, lesson: number, title: string) => ({
    id,
    slug: `ex${id}`,
    file: `ex0${id}.ts`,
    title,
    lesson,
    tests: [{ id: `ex0${id}.t`, name: "t" }],
  });
  const lesson2 = { "lessons/02-managing-graphs.md": "# Two\n\n```ts\nconsole.log(2);\n```\n" };
  /** A kit whose manifest says exercises 5 and 3 practise lesson 2 and exercise 4 lesson 1. */
  function kitWith(manifest: unknown) {
    const root = path.join(dir, "kit", suites);
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, "manifest.json"), JSON.stringify(manifest, null, 2));
    for (const n of [3, 4, 5]) fs.writeFileSync(path.join(root, `ex0${n}.test.ts`), "");
  }

  test("each exercise naming the lesson, by number, after the end line", async () => {
    kitWith({
      schemaVersion: 1,
      exercises: [exercise(5, 2, "Five"), exercise(4, 1, "Four"), exercise(3, 2, "Three")],
    });
    const { code, out } = await cli(["2"], lesson2);
    expect(code).toBe(0);
    expect(out).toMatch(
      /✓ End of lesson 2\. Next: npm run lesson 3\nPractise it: npm run grade 3 — Three\n {13}npm run grade 5 — Five\n$/,
    );
    expect(out).not.toContain("Four");
  });

  test("nothing when no exercise names the lesson, or the kit has no suites", async () => {
    expect((await cli(["2"], lesson2)).out).not.toContain("Practise it");
    kitWith({ schemaVersion: 1, exercises: [exercise(4, 1, "Four")] });
    expect((await cli(["2"], lesson2)).out).toMatch(/Next: npm run lesson 3\n$/);
  });

  test("a broken manifest is reported and the lesson still counts as done", async () => {
    kitWith({ schemaVersion: 1, exercises: [{ ...exercise(3, 2, "Three"), lesson: 42 }] });
    const { code, out, io } = await cli(["2"], lesson2);
    expect(code).toBe(0);
    expect(out).toContain("(the exercises could not be listed: invalid manifest");
    expect(out).toContain("exercise 3: lesson 42 does not exist (lessons are numbered 0 to 11)");
    expect(JSON.parse(fs.readFileSync(io.progressFile, "utf8")).lessons["managing-graphs"].completed).toBe(
      true,
    );
  });

  test("the kit's own manifest: every exercise's lesson exists and lists it back", async () => {
    const { loadManifest } = await import("../../grader/manifest");
    const { exercisesOfLesson } = await import("../../lessons/practice");
    const manifest = loadManifest(path.resolve(__dirname, "..", "..", suites));
    const listed = LESSONS.flatMap((l) =>
      exercisesOfLesson(manifest, l.number).map((ex) => [ex.id, l.number]),
    );
    expect(listed.sort((a, b) => a[0] - b[0])).toEqual(manifest.exercises.map((ex) => [ex.id, ex.lesson]));
    expect(exercisesOfLesson(manifest, 6).map((ex) => ex.id)).toEqual([7, 8, 9]);
  });
});
