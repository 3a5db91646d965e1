/**
 * The word reports show for a graded submission. `GradeRecord.status` stays pass/fail/error (the
 * engine's contract); a gradebook reads `fail` as failing the course, which 95 % is not, so:
 *
 *   pass     full marks
 *   partial  some points, not all
 *   zero     graded, no points
 *   error    the grader itself failed (not the student's doing)
 */
import type { GradeRecord } from "../engine/types";

export type GradeWord = "pass" | "partial" | "zero" | "error";

export function gradeWord(r: Pick<GradeRecord, "status" | "score" | "max_score">): GradeWord {
  if (r.status === "error") return "error";
  if (r.max_score > 0 && r.score >= r.max_score) return "pass";
  return r.score > 0 ? "partial" : "zero";
}

/** Maximum points per exercise id, taken from the records (which took them from the manifest). */
export function exerciseMaxima(records: GradeRecord[]): Map<number, number> {
  const max = new Map<number, number>();
  for (const r of records) for (const e of r.exercises) if (!max.has(e.id)) max.set(e.id, e.max_score);
  return max;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
