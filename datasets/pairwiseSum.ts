/**
 * NumPy's pairwise summation of float64 values (its `add.reduce` over a contiguous run):
 * runs of fewer than 8 are added in order; runs up to 128 use eight interleaved partial sums;
 * longer runs are split in two at a multiple of 8 and summed recursively. Matching it bit for
 * bit makes column means and variances equal NumPy's on column-major data, which is the layout
 * scikit-learn's `fetch_california_housing` returns.
 */
/**
 * The float64 sum of `n` values from `start`, added in NumPy's pairwise order
 * (numpy/core/src/umath/loops_utils.h.src, `pairwise_sum`), so results match NumPy bit for bit.
 * @param a - The values.
 * @param start - First index (0).
 * @param n - How many (to the end by default).
 * @returns The sum.
 * @example
 * ```ts
 * import { pairwiseSum } from "tensorlings/datasets";
 * const total = pairwiseSum(Float64Array.from([0.1, 0.2, 0.3]));
 * ```
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = [
      a[start],
      a[start + 1],
      a[start + 2],
      a[start + 3],
      a[start + 4],
      a[start + 5],
      a[start + 6],
      a[start + 7],
    ];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    }
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half);
}
