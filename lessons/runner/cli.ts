/**
 * `npm run lesson`            list the lessons with the learner's progress
 * `npm run lesson 4`          run lesson 4 (a number or a slug); steps cell by cell on a terminal
 * `npm run lesson -- --check [4 …]`  doc-test one, several or all lessons and print the diffs
 */
import chalk from "chalk";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DATA_MISSING_EXIT, wrapMessage } from "../../datasets/errors";
import { LESSONS, type LessonEntry } from "../index";
import { practiceFor, practiceLines } from "../practice";
import type { KeySource } from "./keys";
import { progressFile as defaultProgressFile, readLessonsProgress, recordLessonProgress } from "./progress";
import { Renderer } from "./render";

export interface CliIo {
  kitRoot: string;
  write: (text: string) => void;
  /** Where keys come from when stepping; stepping happens only with one. */
  keys?: () => KeySource;
  colorLevel: 0 | 1 | 2 | 3;
  width: number;
  progressFile: string;
  cellTimeoutMs?: number;
}

const USAGE = `Usage:
  npm run lesson                 list the lessons and your progress
  npm run lesson <n>             run lesson n (0-${LESSONS.length - 1}) or a lesson by slug
  npm run lesson -- <n> --print  print the whole lesson without stopping between cells
  npm run lesson -- --check [n…] run the doc tests of the given lessons (all when none given)`;

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        check: { type: "boolean" },
        print: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.write(`${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const { values: flags, positionals: names } = parsed;
  if (flags.help) {
    io.write(USAGE + "\n");
    return 0;
  }
  const lessons: LessonEntry[] = [];
  for (const name of names) {
    const lesson = findLesson(name);
    if (!lesson) {
      io.write(
        `There is no lesson "${name}". Lessons are numbered 0 to ${LESSONS.length - 1}; \`npm run lesson\` lists them.\n`,
      );
      return 1;
    }
    lessons.push(lesson);
  }
  if (flags.check) return check(lessons.length > 0 ? lessons : [...LESSONS], io);
  if (lessons.length === 0) return list(io);
  if (lessons.length > 1) {
    io.write(`Run one lesson at a time (got ${names.join(", ")}).\n`);
    return 1;
  }
  return run(lessons[0], io, !flags.print);
}

export function findLesson(name: string): LessonEntry | undefined {
  if (/^\d+$/.test(name)) return LESSONS.find((l) => l.number === Number(name));
  const slug = name.toLowerCase().replace(/^\d+-/, "").replace(/\.md$/, "");
  return LESSONS.find((l) => l.slug === slug);
}

function list(io: CliIo): number {
  const c = new chalk.Instance({ level: io.colorLevel });
  io.write(c.bold(`tensorlings lessons · chapter 9, "Up and Running with TensorFlow"`) + "\n\n");
  const progress = readLessonsProgress(io.progressFile);
  let done = 0;
  for (const lesson of LESSONS) {
    const p = progress[lesson.slug];
    if (p?.completed) done++;
    const mark = p?.completed ? c.green("✓") : p && p.lastCell > 0 ? c.yellow("◐") : " ";
    const notes: string[] = [];
    if (lesson.needsData) notes.push(c.dim("[data]"));
    if (p && !p.completed && p.lastCell > 0)
      notes.push(c.dim(`stopped after cell ${p.lastCell} of ${p.cells}`));
    if (!fs.existsSync(path.join(io.kitRoot, lesson.file))) notes.push(c.dim("(not written yet)"));
    io.write(
      `  ${mark} ${String(lesson.number).padStart(2)}  ${lesson.title}${notes.length ? "  " + notes.join("  ") : ""}\n`,
    );
  }
  io.write(`\n${done} of ${LESSONS.length} lessons done. Run one with: npm run lesson <number>\n`);
  if (!process.env.HOML_DATA_HOME && !dataCached()) {
    io.write(
      c.dim(
        wrapMessage([
          "Lessons marked [data] read California housing: `npm run data` fetches it, or set HOML_DATA_HOME to a folder holding california_housing/.",
        ]),
      ) + "\n",
    );
  }
  return 0;
}

