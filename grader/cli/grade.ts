/**
 * Learner mode: `npm run grade` (table of all exercises), `npm run grade 12` (one exercise in
 * detail), `npm run grade reset [N]` or `npm run grade -- --reset [N]` (forget progress),
 * `npm run grade -- --json [N]` (the grade record, slugs and all, for scripts).
 * It grades the local `exercises/` with the same engine the instructor's batch uses.
 */
import { SingleBar, Presets } from "cli-progress";
import * as path from "path";
import { Grader } from "../engine/grade";
import type { GradeRecord } from "../engine/types";
import { findExercise, loadManifest } from "../manifest";
import { exerciseOrExplain } from "./exerciseNumber";
import { learnerPaths, PATH_OPTIONS, type LearnerPaths } from "./paths";
import { loadProgress, recordGrade, resetProgress, saveProgress } from "./progress";
import { renderExercise, renderTable } from "./render";
import { parseCommandLine } from "./args";

export interface LearnerGradeOptions {
  paths: LearnerPaths;
  /** One exercise, or all when undefined. */
  exercise?: number;
  /** Live progress while grading all exercises (a bar on a terminal). */
  showProgress?: boolean;
  /** Terminal width for wrapping (80 when unknown). */
  width?: number;
  /** What the closing line asks for after a fix: grading again, or (watch mode) saving. */
  next?: "grade" | "save";
}

export interface LearnerGradeResult {
  record: GradeRecord;
  text: string;
  allPassed: boolean;
}

export async function learnerGrade(opts: LearnerGradeOptions): Promise<LearnerGradeResult> {
  const grader = new Grader({
    kitRoot: opts.paths.kitRoot,
    suitesDir: opts.paths.tests,
    mode: "learner",
    overlapTypecheck: true,
    // Beside the progress file: an unchanged exercise is not graded again.
    cacheDir: path.join(path.dirname(opts.paths.progress), "grade-cache"),
  });
  try {
    const exercises =
      opts.exercise === undefined
        ? grader.manifest.exercises.map((e) => e.id)
        : [findExercise(grader.manifest, opts.exercise).id];
    const bar =
      opts.showProgress && exercises.length > 1
        ? new SingleBar(
            { format: "grading {bar} {value}/{total} exercises", hideCursor: true, clearOnComplete: true },
            Presets.shades_classic,
          )
        : null;
    bar?.start(exercises.length, 0);
    let done = 0;
    const record = await grader.grade(
      { id: "learner", path: opts.paths.exercises, kind: "folder" },
      { exercises, onExercise: () => bar?.update(++done) },
    );
    bar?.stop();
    const progress = loadProgress(opts.paths.progress);
    for (const r of record.exercises) recordGrade(progress, r);
    saveProgress(opts.paths.progress, progress);
    const view = { width: opts.width, next: opts.next, folder: shownFolder(opts.paths.exercises) };
    const text =
      opts.exercise === undefined
        ? renderTable(grader.manifest, record, progress, view)
        : renderExercise(findExercise(grader.manifest, opts.exercise), record, progress, view);
    const problem = record.status === "error" ? `\n\nThe grader itself failed: ${record.error}` : "";
    return { record, text: text + problem, allPassed: record.score === record.max_score };
  } finally {
    await grader.close();
  }
}

/** The graded folder as the learner would type it: relative to where they are, else in full. */
export function shownFolder(dir: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, dir);
  const shown = rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? dir : rel;
  return shown.split(path.sep).join("/");
}

const USAGE = "usage: npm run grade [N]   |   npm run grade reset [N]   |   npm run grade -- --json [N]";

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        ...PATH_OPTIONS,
        reset: { type: "boolean" },
        strict: { type: "boolean" },
        json: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    },
    USAGE,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const paths = learnerPaths(values);
  const words = [...positionals];
  const reset = values.reset || words[0] === "reset";
  if (words[0] === "reset") words.shift();
  let n: number | undefined;
  try {
    if (words[0] !== undefined) {
      const ex = exerciseOrExplain(loadManifest(paths.tests), words[0], USAGE);
      if (typeof ex === "string") {
        console.error(ex);
        return 2;
      }
      n = ex.id;
    }
    if (reset) {
      saveProgress(paths.progress, resetProgress(loadProgress(paths.progress), n));
      console.log(n === undefined ? "Progress reset." : `Progress for exercise ${n} reset.`);
      return 0;
    }
    const result = await learnerGrade({
      paths,
      exercise: n,
      showProgress: process.stderr.isTTY && !values.json,
      width: process.stdout.columns,
    });
    console.log(values.json ? JSON.stringify(result.record, null, 2) : result.text);
    return values.strict && !result.allPassed ? 1 : 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
