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
      output: t.status === "passed" ? "passed" : `${STATUS_TEXT[t.status]}\n${t.message}`.trim(),
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
    output: `${record.output}${typeErrors}${problem}`,
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
