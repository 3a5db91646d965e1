/**
 * TensorBoard's scalar smoothing: an exponential moving average started at 0 and divided by
 * `1 - weight^n` (the debiasing), so the first points are not pulled towards zero.
 *
 * As in TensorBoard: the weight is clamped to [0, 1] (NaN counts as 0); non-finite values are
 * passed through and left out of the average; a constant series is returned as is, so no
 * floating-point noise appears on a flat line.
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  const w = Number.isNaN(weight) ? 0 : Math.min(1, Math.max(0, weight));
  const constant = values.every((v) => v === values[0]);
  if (constant) return [...values];
  const out: number[] = [];
  let last = 0;
  let count = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    last = last * w + (1 - w) * v;
    count++;
    // With weight 1 the average never moves from 0; TensorBoard shows that as is.
    const debias = w === 1 ? 1 : 1 - Math.pow(w, count);
    out.push(last / debias);
  }
  return out;
}
