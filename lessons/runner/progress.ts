/**
 * Lesson progress, kept under `lessons` in the shared progress file (lessons/runner/progressStore.ts), which
 * the grader also writes: only the `lessons` key is changed here.
 */
import { progressFile, readProgress, section, updateProgress } from "./progressStore";

export { progressFile };

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

export function readLessonsProgress(file: string): LessonsProgress {
  return section<LessonProgress>(readProgress(file), "lessons");
}

export function recordLessonProgress(
  file: string,
  slug: string,
  update: { completed: boolean; lastCell: number; cells: number },
): LessonProgress {
  let entry: LessonProgress | undefined;
  updateProgress(file, (data) => {
    const lessons = section<LessonProgress>(data, "lessons");
    const before = lessons[slug];
    entry = {
      // Quitting a lesson finished earlier does not take the tick away.
      completed: update.completed || Boolean(before?.completed),
      completedAt: update.completed ? new Date().toISOString() : before?.completedAt,
      lastCell: update.lastCell,
      cells: update.cells,
    };
    if (entry.completedAt === undefined) delete entry.completedAt;
    data.lessons = { ...lessons, [slug]: entry };
  });
  return entry!;
}
