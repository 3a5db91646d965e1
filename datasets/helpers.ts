/** The small data chores chapter 9 does with NumPy: a bias column, a train/test split, batches. */
import { Matrix, Vector, matrix, sliceRows, takeRows, takeValues } from "./matrix";
import { RandomState, npRandom } from "./randomState";

/**
 * Prepends a column of ones, like the book's `np.c_[np.ones((m, 1)), X]`.
 * @param m - The data, rows × n.
 * @returns A new matrix, rows × (n + 1).
 * @example
 * ```ts
 * import { addBiasColumn, matrixFromRows } from "tensorlings/datasets";
 * const Xb = addBiasColumn(matrixFromRows([[2], [3]])); // [[1, 2], [1, 3]]
 * ```
 */
export function addBiasColumn(m: Matrix): Matrix {
  const cols = m.cols + 1;
  const out = matrix(m.rows, cols);
  for (let i = 0; i < m.rows; i++) {
    out.data[i * cols] = 1;
    out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * cols + 1);
  }
  return out;
}

/**
 * Splits off the last `testRatio` of the rows as the test set, as the book does for the moons
 * (`test_size = int(m * test_ratio)`; `X[:-test_size]`, `X[-test_size:]`). Works on a matrix or
 * a vector; call it once for X and once for y.
 * @param data - A matrix or a vector.
 * @param testRatio - Share of the rows for the test set, in [0, 1] (0.2).
 * @returns The first rows as `train`, the last as `test`.
 * @throws RangeError when `testRatio` is outside [0, 1].
 * @example
 * ```ts
 * import { makeMoons, trainTestSplitLast } from "tensorlings/datasets";
 * const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
 * const { train: XTrain, test: XTest } = trainTestSplitLast(X, 0.2);
 * ```
 */
export function trainTestSplitLast<T extends Matrix | Vector>(
  data: T,
  testRatio = 0.2,
): {
  /** The first rows. */
  train: T;
  /** The last `floor(n * testRatio)` rows. */
  test: T;
} {
  if (!(testRatio >= 0 && testRatio <= 1))
    throw new RangeError(`testRatio must be in [0, 1], got ${testRatio}`);
  const n = isMatrix(data) ? data.rows : data.length;
  const trainSize = n - Math.floor(n * testRatio);
  if (isMatrix(data)) {
    return { train: sliceRows(data, 0, trainSize) as T, test: sliceRows(data, trainSize) as T };
  }
  return { train: data.slice(0, trainSize) as T, test: data.slice(trainSize) as T };
}

/**
 * The exercise-12 `random_batch`: `batchSize` rows drawn with replacement by
 * `rng.randint(0, X.rows, batchSize)` (the shared `npRandom` unless another generator is given).
 * @param X - The data.
 * @param y - The labels, one per row of X.
 * @param batchSize - Rows to draw.
 * @param rng - The generator (`npRandom`).
 * @returns The drawn rows of X and y.
 * @throws RangeError when X and y differ in rows.
 * @example
 * ```ts
 * import { makeMoons, randomBatch } from "tensorlings/datasets";
 * const { X, y } = makeMoons(100, { randomState: 42 });
 * const batch = randomBatch(X, y, 50);
 * ```
 */
export function randomBatch<Y extends Matrix | Vector>(
  X: Matrix,
  y: Y,
  batchSize: number,
  rng: RandomState = npRandom,
): {
  /** The drawn rows of X. */
  X: Matrix;
  /** The matching labels. */
  y: Y;
} {
  checkSameRows(X, y);
  return gather(X, y, rng.randint(0, X.rows, batchSize));
}

/**
 * The book's mini-batch `fetch_batch`: reseeds the generator with
 * `epoch * nBatches + batchIndex` (nBatches = ceil(m / batchSize)), then draws
 * `randint(m, size=batchSize)`. Same seeds, same rows as the notebook.
 * @param X - The data.
 * @param y - The targets, one per row of X.
 * @param epoch - The epoch number.
 * @param batchIndex - The batch number inside the epoch.
 * @param batchSize - Rows per batch.
 * @param rng - The generator to reseed (`npRandom`).
 * @returns The batch's rows of X and y.
 * @throws RangeError when `batchSize` is not a positive integer or X and y differ in rows.
 * @example
 * ```ts
 * import { fetchBatch, makeMoons } from "tensorlings/datasets";
 * const { X, y } = makeMoons(100, { randomState: 42 });
 * const batch = fetchBatch(X, y, 0, 0, 10);
 * ```
 */
export function fetchBatch<Y extends Matrix | Vector>(
  X: Matrix,
  y: Y,
  epoch: number,
  batchIndex: number,
  batchSize: number,
  rng: RandomState = npRandom,
): {
  /** The batch's rows of X. */
  X: Matrix;
  /** The matching targets. */
  y: Y;
} {
  checkSameRows(X, y);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const nBatches = Math.ceil(X.rows / batchSize);
  rng.seed(epoch * nBatches + batchIndex);
  return gather(X, y, rng.randint(X.rows, null, batchSize));
}

function gather<Y extends Matrix | Vector>(X: Matrix, y: Y, indices: number[]): { X: Matrix; y: Y } {
  const yBatch = isMatrix(y) ? takeRows(y, indices) : takeValues(y, indices);
  return { X: takeRows(X, indices), y: yBatch as Y };
}

function checkSameRows(X: Matrix, y: Matrix | Vector): void {
  const n = isMatrix(y) ? y.rows : y.length;
  if (n !== X.rows) throw new RangeError(`X has ${X.rows} rows but y has ${n}`);
}

function isMatrix(v: Matrix | Vector): v is Matrix {
  return !ArrayBuffer.isView(v);
}
