/**
 * The learner's progress: a small JSON file recording, per exercise, the last and best score,
 * attempts, and how many hint levels were shown. A convenience only: instructors regrade from
 * scratch and never read it.
 */
import { readProgress, section, updateProgress } from "../../lessons/runner/progressStore";
import type { ExerciseResult } from "../engine/types";

export interface ExerciseProgress {
  status: ExerciseResult["status"];
  lastScore: number;
  bestScore: number;
  maxScore: number;
  attempts: number;
  lastGradedAt: string;
  /** When every visible check first passed. */
  passedAt?: string;
}

/** The grader's part of the shared progress file (lessons/runner/progressStore.ts): `exercises` and `hints`. */
export interface Progress {
  exercises: Record<string, ExerciseProgress>;
  /** Hint levels shown so far, by exercise id. */
  hints: Record<string, number>;
}

export function emptyProgress(): Progress {
  return { exercises: {}, hints: {} };
}

/** The grader's keys of the progress file; a missing file is no progress yet. */
export function loadProgress(file: string): Progress {
  const data = readProgress(file);
  return { exercises: section<ExerciseProgress>(data, "exercises"), hints: section<number>(data, "hints") };
}

/** Writes the grader's keys only; the lessons' progress and unknown keys stay as they are. */
export function saveProgress(file: string, p: Progress): void {
  updateProgress(file, (data) => {
    data.exercises = p.exercises;
    data.hints = p.hints;
  });
}

export function recordGrade(p: Progress, r: ExerciseResult, now = new Date()): void {
  const prev = p.exercises[r.id];
  const passed = r.status === "passed";
  p.exercises[r.id] = {
    status: r.status,
    lastScore: r.score,
    bestScore: Math.max(prev?.bestScore ?? 0, r.score),
    maxScore: r.max_score,
    attempts: (prev?.attempts ?? 0) + 1,
    lastGradedAt: now.toISOString(),
    ...(prev?.passedAt || passed ? { passedAt: prev?.passedAt ?? now.toISOString() } : {}),
  };
}

/** Forgets one exercise (or everything when `exerciseId` is undefined). */
export function resetProgress(p: Progress, exerciseId?: number): Progress {
  if (exerciseId === undefined) return emptyProgress();
  delete p.exercises[exerciseId];
  delete p.hints[exerciseId];
  return p;
}

/** The next hint level to show (1-based), capped at the number of levels. */
export function nextHint(p: Progress, exerciseId: number, levels: number): number {
  const shown = p.hints[exerciseId] ?? 0;
  const next = Math.min(shown + 1, levels);
  p.hints[exerciseId] = next;
  return next;
}
