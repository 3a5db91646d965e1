/** TensorBoard log directories: one fresh folder per run, so runs never mix their curves. */

/** `tf_logs/[<prefix>-]run-<UTC YYYYmmddHHMMSS>/`, e.g. `tf_logs/logreg-run-20170606195328/`. */
export function logDir(prefix = "", now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `tf_logs/${prefix ? `${prefix}-` : ""}run-${stamp}/`;
}
