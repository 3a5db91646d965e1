import * as path from "node:path";
import { checkLesson, formatCheck, LessonCheck } from "../../lessons/runner/doctest";

const kitRoot = path.resolve(__dirname, "..", "..");
const check = (name: string) => checkLesson({ file: `tests/fixtures/lessons/${name}.md` }, { kitRoot });
const statuses = (result: LessonCheck) => result.cells.map((c) => [c.cell, c.status]);

test("cells share top-level names; stdout, stderr and console all land in the cell's output", async () => {
  const result = await check("shared-state");
  expect(formatCheck(result)).toBe("✓ tests/fixtures/lessons/shared-state.md: 4 cells, 2 outputs checked");
  expect(statuses(result)).toEqual([
    [1, "passed"],
    [2, "passed"],
    [3, "passed"],
    [4, "not-run"],
  ]);
  expect(result.cells[1].actual).toBe("hello 2 42\n5 1 2 [ 3, 4 ]\nwritten directly\nto stderr\n");
});

test("a throwing cell fails the doc test, but the cells after it still run", async () => {
  const result = await check("errors");
  expect(result.status).toBe("failed");
  expect(statuses(result)).toEqual([
    [1, "passed"],
    [2, "failed"],
    [3, "passed"], // sees `reached` from cell 1 after cell 2 threw
    [4, "passed"], // ```ts throws: the error line is its output
    [5, "failed"], // ```ts throws that did not throw
    [6, "failed"], // syntax error
  ]);
  expect(result.cells[1].reason).toBe("threw ShapeError: shapes (2, 3) and (4,) are incompatible");
  expect(result.cells[1].actual).toBe(
    "partial output\nShapeError: shapes (2, 3) and (4,) are incompatible\n",
  );
  expect(result.cells[4].reason).toBe("is marked `throws` but finished without an error");
  expect(result.cells[5].reason).toBe("threw SyntaxError: Expression expected");
});

test("numbers within the tolerance pass", async () => {
  expect((await check("numbers")).status).toBe("passed");
});

test("a printed value that drifts fails with a readable diff", async () => {
  const result = await check("drift");
  expect(result.status).toBe("failed");
  expect(formatCheck(result, "lesson drift")).toBe(
    [
      "✗ lesson drift (tests/fixtures/lessons/drift.md)",
      "  cell 1 (line 3) printed output differs from the output block at line 7",
      "      - Epoch 100 MSE = 0.7145004",
      "        ^ printed 0.7245004 where 0.7145004 was expected: off by 0.01, relative 0.014; allowed 7.16e-6 (atol 1e-8, rtol 0.00001)",
      "      + Epoch 100 MSE = 0.7245004",
      "        done",
      "  cell 2 (line 12) printed output differs from the output block at line 15",
      "      - add_1:0",
      "      + add_2:0",
    ].join("\n"),
  );
});

test("top-level await works and its names reach later cells; a rejected await is the cell's error", async () => {
  const result = await check("await");
  expect(formatCheck(result)).toBe("✓ tests/fixtures/lessons/await.md: 3 cells, 3 outputs checked");
});

test('"tensorlings", node built-ins and relative imports resolve inside the lesson', async () => {
  const result = await check("imports");
  expect(formatCheck(result)).toBe("✓ tests/fixtures/lessons/imports.md: 3 cells, 2 outputs checked");
});

test("volatile values match through … and unordered output", async () => {
  expect((await check("volatile")).status).toBe("passed");
});

test("a cell past its time limit is stopped with a clear message and the lesson goes on", async () => {
  const result = await check("timeout");
  expect(statuses(result)).toEqual([
    [1, "failed"],
    [2, "failed"],
    [3, "passed"],
  ]);
  expect(result.cells[0].actual).toBe(
    "spinning\nCellTimeoutError: cell 1 was still running after 0.3 s and was stopped; if it really needs longer, mark it ```ts timeout=0.6\n",
  );
  expect(result.cells[1].reason).toMatch(/^threw CellTimeoutError: cell 2 was still running after 0.3 s/);
});

test("DatasetUnavailableError stops the lesson and is reported as missing data, not as a failure", async () => {
  const result = await check("needs-data");
  expect(result.status).toBe("data-unavailable");
  expect(result.dataMessage).toBe("California housing not found under HOML_DATA_HOME");
  expect(result.cells).toEqual([]);
});

test("authoring problems fail the lesson", async () => {
  const result = await check("problems");
  expect(result.status).toBe("failed");
  expect(formatCheck(result)).toContain('line 7: unknown cell flag "norun"');
});

test("a missing lesson file is reported as missing", async () => {
  const result = await check("no-such-lesson");
  expect(result.status).toBe("missing");
  expect(formatCheck(result)).toBe(
    "✗ tests/fixtures/lessons/no-such-lesson.md: tests/fixtures/lessons/no-such-lesson.md is missing",
  );
});
