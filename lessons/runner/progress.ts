/**
 * The learner's progress in `.tensorlings/progress.json` at the kit root. The file is shared: the
 * grader keeps its results under `exercises`, the lesson runner under `lessons`. Every write
 * re-reads the file and replaces only its own key, so neither side loses the other's data.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface LessonProgress {
  completed: boolean;
  /** When the learner last reached the end of the lesson (ISO 8601). */
  completedAt?: string;
  /** Last cell run in the latest session, and how many cells the lesson had then. */
  lastCell: number;
  cells: number;
}

/** Lesson progress keyed by lesson slug. */
export type LessonsProgress = Record<string, LessonProgress>;

export function progressFile(kitRoot: string): string {
  return path.join(kitRoot, ".tensorlings", "progress.json");
}

export function readLessonsProgress(file: string): LessonsProgress {
  const lessons = readAll(file).lessons;
  return lessons && typeof lessons === "object" && !Array.isArray(lessons)
    ? (lessons as LessonsProgress)
    : {};
}

export function recordLessonProgress(
  file: string,
  slug: string,
  update: { completed: boolean; lastCell: number; cells: number },
): LessonProgress {
  const all = readAll(file);
  const lessons = (all.lessons && typeof all.lessons === "object" ? all.lessons : {}) as LessonsProgress;
  const before = lessons[slug];
  const entry: LessonProgress = {
    // Quitting a lesson finished earlier does not take the tick away.
    completed: update.completed || Boolean(before?.completed),
    completedAt: update.completed ? new Date().toISOString() : before?.completedAt,
    lastCell: update.lastCell,
    cells: update.cells,
  };
  if (entry.completedAt === undefined) delete entry.completedAt;
  all.lessons = { ...lessons, [slug]: entry };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a crash never leaves half a file for the grader to read.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(all, null, 2) + "\n");
  fs.renameSync(tmp, file);
  return entry;
}

function readAll(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === "object" && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new Error(`${file} is not a JSON object; fix or delete it (it holds lesson and exercise progress)`);
}
