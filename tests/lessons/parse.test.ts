import { DEFAULT_ATOL, DEFAULT_RTOL, parseLesson } from "../../lessons/runner/parse";

const lesson = [
  "# Title", //                     1
  "",
  "Intro with `code`.",
  "",
  "```ts", //                       5
  "const a = 1;",
  "```",
  "```output",
  "1",
  "```", //                         10
  "",
  "```python",
  "print('prose only')",
  "```",
  "", //                            15
  "```typescript no-run timeout=5",
  "while (true) {}",
  "```",
  "",
  "```ts throws", //                20
  "throw new Error('x');",
  "```",
  "",
  "```output tolerance=1e-3 atol=0 unordered",
  "Error: x", //                    25
  "```",
  "",
  "- a list with a nested fence",
  "",
  "  ```ts", //                     30
  "  nested();",
  "  ```",
  "",
].join("\n");

test("splits prose and cells, numbering cells and keeping fence lines", () => {
  const parsed = parseLesson(lesson);
  expect(parsed.problems).toEqual([]);
  expect(parsed.segments.map((s) => s.kind)).toEqual(["prose", "cell", "prose", "cell", "cell", "prose"]);
  expect(parsed.cells.map((c) => [c.number, c.line, c.code])).toEqual([
    [1, 5, "const a = 1;"],
    [2, 16, "while (true) {}"],
    [3, 20, "throw new Error('x');"],
  ]);
});

test("a python fence and a fence nested in a list stay prose", () => {
  const prose = parseLesson(lesson)
    .segments.filter((s) => s.kind === "prose")
    .map((s) => (s.kind === "prose" ? s.markdown : ""));
  expect(prose.join("")).toContain("print('prose only')");
  expect(prose.join("")).toContain("nested();");
});

test("reads cell and output flags", () => {
  const [first, second, third] = parseLesson(lesson).cells;
  expect(first.flags).toEqual({ noRun: false, throws: false });
  expect(first.expected).toEqual({
    text: "1",
    line: 8,
    flags: { approx: false, rtol: DEFAULT_RTOL, atol: DEFAULT_ATOL, unordered: false },
  });
  expect(second.flags).toEqual({ noRun: true, throws: false, timeoutSeconds: 5 });
  expect(second.expected).toBeUndefined();
  expect(third.flags.throws).toBe(true);
  expect(third.expected?.flags).toEqual({ approx: true, rtol: 1e-3, atol: 0, unordered: true });
});

test("reports authoring mistakes instead of ignoring them", () => {
  const parsed = parseLesson(
    [
      "```output",
      "stray",
      "```",
      "",
      "```ts norun",
      "x",
      "```",
      "```output fuzzy tolerance=abc",
      "x",
      "```",
      "```output",
      "twice",
      "```",
    ].join("\n"),
  );
  expect(parsed.problems).toEqual([
    "line 1: this output block does not follow a ```ts cell, so nothing checks it",
    'line 5: unknown cell flag "norun" (known: no-run, throws, timeout=SECONDS)',
    'line 8: unknown output flag "fuzzy" (known: approx, tolerance=REL, atol=ABS, unordered)',
    'line 8: unknown output flag "tolerance=abc" (known: approx, tolerance=REL, atol=ABS, unordered)',
    "line 11: this output block does not follow a ```ts cell, so nothing checks it",
  ]);
});

test("an output block after a no-run cell is flagged, since it can never be checked", () => {
  expect(parseLesson("```ts no-run\nx\n```\n```output\n1\n```\n").problems).toEqual([
    "line 4: cell 1 is no-run, so its output block can never be checked",
  ]);
});

test("blank lines may separate a cell from its output block; prose may not", () => {
  expect(parseLesson("```ts\nx\n```\n\n\n```output\n1\n```\n").cells[0].expected?.text).toBe("1");
  const withProse = parseLesson("```ts\nx\n```\n\nSome prose.\n\n```output\n1\n```\n");
  expect(withProse.cells[0].expected).toBeUndefined();
  expect(withProse.problems).toEqual([
    "line 7: this output block does not follow a ```ts cell, so nothing checks it",
  ]);
});
