/**
 * The histogram `HistogramSummary` stores (TF's `histogram::Histogram` with its default buckets):
 * bucket edges grow by 10% from 1e-12 to 1e20 on each side of 0, closed by ±DBL_MAX, and runs of
 * empty buckets are merged into one when the proto is written.
 */
import type { HistogramProto } from "../../io";

const DBL_MAX = Number.MAX_VALUE;

function defaultBucketLimits(): number[] {
  const positive: number[] = [];
  for (let v = 1.0e-12; v < 1.0e20; v *= 1.1) positive.push(v);
  positive.push(DBL_MAX);
  const negative = positive.map((v) => -v).reverse();
  return [...negative, 0.0, ...positive];
}

/** Right edges of the default buckets, ascending (bucket i holds limits[i-1] <= x < limits[i]). */
export const DEFAULT_BUCKET_LIMITS: readonly number[] = defaultBucketLimits();

/** Index of the first limit greater than `x` (C++'s `std::upper_bound`). */
function upperBound(limits: readonly number[], x: number): number {
  let lo = 0;
  let hi = limits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (limits[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The HistogramProto of `values` (finite numbers; the kernel refuses NaN and infinities first). */
export function histogramOf(
  values: ArrayLike<number>,
  limits: readonly number[] = DEFAULT_BUCKET_LIMITS,
): HistogramProto {
  const counts = new Float64Array(limits.length + 1);
  let min = limits[limits.length - 1];
  let max = -DBL_MAX;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    counts[upperBound(limits, v)] += 1;
    if (min > v) min = v;
    if (max < v) max = v;
    sum += v;
    sumSquares += v * v;
  }
  const bucketLimit: number[] = [];
  const bucket: number[] = [];
  for (let i = 0; i < limits.length;) {
    let end = limits[i];
    let count = counts[i];
    i++;
    if (count <= 0) {
      while (i < limits.length && counts[i] <= 0) {
        end = limits[i];
        count = counts[i];
        i++;
      }
    }
    bucketLimit.push(end);
    bucket.push(count);
  }
  if (bucket.length === 0) {
    bucketLimit.push(DBL_MAX);
    bucket.push(0);
  }
  return { min, max, num: values.length, sum, sumSquares, bucketLimit, bucket };
}
