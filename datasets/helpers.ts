/** The small data chores chapter 9 does with NumPy: a bias column, a train/test split, batches. */
import { Matrix, Vector, matrix, sliceRows, takeRows, takeValues } from "./matrix";
import { RandomState, npRandom } from "./randomState";

/** Prepends a column of ones, like `np.c_[np.ones((m, 1)), X]`. */
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
 */
export function trainTestSplitLast<T extends Matrix | Vector>(
  data: T,
  testRatio = 0.2,
): { train: T; test: T } {
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
 */
export function randomBatch<Y extends Matrix | Vector>(
  X: Matrix,
  y: Y,
  batchSize: number,
  rng: RandomState = npRandom,
): { X: Matrix; y: Y } {
  checkSameRows(X, y);
  return gather(X, y, rng.randint(0, X.rows, batchSize));
}

/**
 * The book's mini-batch `fetch_batch`: reseeds the generator with
 * `epoch * nBatches + batchIndex` (nBatches = ceil(m / batchSize)), then draws
 * `randint(m, size=batchSize)`. Same seeds, same rows as the notebook.
 */
export function fetchBatch<Y extends Matrix | Vector>(
  X: Matrix,
  y: Y,
  epoch: number,
  batchIndex: number,
  batchSize: number,
  rng: RandomState = npRandom,
): { X: Matrix; y: Y } {
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
