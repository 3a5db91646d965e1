/**
 * Gradescope `results.json` from a GradeRecord (format: Gradescope's autograder specification).
 * Scores and every `max_score` come from the record, which took them from the manifest.
 */
import type { GradeRecord, TestResult } from "../engine/types";
import { cleanRecord } from "./clean";

export interface GradescopeTest {
  score: number;
  max_score: number;
  status: "passed" | "failed";
  name: string;
  number: string;
  output: string;
  output_format: "text";
  tags: string[];
  visibility: "visible" | "hidden" | "after_due_date" | "after_published";
  extra_data: Record<string, unknown>;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: "text";
  visibility: "visible";
  stdout_visibility: "hidden";
  extra_data: Record<string, unknown>;
  tests: GradescopeTest[];
}

const STATUS_TEXT: Record<TestResult["status"], string> = {
  passed: "passed",
  failed: "failed",
  error: "error",
  timeout: "timed out",
  "type-error": "did not compile",
  "integrity-error": "not scored (integrity)",
};

/**
 * The student-visible summary line counts only `visible` tests: hidden, after_due_date and
 * after_published checks (and integrity problems on them) would otherwise leak through the totals.
 */
export function visibleSummary(record: GradeRecord): string {
  const visible = record.tests.filter((t) => t.visibility === "visible");
  const hiddenIds = new Set(record.tests.filter((t) => t.visibility !== "visible").map((t) => t.id));
  const score = round(visible.reduce((s, t) => s + t.score, 0));
  const max = round(visible.reduce((s, t) => s + t.max_score, 0));
  const passed = visible.filter((t) => t.status === "passed").length;
  const integrity = record.flags.filter(
    (f) => f.severity === "integrity" && !(f.test && hiddenIds.has(f.test)),
  ).length;
  return (
    `${score}/${max} points on visible checks; ${passed} of ${visible.length} visible checks passed` +
    (integrity ? `; ${integrity} integrity problem(s)` : "") +
    (hiddenIds.size ? "; more checks are scored when results are published" : "") +
    (record.grader.sandbox.sandboxed ? "" : `; ${record.grader.sandbox.note}`)
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Learner texts are cleaned again here, so a record from anywhere is safe to show a student. */
export function toGradescope(raw: GradeRecord): GradescopeResults {
  const record = cleanRecord(raw);
  const titles = new Map(record.exercises.map((e) => [e.id, e]));
  const index = new Map<number, number>();
  const tests = record.tests.map((t): GradescopeTest => {
    const n = (index.get(t.exercise) ?? 0) + 1;
    index.set(t.exercise, n);
    const ex = titles.get(t.exercise);
    return {
      score: t.score,
      max_score: t.max_score,
      status: t.status === "passed" ? "passed" : "failed",
      name: `Exercise ${t.exercise}${ex ? ` (${ex.title})` : ""}: ${t.name} [${t.id}]`,
      number: `${t.exercise}.${n}`,
      output:
        (t.status === "passed" ? "passed" : `${STATUS_TEXT[t.status]}\n${t.message}`.trim()) +
        (record.grader.sandbox.sandboxed ? "" : `\n(${record.grader.sandbox.note})`),
      output_format: "text",
      tags: [ex?.slug ?? `ex${t.exercise}`, t.status],
      visibility: t.visibility,
      extra_data: { id: t.id, status: t.status, execution_time: t.duration_ms / 1000 },
    };
  });
  const typeErrors = record.diagnostics.length
    ? `\n\nType errors (fix these first):\n${record.diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message.split("\n")[0]}`).join("\n")}`
    : "";
  const problem =
    record.status === "error"
      ? "\n\nThe grader could not grade this submission; your instructor has been told."
      : "";
  return {
    score: record.score,
    execution_time: record.execution_time,
    output: `${visibleSummary(record)}${typeErrors}${problem}`,
    output_format: "text",
    visibility: "visible",
    stdout_visibility: "hidden",
    extra_data: {
      student: record.submission.id,
      sha256: record.submission.sha256,
      testsHash: record.grader.testsHash,
      graderVersion: record.grader.version,
      flags: record.flags.map((f) => f.code),
    },
    tests,
  };
}
