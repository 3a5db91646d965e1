/**
 * The one list of lessons. The lesson listing, progress, the runner and the doc tests all read it;
 * add or rename a lesson here and nowhere else.
 */

export interface LessonEntry {
  /** Position in the course, 0..11; `npm run lesson 4` picks by this number. */
  readonly number: number;
  /** Stable id: the progress file and `npm run lesson <slug>` use it. */
  readonly slug: string;
  readonly title: string;
  /** The lesson's Markdown file, relative to the kit root. */
  readonly file: string;
  /** True when the lesson reads California housing (found through HOML_DATA_HOME or the data cache). */
  readonly needsData: boolean;
}

const lesson = (number: number, slug: string, title: string, needsData = false): LessonEntry => ({
  number,
  slug,
  title,
  file: `lessons/${String(number).padStart(2, "0")}-${slug}.md`,
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
