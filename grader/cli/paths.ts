/**
 * Where learner mode looks: the kit's `exercises/`, the public suites in `grader/suites/`, and
 * the progress file `.tensorlings/progress.json` (git-ignored). Each can be pointed elsewhere
 * (`--exercises`, `--tests`, `--progress`), which the grader's own tests use.
 */
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../engine/kit";

export interface LearnerPaths {
  kitRoot: string;
  exercises: string;
  tests: string;
  progress: string;
}

export function learnerPaths(
  over: { exercises?: string; tests?: string; progress?: string; kit?: string } = {},
): LearnerPaths {
  const kitRoot = path.resolve(over.kit ?? DEFAULT_KIT_ROOT);
  return {
    kitRoot,
    exercises: path.resolve(over.exercises ?? path.join(kitRoot, "exercises")),
    tests: path.resolve(over.tests ?? path.join(kitRoot, "grader", "suites")),
    progress: path.resolve(
      over.progress ??
        process.env.TENSORLINGS_PROGRESS ??
        path.join(kitRoot, ".tensorlings", "progress.json"),
    ),
  };
}

/** Options shared by grade, hint and watch. */
export const PATH_OPTIONS = {
  exercises: { type: "string" },
  tests: { type: "string" },
  progress: { type: "string" },
  kit: { type: "string" },
} as const;
