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
    out: expect.stringContaining("Unknown option --fast."),
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
