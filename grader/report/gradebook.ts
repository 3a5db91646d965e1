/**
 * Gradebook imports for LMSs, one row per student, total points only.
 *
 * Canvas (Grades → Import): columns `Student, ID, SIS User ID, SIS Login ID, Section`, then one
 * column per assignment; a second row `Points Possible` gives its maximum. Canvas matches a row by
 * ID (its user id) or the SIS ids; a Canvas submission download names files
 * `<name>[_LATE]_<userid>_<submissionid>_<file>`, so the user id is read from the student id or,
 * when a roster renamed the student, from the original name.
 *
 * Moodle (Grade administration → Import → CSV file): any columns; at import one is mapped to
 * "Identify user by" (here `Username`), the grade column to a grade item and `Feedback` to its
 * feedback. Posting a grade publishes it, so the feedback states the full total.
 */
import { parseCanvasName } from "../engine/submission";
import type { GradeRecord } from "../engine/types";
import { toCsv } from "./csv";
import { gradeWord } from "./status";

/** Canvas user id from a Canvas-style download name, or "" when the id is not one. */
export function canvasUserId(studentId: string): string {
  return parseCanvasName(studentId)?.userId ?? "";
}

function points(r: GradeRecord): number | string {
  return r.status === "error" ? "" : r.score;
}

export function canvasGradebookCsv(records: GradeRecord[], assignment: string): string {
  const max = records.find((r) => r.status !== "error")?.max_score ?? records[0]?.max_score ?? 0;
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment];
  const possible = ["Points Possible", "", "", "", "", max];
  const rows = records.map((r) => [
    r.submission.id,
    // A roster replaces the id; the Canvas download name it came from still carries the user id.
    canvasUserId(r.submission.id) || canvasUserId(r.submission.original_name ?? ""),
    "",
    r.submission.id,
    "",
    points(r),
  ]);
  return toCsv([header, possible, ...rows]);
}

export function moodleGradebookCsv(records: GradeRecord[], assignment: string): string {
  const header = ["Username", assignment, "Feedback"];
  const rows = records.map((r) => [
    r.submission.id,
    points(r),
    r.status === "error"
      ? "not graded: the grader failed"
      : `${r.score}/${r.max_score} points (${gradeWord(r)})`,
  ]);
  return toCsv([header, ...rows]);
}
