/** Exercise 12, part 4: one log directory per run. */

/**
 * `tf_logs/<prefix>-run-<YYYYmmddHHMMSS>/` with the UTC time of `now`, or
 * `tf_logs/run-<YYYYmmddHHMMSS>/` when the prefix is empty.
 */
export function logDir(prefix = "", now = new Date()): string {
  // TODO: format `now` in UTC (Date's toISOString or getUTC... methods help).
  throw new Error("TODO: exercise 12, logDir");
}
