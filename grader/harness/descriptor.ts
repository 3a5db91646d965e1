/**
 * What the grader tells its trusted test process about a run (written by engine/runner.ts, read
 * by the harness), and the marks the bridge puts on failures that were not the suite's verdict.
 */
import type { LaunchSpec } from "../engine/sandbox/launch";
import type { AnswerKey } from "../manifest";

export const RUN_ENV = "TENSORLINGS_GRADER_RUN";

/** A check stopped because the learner's code ran past the check's time. */
export const TIMEOUT_MARK = "[grader:timeout]";
/** A check not run because the learner's process had died (after a time-out, a crash, a limit). */
export const NOT_RUN_MARK = "[grader:not-run]";

export interface RunDescriptor {
  seed: number;
  startupMs: number;
  /**
   * Per suite file name: the exercise, its learner process, each test's time limit, and the
   * exercise's hashed answer keys from the manifest the grader checked (so suites need not load
   * the manifest, and its schema, again).
   */
  suites: Record<
    string,
    {
      exercise: number;
      scratch: string;
      launch: LaunchSpec;
      limits: Record<string, number>;
      defaultMs: number;
      answers: Record<string, AnswerKey>;
    }
  >;
}
