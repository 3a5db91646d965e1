/**
 * Watch mode (finding 2): each save gives a cleared screen (terminal) or a timestamped rule (pipe),
 * names the file, says "grading…" within 300 ms, ends with "save to re-grade", and waits out a
 * file that is briefly missing or empty while an editor saves.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLEAR_SCREEN, watchExercise } from "../../grader/cli/watch";

let dir: string;
let file: string;
let out: string[];
let grades: number;
let stop: (() => void) | undefined;

beforeEach(() => {
  jest.useFakeTimers({ now: new Date("2026-03-04T10:20:30Z") });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "watch-test-"));
  file = path.join(dir, "ex09.ts");
  fs.writeFileSync(file, "export const a = 1;\n");
  out = [];
  grades = 0;
});
afterEach(() => {
  stop?.();
  jest.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(isTTY: boolean) {
  const w = watchExercise({
    target: file,
    label: "exercises/ex09.ts",
    isTTY,
    write: (s) => out.push(s),
    grade: async () => `result ${++grades}`,
  });
  stop = w.stop;
  return w;
}

/** A save: new content and a modification time the poll can tell apart. */
function save(text: string) {
  fs.writeFileSync(file, text);
  const t = Date.now() / 1000;
  fs.utimesSync(file, t, t);
}

test("shows grading… within 300 ms of a save, then the result and save to re-grade", async () => {
  const w = start(true);
  jest.advanceTimersByTime(500);
  expect(out).toEqual([]);
  save("export const a = 2;\n");
  jest.advanceTimersByTime(300);
  expect(out.join("")).toContain("exercises/ex09.ts changed · grading…");
  await w.idle();
  const text = out.join("");
  expect(text.startsWith(CLEAR_SCREEN)).toBe(true);
  expect(text).toContain("result 1");
  expect(text).toMatch(/save to re-grade/);
});

test("each re-grade clears the screen on a terminal", async () => {
  const w = start(true);
  for (const n of [2, 3]) {
    jest.advanceTimersByTime(200);
    save(`export const a = ${n};\n`);
    jest.advanceTimersByTime(300);
    await w.idle();
  }
  expect(out.join("").split(CLEAR_SCREEN)).toHaveLength(3);
  expect(grades).toBe(2);
});

test("without a terminal, runs are separated by a timestamped rule and nothing clears", async () => {
  const w = start(false);
  jest.advanceTimersByTime(200);
  save("export const a = 2;\n");
  jest.advanceTimersByTime(300);
  await w.idle();
  const text = out.join("");
  expect(text).not.toContain("\x1b[");
  const time = new Date().toTimeString().slice(0, 5);
  expect(text).toMatch(new RegExp(`─+ ${time}:\\d\\d ─+\\nexercises/ex09.ts changed · grading…`));
});

test("a file briefly missing or empty mid-save is waited for, then graded once", async () => {
  const w = start(true);
  jest.advanceTimersByTime(200);
  fs.rmSync(file);
  jest.advanceTimersByTime(400);
  fs.writeFileSync(file, "");
  jest.advanceTimersByTime(400);
  expect(grades).toBe(0);
  expect(out).toEqual([]);
  save("export const a = 3;\n");
  jest.advanceTimersByTime(300);
  await w.idle();
  expect(grades).toBe(1);
});

test("a file that stays missing is reported once, not graded", () => {
  start(true);
  jest.advanceTimersByTime(200);
  fs.rmSync(file);
  jest.advanceTimersByTime(5000);
  expect(grades).toBe(0);
  expect(out).toEqual(["exercises/ex09.ts is missing; waiting for it to be saved again.\n"]);
});
