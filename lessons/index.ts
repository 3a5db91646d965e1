/**
 * The one list of lessons. The lesson listing, progress, the runner and the doc tests all read it;
 * add or rename a lesson here and nowhere else. Its shape is `LessonSchema` (lessons/schema.ts),
 * imported here as a type only so that the runner starts without loading zod. The exercises that
 * practise a lesson are not listed here: each exercise names its lesson in the manifest
 * (grader/suites/manifest.json), and lessons/practice.ts derives the list from that.
 */
import type { LessonEntry } from "./schema";

export type { LessonEntry };

/** Where lesson `number` lives, relative to the kit root: `lessons/04-normal-equation.md`. */
export function lessonFile(number: number, slug: string): string {
  return `lessons/${String(number).padStart(2, "0")}-${slug}.md`;
}

const lesson = (number: number, slug: string, title: string, needsData = false): LessonEntry => ({
  number,
  slug,
  title,
  file: lessonFile(number, slug),
  needsData,
});

export const LESSONS: readonly LessonEntry[] = [
  lesson(0, "installation", "Installation: the engine, its backends and what runs where"),
  lesson(1, "first-graph", "Creating your first graph and running it in a session"),
  lesson(2, "managing-graphs", "Managing graphs"),
  lesson(3, "node-value-lifecycle", "Lifecycle of a node value"),
  lesson(4, "normal-equation", "Linear regression with the normal equation", true),
  lesson(5, "gradient-descent", "Gradient descent: by hand, with autodiff, with optimizers", true),
  lesson(6, "feeding-data", "Feeding data: placeholders and mini-batch gradient descent", true),
  lesson(7, "saving-restoring", "Saving and restoring models", true),
  lesson(8, "visualizing", "Visualizing the graph and the learning curves", true),
  lesson(9, "name-scopes", "Name scopes", true),
  lesson(10, "modularity", "Modularity"),
  lesson(11, "sharing-variables", "Sharing variables"),
];
