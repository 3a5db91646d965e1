/**
 * A grade record with every learner-originated text cleaned (see engine/text.ts): what a batch
 * writes to disk and what every report is derived from. Grader-written texts pass through the
 * same cleaning, which leaves them as they were.
 */
import { cleanLearnerText, type CleanOptions } from "../engine/text";
import type { GradeRecord } from "../engine/types";

/** Characters kept of texts that are not one test's message. */
export const TEXT_LIMITS = {
  /** A suite run's console output, per exercise. */
  exerciseOutput: 2000,
  /** The record's summary, a flag message, a name from the submission. */
  note: 1000,
  /** The grader's own error (with its stack), for the instructor. */
  error: 4000,
  diagnostic: 400,
} as const;

export interface RecordCleanOptions {
  /** Folders shown relative to themselves (the kit, the batch's work folder). */
  roots?: string[];
  suiteSources?: string[];
}

export function cleanRecord(record: GradeRecord, opts: RecordCleanOptions = {}): GradeRecord {
  const text = (s: string, max?: number) => cleanLearnerText(s, { ...opts, max } satisfies CleanOptions);
  return {
    ...record,
    submission: {
      ...record.submission,
      source: text(record.submission.source, 200),
      root: record.submission.root === null ? null : text(record.submission.root, 200),
    },
    output: text(record.output, TEXT_LIMITS.note),
    exercises: record.exercises.map((e) => ({ ...e, output: text(e.output, TEXT_LIMITS.exerciseOutput) })),
    tests: record.tests.map((t) => ({ ...t, message: text(t.message) })),
    flags: record.flags.map((f) => ({ ...f, message: text(f.message, TEXT_LIMITS.note) })),
    scan: record.scan.map((s) => ({ ...s, snippet: text(s.snippet, 160), message: text(s.message, 200) })),
    diagnostics: record.diagnostics.map((d) => ({ ...d, message: text(d.message, TEXT_LIMITS.diagnostic) })),
    ...(record.error === undefined ? {} : { error: text(record.error, TEXT_LIMITS.error) }),
  };
}
