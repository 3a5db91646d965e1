/**
 * A dense float64 matrix stored row-major, the form every dataset here returns. Small on purpose:
 * enough to slice, gather and hand data to the engine (`tf.constant(m.data, [m.rows, m.cols])`).
 */
export interface Matrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The values, row after row (`rows * cols` of them). */
  readonly data: Float64Array;
}

/** A labels or target vector, as datasets return them. */
export type Vector = Float64Array | Int32Array;

/**
 * Wraps (or allocates, filled with zeros) row-major data, like `np.zeros((rows, cols))` or
 * `data.reshape(rows, cols)`.
 * @param rows - Number of rows.
 * @param cols - Number of columns.
 * @param data - `rows * cols` values, used as is (not copied).
 * @returns The matrix.
 * @throws RangeError when the sizes are not non-negative integers or the length does not match.
 * @example
 * ```ts
 * import { matrix } from "tensorlings/datasets";
 * const m = matrix(2, 2, Float64Array.from([1, 2, 3, 4]));
 * ```
 */
export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`matrix: rows and cols must be non-negative integers, got ${rows}×${cols}`);
  }
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new RangeError(`matrix: ${values.length} values do not fill ${rows}×${cols}`);
  }
  return { rows, cols, data: values };
}

/**
 * Builds a matrix from nested rows, like `np.array([[1, 2], [3, 4]])`.
 * @param rows - The rows; every row must have the same length.
 * @returns The matrix.
 * @throws RangeError when the rows differ in length.
 * @example
 * ```ts
 * import { matrixFromRows } from "tensorlings/datasets";
 * const m = matrixFromRows([[1, 2], [3, 4]]);
 * ```
 */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const out = matrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols)
      throw new RangeError(`matrixFromRows: row ${i} has ${row.length} values, row 0 has ${cols}`);
    out.data.set(row, i * cols);
  });
  return out;
}

/**
 * Nested arrays, handy for printing and for `toEqual` in tests, like NumPy's `tolist()`.
 * @param m - The matrix.
 * @returns One array per row.
 * @example
 * ```ts
 * import { matrixFromRows, matrixToRows } from "tensorlings/datasets";
 * const rows = matrixToRows(matrixFromRows([[1, 2]])); // [[1, 2]]
 * ```
 */
export function matrixToRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(getRow(m, i)));
}

/**
 * Row `i` as a view (writes go through to the matrix), like `X[i]`.
 * @param m - The matrix.
 * @param i - The row index.
 * @returns The row.
 * @throws RangeError when `i` is out of bounds.
 * @example
 * ```ts
 * import { getRow, matrixFromRows } from "tensorlings/datasets";
 * const row = getRow(matrixFromRows([[1, 2], [3, 4]]), 1); // [3, 4]
 * ```
 */
export function getRow(m: Matrix, i: number): Float64Array {
  checkIndex(i, m.rows, "row");
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/**
 * Column `j` as a new array, like `X[:, j]`.
 * @param m - The matrix.
 * @param j - The column index.
 * @returns The column.
 * @throws RangeError when `j` is out of bounds.
 * @example
 * ```ts
 * import { getColumn, matrixFromRows } from "tensorlings/datasets";
 * const col = getColumn(matrixFromRows([[1, 2], [3, 4]]), 0); // [1, 3]
 * ```
 */
export function getColumn(m: Matrix, j: number): Float64Array {
  checkIndex(j, m.cols, "column");
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/**
 * Rows `start` (inclusive) to `end` (exclusive), copied, like `X[start:end]`.
 * @param m - The matrix.
 * @param start - First row.
 * @param end - Row after the last (all rows by default).
 * @returns The rows.
 * @example
 * ```ts
 * import { matrixFromRows, sliceRows } from "tensorlings/datasets";
 * const firstTwo = sliceRows(matrixFromRows([[1], [2], [3]]), 0, 2);
 * ```
 */
export function sliceRows(m: Matrix, start: number, end: number = m.rows): Matrix {
  const s = Math.max(0, Math.min(start, m.rows));
  const e = Math.max(s, Math.min(end, m.rows));
  return matrix(e - s, m.cols, m.data.slice(s * m.cols, e * m.cols));
}

/**
 * Gathers rows by index, repeats allowed, like NumPy's `X[indices]`.
 * @param m - The matrix.
 * @param indices - Row indices.
 * @returns The gathered rows.
 * @throws RangeError when an index is out of bounds.
 * @example
 * ```ts
 * import { matrixFromRows, takeRows } from "tensorlings/datasets";
 * const picked = takeRows(matrixFromRows([[1], [2], [3]]), [2, 0, 2]);
 * ```
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = matrix(indices.length, m.cols);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    checkIndex(i, m.rows, "row");
    out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), k * m.cols);
  }
  return out;
}

/**
 * Gathers vector entries by index (same rules as {@link takeRows}), like `y[indices]`.
 * @param v - The vector.
 * @param indices - Entry indices.
 * @returns A vector of the same type.
 * @throws RangeError when an index is out of bounds.
 * @example
 * ```ts
 * import { takeValues } from "tensorlings/datasets";
 * const picked = takeValues(Int32Array.from([5, 6, 7]), [2, 0]); // [7, 5]
 * ```
 */
export function takeValues<V extends Vector>(v: V, indices: ArrayLike<number>): V {
  const out = new (v.constructor as new (n: number) => V)(indices.length);
  for (let k = 0; k < indices.length; k++) {
    checkIndex(indices[k], v.length, "entry");
    out[k] = v[indices[k]];
  }
  return out;
}

/**
 * A vector as an n×1 matrix, like `y.reshape(-1, 1)`.
 * @param v - The vector.
 * @returns The column matrix.
 * @example
 * ```ts
 * import { asColumn } from "tensorlings/datasets";
 * const y = asColumn(Float64Array.from([1, 2, 3])); // 3 × 1
 * ```
 */
export function asColumn(v: Vector): Matrix {
  return matrix(v.length, 1, Float64Array.from(v));
}

function checkIndex(i: number, n: number, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new RangeError(`${what} index ${i} is out of bounds for size ${n}`);
  }
}
