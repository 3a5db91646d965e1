/**
 * Doc tests: run a lesson without a terminal and compare what each cell prints with its ```output
 * block. Used by `npm run lesson -- --check` and by tests/lessons/lessons.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { LessonEntry } from "../index";
import { LessonContext } from "./cellRunner";
import { compareOutput } from "./compare";
import { DATASET_UNAVAILABLE } from "./errors";
import { Cell, parseLesson } from "./parse";

export interface CellCheck {
  cell: number;
  /** Line of the cell's fence in the lesson file. */
  line: number;
  status: "passed" | "failed" | "not-run";
  /** Why it failed, in one line. */
  reason?: string;
  expected?: string;
  actual: string;
  /** Expected (-) against printed (+), when the output differs. */
  diff?: string;
}

export interface LessonCheck {
  /** Lesson file relative to the kit root. */
  file: string;
  status: "passed" | "failed" | "missing" | "data-unavailable";
  cells: CellCheck[];
  /** Authoring mistakes found while parsing (they fail the lesson). */
  problems: string[];
  /** The datasets module's message when the lesson stopped for lack of data. */
  dataMessage?: string;
}

export interface CheckOptions {
  kitRoot: string;
  cellTimeoutMs?: number;
}

export async function checkLesson(
  lesson: Pick<LessonEntry, "file">,
  options: CheckOptions,
): Promise<LessonCheck> {
  const file = path.resolve(options.kitRoot, lesson.file);
  const shown = path.relative(options.kitRoot, file);
  if (!fs.existsSync(file)) return { file: shown, status: "missing", cells: [], problems: [] };
  const parsed = parseLesson(fs.readFileSync(file, "utf8"));
  const context = new LessonContext({
    kitRoot: options.kitRoot,
    lessonFile: file,
    defaultTimeoutMs: options.cellTimeoutMs,
  });
  const cells: CellCheck[] = [];
  try {
    for (const cell of parsed.cells) {
      const verdict = await checkCell(cell, context);
      if ("dataMessage" in verdict)
        return {
          file: shown,
          status: "data-unavailable",
          cells,
          problems: parsed.problems,
          dataMessage: verdict.dataMessage,
        };
      cells.push(verdict);
    }
  } finally {
    context.dispose();
  }
  const failed = parsed.problems.length > 0 || cells.some((c) => c.status === "failed");
  return { file: shown, status: failed ? "failed" : "passed", cells, problems: parsed.problems };
}

async function checkCell(cell: Cell, context: LessonContext): Promise<CellCheck | { dataMessage: string }> {
  const base = { cell: cell.number, line: cell.line, expected: cell.expected?.text };
  if (cell.flags.noRun) return { ...base, status: "not-run", actual: "" };
  const { output: actual, error } = await context.run(cell);
  // Every later cell needs the data too: the lesson stops here.
  if (error?.name === DATASET_UNAVAILABLE) return { dataMessage: error.message };
  if (error && !cell.flags.throws)
    return { ...base, status: "failed", reason: `threw ${error.name}: ${firstLine(error.message)}`, actual };
  if (!error && cell.flags.throws)
    return { ...base, status: "failed", reason: "is marked `throws` but finished without an error", actual };
  if (cell.expected) {
    const comparison = compareOutput(cell.expected.text, actual, cell.expected.flags);
    if (!comparison.ok) {
      return {
        ...base,
        status: "failed",
        reason: `printed output differs from the output block at line ${cell.expected.line}`,
        actual,
        diff: comparison.diff,
      };
    }
  }
  return { ...base, status: "passed", actual };
}

/** A readable report of one lesson's doc test: a summary line, then each failure with its diff. */
export function formatCheck(check: LessonCheck, title = check.file): string {
  switch (check.status) {
    case "missing":
      return `✗ ${title}: ${check.file} is missing`;
    case "data-unavailable":
      return `- ${title}: skipped, the California housing data is not available (${check.dataMessage ?? "no message"})`;
    case "passed": {
      const compared = check.cells.filter((c) => c.status === "passed" && c.expected !== undefined).length;
      return `✓ ${title}: ${plural(check.cells.length, "cell")}, ${plural(compared, "output")} checked`;
    }
  }
  const lines = [`✗ ${title} (${check.file})`];
  for (const problem of check.problems) lines.push(`  ${problem}`);
  for (const cell of check.cells.filter((c) => c.status === "failed")) {
    lines.push(`  cell ${cell.cell} (line ${cell.line}) ${cell.reason}`);
    if (cell.diff) lines.push(indent(cell.diff, "      "));
    else if (cell.actual.trim() !== "") lines.push("    printed:", indent(cell.actual.trimEnd(), "      "));
  }
  return lines.join("\n");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const firstLine = (text: string) => text.split("\n")[0];
const indent = (text: string, pad: string) =>
  text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