function dataCached(): boolean {
  const { defaultCacheDir } = require("../../datasets/cache") as typeof import("../../datasets/cache");
  return fs.existsSync(path.join(defaultCacheDir(), "california_housing"));
}

async function run(lesson: LessonEntry, io: CliIo, step: boolean): Promise<number> {
  const renderer = new Renderer({ colorLevel: io.colorLevel, width: io.width });
  // Loaded after the renderer prints nothing yet but is cheap; the heavy parts load inside presentLesson.
  const { presentLesson } = require("./present") as typeof import("./present");
  const keys = step && io.keys ? io.keys() : undefined;
  try {
    const result = await presentLesson({
      kitRoot: io.kitRoot,
      lesson,
      write: io.write,
      renderer,
      keys,
      cellTimeoutMs: io.cellTimeoutMs,
    });
    if (result.status === "missing") return 1;
    if (result.status === "completed") io.write(practiceFooter(lesson, io));
    if (result.lastCell > 0 || result.status === "completed") {
      recordLessonProgress(io.progressFile, lesson.slug, {
        completed: result.status === "completed",
        lastCell: result.lastCell,
        cells: result.cells,
      });
    }
    return result.status === "data-unavailable" ? DATA_MISSING_EXIT : 0;
  } finally {
    keys?.close();
  }
}

/** The exercises that practise the lesson, to try once it is done; a broken manifest is only reported. */
function practiceFooter(lesson: LessonEntry, io: CliIo): string {
  const c = new chalk.Instance({ level: io.colorLevel });
  try {
    return practiceLines(practiceFor(io.kitRoot, lesson.number))
      .map((line) => line.replace(/npm run grade \d+/, (cmd) => c.cyan(cmd)) + "\n")
      .join("");
  } catch (e) {
    return c.dim(`(the exercises could not be listed: ${(e as Error).message})`) + "\n";
  }
}

async function check(lessons: LessonEntry[], io: CliIo): Promise<number> {
  const { checkLesson, formatCheck } = require("./doctest") as typeof import("./doctest");
  let failures = 0;
  for (const lesson of lessons) {
    const result = await checkLesson(lesson, { kitRoot: io.kitRoot, cellTimeoutMs: io.cellTimeoutMs });
    if (result.status === "failed" || result.status === "missing") failures++;
    io.write(formatCheck(result, `lesson ${lesson.number} ${lesson.slug}`) + "\n");
  }
  io.write(
    failures === 0
      ? `All ${lessons.length} checked.\n`
      : `${failures} of ${lessons.length} lessons failed.\n`,
  );
  return failures === 0 ? 0 : 1;
}

/** The real terminal: stepping only when both ends are a terminal and not in CI. */
export function processIo(): CliIo {
  const kitRoot = path.resolve(__dirname, "..", "..");
  const ci = process.env.CI !== undefined && !["", "0", "false"].includes(process.env.CI.toLowerCase());
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY) && !ci;
  const supports = chalk.supportsColor;
  const write = process.stdout.write.bind(process.stdout);
  return {
    kitRoot,
    write: (text) => void write(text),
    keys: interactive
      ? () => (require("./keys") as typeof import("./keys")).keysFrom(process.stdin)
      : undefined,
    colorLevel: supports ? supports.level : 0,
    width: process.stdout.columns || 80,
    progressFile: defaultProgressFile(kitRoot),
  };
}

/** Entry point for a real process (lessons/runner/start.js, or ts-node on this file). */
export function runFromCommandLine(): void {
  // Errors a cell leaves behind in a timer or an unawaited promise are reported, not fatal.
  const report = (e: unknown) =>
    process.stderr.write(
      `\n(an error escaped from a cell: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})\n`,
    );
  process.on("unhandledRejection", report);
  process.on("uncaughtException", report);
  main(process.argv.slice(2), processIo()).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`lesson runner failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromCommandLine();
