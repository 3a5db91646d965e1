/**
 * The canonical result record: one per graded submission, written only by the trusted parent.
 * Every report (learner table, Gradescope, CSV, JUnit, Markdown) is derived from it.
 */
import type { Visibility } from "../manifest";

export type TestStatus = "passed" | "failed" | "error" | "timeout" | "type-error" | "integrity-error";

export interface TestResult {
  /** Manifest id, e.g. `ex01.t1`. */
  id: string;
  exercise: number;
  name: string;
  status: TestStatus;
  score: number;
  /** Always the manifest's points. */
  max_score: number;
  visibility: Visibility;
  /** What was checked and what went wrong; never an answer key. Capped. */
  message: string;
  duration_ms: number;
}

export type ExerciseStatus = "passed" | "partial" | "failed" | "missing" | "type-error" | "error";

export interface ExerciseResult {
  id: number;
  slug: string;
  title: string;
  file: string;
  status: ExerciseStatus;
  score: number;
  max_score: number;
  duration_ms: number;
  /** Capped console output of the suite run (display only, never parsed). */
  output: string;
}

export type FlagCode =
  | "timeout"
  | "memory-limit"
  | "output-limit"
  | "process-exit"
  | "crashed"
  | "framework-tampered"
  | "errors-cleared"
  | "no-assertions"
  | "forged-channel"
  | "unknown-test"
  | "duplicate-test"
  | "missing-test"
  | "skipped-test"
  | "answer-resubmitted"
  | "suite-modified"
  | "outside-write"
  | "type-error"
  | "syntax-error"
  | "ignored-file"
  | "submission-limit"
  | "id-collision"
  | "matches-solution"
  | "matches-starter"
  | "identical-submission";

export interface Flag {
  code: FlagCode;
  message: string;
  exercise?: number;
  test?: string;
  /** integrity: points were withheld because grading could not be trusted; incident: noted only. */
  severity: "integrity" | "incident";
}

export interface ScanFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  snippet: string;
  message: string;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
  kind: "syntax" | "type";
}

export interface SandboxInfo {
  /** Learner code ran in the bubblewrap sandbox (own namespaces, read-only kit, resource limits). */
  sandboxed: boolean;
  /** What was used, or why there was no sandbox (shown in every report when there was none). */
  note: string;
}

export interface GradeRecord {
  schemaVersion: 1;
  submission: {
    id: string;
    /** The folder, zip (without .zip) or loose-file student name the id was made from. */
    original_name?: string;
    /** The student's name from the roster, when one was given and lists them. */
    display_name?: string;
    /** SHA-256 over the allow-listed files that were graded. */
    sha256: string;
    source: string;
    /** Folder inside the source where the exercise files were found (relative), or null. */
    root: string | null;
    files: string[];
  };
  grader: {
    version: string;
    testsHash: string;
    node: string;
    seed: number;
    mode: "learner" | "batch";
    sandbox: SandboxInfo;
  };
  /** pass: full marks; fail: graded, not full marks; error: grading itself failed. */
  status: "pass" | "fail" | "error";
  score: number;
  max_score: number;
  /** Seconds. */
  execution_time: number;
  output: string;
  exercises: ExerciseResult[];
  tests: TestResult[];
  flags: Flag[];
  scan: ScanFinding[];
  diagnostics: Diagnostic[];
  graded_at: string;
  /** Set when status is error: why grading failed for reasons not the student's. */
  error?: string;
}
