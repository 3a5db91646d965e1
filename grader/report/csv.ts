/**
 * Gradebook CSVs from GradeRecords: `grades.csv` (one row per student, one column per exercise)
 * and `grades-long.csv` (one row per student and test, for pandas and spreadsheets).
 * Exercise columns state their maximum in the header (`ex01_add (/4)`); `status` is the word
 * from report/status.ts (pass, partial, zero, error). `original_name` is the folder, zip or
 * loose-file name the id came from and `display_name` the roster's name (empty when none).
 */
import type { Manifest } from "../manifest";
import type { GradeRecord } from "../engine/types";
import { exerciseMaxima, gradeWord } from "./status";

export function gradesCsv(records: GradeRecord[], manifest: Pick<Manifest, "exercises">): string {
  const maxima = exerciseMaxima(records);
  const exCols = manifest.exercises.map(
    (e) => `ex${String(e.id).padStart(2, "0")}_${e.slug} (/${maxima.get(e.id) ?? 0})`,
  );
  const header = [
    "student_id",
    "original_name",
    "display_name",
    "submission_sha",
    "total",
    "max_total",
    "percent",
    ...exCols,
    "status",
    "timeouts",
    "integrity_flags",
    "flags",
    "scan_findings",
    "graded_at",
    "grader_version",
    "tests_hash",
  ];
  const rows = records.map((r) => {
    const byEx = new Map(r.exercises.map((e) => [e.id, e.score]));
    const codes = [...new Set(r.flags.map((f) => f.code))].sort().join(" ");
    return [
      r.submission.id,
      r.submission.original_name ?? "",
      r.submission.display_name ?? "",
      r.submission.sha256,
      r.score,
      r.max_score,
      r.max_score ? Math.round((1000 * r.score) / r.max_score) / 10 : 0,
      ...manifest.exercises.map((e) => byEx.get(e.id) ?? 0),
      gradeWord(r),
      r.tests.filter((t) => t.status === "timeout").length,
      r.flags.filter((f) => f.severity === "integrity").length,
      codes,
      [...new Set(r.scan.map((s) => s.rule))].sort().join(" "),
      r.graded_at,
      r.grader.version,
      r.grader.testsHash,
    ];
  });
  return toCsv([header, ...rows]);
}

export function longCsv(records: GradeRecord[]): string {
  const header = [
    "student_id",
    "exercise",
    "test_id",
    "status",
    "score",
    "max_score",
    "visibility",
    "duration_ms",
    "message",
  ];
  const rows = records.flatMap((r) =>
    r.tests.map((t) => [
      r.submission.id,
      t.exercise,
      t.id,
      t.status,
      t.score,
      t.max_score,
      t.visibility,
      t.duration_ms,
      t.status === "passed" ? "" : t.message,
    ]),
  );
  return toCsv([header, ...rows]);
}

export function toCsv(rows: Array<Array<string | number>>): string {
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
function cell(v: string | number): string {
  if (typeof v === "number") return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
