/**
 * `npm run hint N`: shows the next hint level for exercise N (levels are remembered in the
 * progress file; after the last level, the last one is shown again). `--reset` starts over.
 */
import chalk from "chalk";
import { parseArgs } from "util";
import { loadManifest } from "../manifest";
import { exerciseOrExplain } from "./exerciseNumber";
import { learnerPaths, PATH_OPTIONS } from "./paths";
import { loadProgress, nextHint, saveProgress } from "./progress";

const USAGE = "usage: npm run hint N   (N is the exercise number)";

export function hintText(paths: ReturnType<typeof learnerPaths>, exercise: number | string, reset = false): string {
  const ex = exerciseOrExplain(loadManifest(paths.tests), String(exercise), USAGE);
  if (typeof ex === "string") throw new Error(ex);
  const progress = loadProgress(paths.progress);
  if (reset) delete progress.hints[ex.id];
  if (ex.hints.length === 0) {
    saveProgress(paths.progress, progress);
    return `Exercise ${ex.id} has no hints. Read the statement at the top of exercises/${ex.file} again.`;
  }
  const level = nextHint(progress, ex.id, ex.hints.length);
  saveProgress(paths.progress, progress);
  const last = level === ex.hints.length;
  return [
    chalk.bold(`Exercise ${ex.id} · ${ex.title}: hint ${level} of ${ex.hints.length}`),
    "",
    ex.hints[level - 1],
    "",
    chalk.gray(last ? "That is the last hint." : `Run it again for hint ${level + 1}.`),
  ].join("\n");
}

export function main(argv = process.argv.slice(2)): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...PATH_OPTIONS, reset: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals[0] === undefined) throw new Error(USAGE);
    console.log(hintText(learnerPaths(values), positionals[0], values.reset));
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}

if (require.main === module) process.exit(main());
