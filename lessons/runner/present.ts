/**
 * Shows a lesson to the learner: prose, each cell, its live output. With a key source it stops after
 * every cell (Enter: next, r: run again, q: quit); without one it prints everything straight through.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LESSONS, LessonEntry } from "../index";
import { LessonContext } from "./cellRunner";
import { dataHelp, DATASET_UNAVAILABLE } from "./errors";
import type { KeySource } from "./keys";
import { parseLesson, Segment } from "./parse";
import { Renderer } from "./render";

export interface PresentOptions {
  kitRoot: string;
  lesson: LessonEntry;
  /** Where the lesson is shown. */
  write: (text: string) => void;
  renderer: Renderer;
  /** Given: step cell by cell. Absent: print everything without waiting. */
  keys?: KeySource;
  cellTimeoutMs?: number;
}

export interface PresentResult {
  status: "completed" | "quit" | "missing" | "data-unavailable";
  /** Number of the last cell that ran (0 when none did). */
  lastCell: number;
  cells: number;
  /** Cells that threw without being marked ```ts throws. */
  failedCells: number[];
}

export async function presentLesson(options: PresentOptions): Promise<PresentResult> {
  const { lesson, write, renderer: r, keys } = options;
  // First thing printed, before the lesson's modules load: the learner sees at once that it started.
  write(r.lessonHeader(lesson.number, lesson.title));
  const file = path.join(options.kitRoot, lesson.file);
  if (!fs.existsSync(file)) {
    write(missingLessonMessage(lesson) + "\n");
    return { status: "missing", lastCell: 0, cells: 0, failedCells: [] };
  }
  const parsed = parseLesson(fs.readFileSync(file, "utf8"));
  const total = parsed.cells.length;
  const printer = r.outputPrinter(write);
  const context = new LessonContext({
    kitRoot: options.kitRoot,
    lessonFile: file,
    defaultTimeoutMs: options.cellTimeoutMs,
    breakOnSigint: Boolean(keys),
    onOutput: (text, stream) => printer.print(text, stream === "stderr"),
  });
  try {
    return await presentSegments(parsed.segments, total, { context, printer }, options);
  } finally {
    context.dispose();
  }
}

type Printer = ReturnType<Renderer["outputPrinter"]>;

async function presentSegments(
  segments: Segment[],
  total: number,
  { context, printer }: { context: LessonContext; printer: Printer },
  options: PresentOptions,
): Promise<PresentResult> {
  const { lesson, write, renderer: r, keys } = options;
  const failedCells = new Set<number>();
  let lastCell = 0;
  const result = (status: PresentResult["status"]): PresentResult => ({
    status,
    lastCell,
    cells: total,
    failedCells: [...failedCells],
  });

  let first = true;
  for (const segment of segments) {
    if (segment.kind === "prose") {
      // The header above already shows the title: drop the lesson's own `# Title` line.
      const markdown = first ? segment.markdown.replace(/^\s*# [^\n]*\n/, "") : segment.markdown;
      if (markdown.trim()) write((first ? "\n" : "") + r.prose(markdown));
      first = false;
      continue;
    }
    first = false;
    write(r.cell(segment, total));
    if (segment.flags.noRun) {
      write("\n");
      continue;
    }
    for (;;) {
      const run = await context.run(segment);
      printer.end();
      lastCell = segment.number;
      if (run.error?.name === DATASET_UNAVAILABLE) {
        // Later cells all need the data, so the lesson stops here with the way to get it.
        write("\n" + r.c.yellow(dataHelp(lesson.number, run.error.message)) + "\n");
        return result("data-unavailable");
      }
      if (run.error) {
        write(r.error(run.error));
        if (!segment.flags.throws) failedCells.add(segment.number);
      } else {
        failedCells.delete(segment.number);
      }
      if (run.durationMs >= 1000) write(r.dim(`(${(run.durationMs / 1000).toFixed(1)} s)`) + "\n");
      if (!keys) {
        write("\n");
        break;
      }
      const key = await prompt(keys, write, r);
      if (key === "quit") return result("quit");
      if (key === "next") {
        write("\n");
        break;
      }
      write(r.dim("↻ running the cell again") + "\n");
    }
  }
  const next = LESSONS.find((l) => l.number === lesson.number + 1);
  write(
    "\n" +
      r.c.green(`✓ End of lesson ${lesson.number}.`) +
      (next ? ` Next: npm run lesson ${next.number}` : "") +
      "\n",
  );
  return result("completed");
}

async function prompt(keys: KeySource, write: (text: string) => void, r: Renderer) {
  write(r.dim("[Enter] next  [r] run again  [q] quit"));
  const key = await keys.next();
  // Clear the hint on a terminal; elsewhere just end its line.
  write(r.c.level > 0 ? "\r\x1b[K" : "\n");
  return key;
}

export function missingLessonMessage(lesson: LessonEntry): string {
  return `Lesson ${lesson.number} (${lesson.slug}) has no file yet: ${lesson.file} is missing.`;
}
