/**
 * scikit-learn's `StandardScaler` (default options) in float64: per column, subtract the mean
 * and divide by the population standard deviation. The statistics follow scikit-learn 1.x's
 * computation step by step (mean, then variance with the corrected two-pass formula), with
 * NumPy's pairwise sums, so the book's scaled housing data come out as scikit-learn makes them.
 */
import { Matrix, matrix } from "./matrix";
import { pairwiseSum } from "./pairwiseSum";

interface Fitted {
  mean: Float64Array;
  variance: Float64Array;
  scale: Float64Array;
  nSamplesSeen: number;
}

/**
 * Standardizes columns: subtract the mean, divide by the population standard deviation, with
 * scikit-learn's float64 arithmetic step by step. Mirrors scikit-learn's `StandardScaler()` with default
 * options (sklearn/preprocessing/_data.py, class `StandardScaler`).
 * @example
 * ```ts
 * import { StandardScaler, matrixFromRows } from "tensorlings/datasets";
 * const scaled = new StandardScaler().fitTransform(matrixFromRows([[1, 10], [3, 30]])); // [[-1, -1], [1, 1]]
 * ```
 */
export class StandardScaler {
  private fitted: Fitted | null = null;

  /** Column means (`mean_`). */
  get mean(): Float64Array {
    return this.state().mean;
  }
  /** Column population variances (`var_`). */
  get variance(): Float64Array {
    return this.state().variance;
  }
  /** Column standard deviations (`scale_`); 1 for constant columns, which are then only centred. */
  get scale(): Float64Array {
    return this.state().scale;
  }
  /** Rows seen by `fit` (`n_samples_seen_`). */
  get nSamplesSeen(): number {
    return this.state().nSamplesSeen;
  }

  /**
   * Computes the column statistics of `X`. Mirrors `StandardScaler.fit`.
   * @param X - The training data, at least one row.
   * @returns This scaler, for chaining.
   * @throws RangeError when `X` has no rows or holds a non-finite value.
   */
  fit(X: Matrix): this {
    const n = X.rows;
    if (n === 0)
      throw new RangeError(
        "Found array with 0 sample(s) while a minimum of 1 is required by StandardScaler.",
      );
    checkFinite(X);
    const mean = new Float64Array(X.cols);
    const variance = new Float64Array(X.cols);
    const scale = new Float64Array(X.cols);
    const column = new Float64Array(n);
    for (let j = 0; j < X.cols; j++) {
      for (let i = 0; i < n; i++) column[i] = X.data[i * X.cols + j];
      mean[j] = pairwiseSum(column) / n;
      // Corrected two-pass variance: the sum of deviations is ~0 but not exactly; subtracting its
      // square/n removes most of the rounding left in the sum of squares.
      for (let i = 0; i < n; i++) column[i] -= mean[j];
      const correction = pairwiseSum(column);
      for (let i = 0; i < n; i++) column[i] *= column[i];
      variance[j] = (pairwiseSum(column) - (correction * correction) / n) / n;
      scale[j] = isConstant(variance[j], mean[j], n) ? 1 : Math.sqrt(variance[j]);
    }
    this.fitted = { mean, variance, scale, nSamplesSeen: n };
    return this;
  }

  /** (X − mean) / scale, as a new matrix. */
  transform(X: Matrix): Matrix {
    const { mean, scale } = this.state();
    if (X.cols !== mean.length) {
      throw new RangeError(
        `X has ${X.cols} features, but StandardScaler is expecting ${mean.length} features as input.`,
      );
    }
    const out = matrix(X.rows, X.cols);
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < X.cols; j++) {
        const k = i * X.cols + j;
        out.data[k] = (X.data[k] - mean[j]) / scale[j];
      }
    }
    return out;
  }

  /**
   * `fit(X)` then `transform(X)`. Mirrors `StandardScaler.fit_transform`.
   * @param X - The data.
   * @returns The standardized copy.
   * @throws RangeError as `fit` does.
   */
  fitTransform(X: Matrix): Matrix {
    return this.fit(X).transform(X);
  }

  /** X · scale + mean: undoes `transform`. */
  inverseTransform(X: Matrix): Matrix {
    const { mean, scale } = this.state();
    if (X.cols !== mean.length) {
      throw new RangeError(
        `X has ${X.cols} features, but StandardScaler is expecting ${mean.length} features as input.`,
      );
    }
    const out = matrix(X.rows, X.cols);
    for (let k = 0; k < X.data.length; k++) out.data[k] = X.data[k] * scale[k % X.cols] + mean[k % X.cols];
    return out;
  }

  private state(): Fitted {
    if (!this.fitted) {
      throw new Error(
        "This StandardScaler instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
      );
    }
    return this.fitted;
  }
}

/**
 * scikit-learn treats a column as constant when its computed variance is within the rounding
 * error of the two-pass formula; such columns get scale 1 instead of a tiny noisy value.
 */
function isConstant(variance: number, mean: number, n: number): boolean {
  const eps = Number.EPSILON;
  const bound = n * eps * variance + (n * mean * eps) ** 2;
  return variance <= bound;
}

function checkFinite(X: Matrix): void {
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k])) {
      const i = Math.floor(k / X.cols);
      throw new RangeError(
        `StandardScaler: X[${i}, ${k % X.cols}] is ${X.data[k]}; only finite values can be scaled`,
      );
    }
  }
}
