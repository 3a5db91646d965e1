import * as path from "node:path";
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import type { LessonEntry } from "../../lessons/index";
import { keysFrom } from "../../lessons/runner/keys";
import { presentLesson } from "../../lessons/runner/present";
import { Renderer } from "../../lessons/runner/render";

const kitRoot = path.resolve(__dirname, "..", "..");
const fixture = (name: string): LessonEntry => ({
  number: 7,
  slug: name,
  title: `Fixture ${name}`,
  file: `tests/fixtures/lessons/${name}.md`,
  needsData: false,
});

async function show(name: string, keys?: ReturnType<typeof keysFrom>) {
  let text = "";
  const result = await presentLesson({
    kitRoot,
    lesson: fixture(name),
    write: (t) => (text += t),
    renderer: new Renderer({ colorLevel: 0, width: 80 }),
    keys,
  });
  return { text, result };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("printing without a terminal", () => {
  test("prints header, prose, every cell and its output in order, without waiting", async () => {
    const { text, result } = await show("shared-state");
    expect(text.split("\n")[0]).toBe("Lesson 7 · Fixture shared-state");
    const order = [
      "Cells share their top-level names",
      "── cell 1/4 ",
      'const greeting: string = "hello";',
      "── cell 2/4 ",
      "│ hello 2 42\n│ 5 1 2 [ 3, 4 ]\n│ written directly\n│ to stderr\n",
      "── cell 3/4 ",
      "│ 1 Red { x: 1, y: 2 }",
      'print("not run")',
      "── cell 4/4 ",
      "(shown only, not run)",
      "The end.",
      "✓ End of lesson 7. Next: npm run lesson 8",
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain("[Enter]");
    expect(text).not.toContain("a no-run cell is never executed\n│");
    expect(stripVTControlCharacters(text)).toBe(text); // no colour without a terminal
    expect(result).toEqual({ status: "completed", lastCell: 3, cells: 4, failedCells: [] });
  });

  test("an error is shown readably and the lesson goes on", async () => {
    const { text, result } = await show("errors");
    expect(text).toContain("│ partial output\n✗ ShapeError: shapes (2, 3) and (4,) are incompatible\n");
    expect(text.indexOf("│ after")).toBeGreaterThan(text.indexOf("✗ ShapeError"));
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.status).toBe("completed");
    expect(result.failedCells).toEqual([2, 6]);
  });

  test("missing data stops the lesson with the data module's advice and the way back, said once", async () => {
    const { text, result } = await show("needs-data");
    expect(result.status).toBe("data-unavailable");
    expect(text).toContain(
      "California housing not found under HOML_DATA_HOME\nThen run `npm run lesson 7` again.\n",
    );
    expect(text).not.toContain("never reached");
    expect(text).not.toContain("✗");
  });

  test("a missing lesson file says so clearly", async () => {
    const { text, result } = await show("not-written");
    expect(result.status).toBe("missing");
    expect(text).toBe(
      "Lesson 7 · Fixture not-written\nLesson 7 (not-written) has no file yet: tests/fixtures/lessons/not-written.md is missing.\n",
    );
  });
});

describe("stepping with keys", () => {
  test("line input: Enter goes on, r runs the cell again, q quits", async () => {
    const input = new PassThrough();
    input.write("\nr\nq\n");
    const { text, result } = await show("await", keysFrom(input));
    expect(count(text, "[Enter] next  [r] run again  [q] quit")).toBe(3);
    expect(count(text, "│ n = 1\n")).toBe(2);
    expect(text).toContain("↻ running the cell again");
    expect(text).not.toContain("── cell 3/3");
    expect(result).toEqual({ status: "quit", lastCell: 2, cells: 3, failedCells: [] });
  });

  test("raw terminal input: one key at a time, raw mode switched off again", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: jest.fn() });
    input.write("\rr\r\r");
    const { text, result } = await show("await", keysFrom(input));
    expect(count(text, "│ n = 1\n")).toBe(2);
    expect(result.status).toBe("completed");
    expect(input.setRawMode.mock.calls.map((c) => c[0])).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  test("keys are waited for: nothing runs past a prompt before the key arrives", async () => {
    const input = new PassThrough();
    let text = "";
    const running = presentLesson({
      kitRoot,
      lesson: fixture("await"),
      write: (t) => (text += t),
      renderer: new Renderer({ colorLevel: 0, width: 80 }),
      keys: keysFrom(input),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(text).toContain("│ awaited 7");
    expect(text).not.toContain("── cell 2/3");
    input.write("\n");
    await new Promise((r) => setTimeout(r, 100));
    expect(text).toContain("── cell 2/3");
    input.end();
    expect((await running).status).toBe("quit"); // end of input counts as q
  });
});
