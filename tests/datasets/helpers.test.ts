import {
  RandomState,
  addBiasColumn,
  asColumn,
  fetchBatch,
  matrix,
  matrixFromRows,
  matrixToRows,
  npRandom,
  randomBatch,
  toNDArray,
  trainTestSplitLast,
} from "tensorlings/datasets";
import { i32, loadFixture } from "./fixtures";

interface Batches {
  m: number;
  batchSize: number;
  nBatches: number;
  batches: { epoch: number; batchIndex: number; indices: string }[];
  perEpochWeightedSum: number[];
  exercise12: { firstBatches: string[]; weightedSumAll20000: number };
}
const book = loadFixture<Batches>("bookBatches.json");

/** A matrix whose single column holds the row number, so a batch shows which rows it took. */
function rowIds(n: number) {
  return matrix(
    n,
    1,
    Float64Array.from({ length: n }, (_, i) => i),
  );
}

describe("the book's mini-batch fetch_batch (m = 20640, batch 100, 207 batches)", () => {
  const X = rowIds(book.m);
  const y = Float64Array.from({ length: book.m }, (_, i) => 0.5 * i);

  test.each(book.batches.map((b) => [b.epoch, b.batchIndex, b] as const))(
    "epoch %d batch %d draws NumPy's rows",
    (epoch, batchIndex, b) => {
      const batch = fetchBatch(X, y, epoch, batchIndex, book.batchSize);
      const expected = i32(b.indices);
      expect(Array.from(batch.X.data)).toEqual(expected);
      expect(Array.from(batch.y)).toEqual(expected.map((i) => 0.5 * i));
    },
  );

  test("all 2,070 batches of the 10 epochs (position-weighted index sums)", () => {
    const rng = new RandomState();
    const sums = book.perEpochWeightedSum.map((_, epoch) => {
      let total = 0;
      for (let b = 0; b < book.nBatches; b++) {
        fetchBatch(X, y, epoch, b, book.batchSize, rng).X.data.forEach((idx, k) => (total += idx * (k + 1)));
      }
      return total;
    });
    expect(sums).toEqual(book.perEpochWeightedSum);
  });
});

describe("exercise 12's random_batch after np.random.seed(42)", () => {
  test("first 20 batches of randint(0, 800, 50) through the shared generator", () => {
    const X = rowIds(800);
    const y = asColumn(Float64Array.from({ length: 800 }, (_, i) => i % 2));
    npRandom.seed(42);
    for (const expected of book.exercise12.firstBatches) {
      const batch = randomBatch(X, y, 50);
      expect(Array.from(batch.X.data)).toEqual(i32(expected));
      expect(batch.y.rows).toBe(50);
      expect(Array.from(batch.y.data)).toEqual(i32(expected).map((i) => i % 2));
    }
  });

  test("all 1000 epochs × 20 batches", () => {
    const rng = new RandomState(42);
    let total = 0;
    for (let k = 0; k < 20000; k++) {
      const idx = rng.randint(0, 800, 50);
      let s = 0;
      idx.forEach((v, p) => (s += v * (p + 1)));
      total += s * ((k % 7) + 1);
    }
    expect(total).toBe(book.exercise12.weightedSumAll20000);
  });
});

describe("addBiasColumn and trainTestSplitLast", () => {
  test("bias column of ones in front", () => {
    expect(
      matrixToRows(
        addBiasColumn(
          matrixFromRows([
            [2, 3],
            [4, 5],
          ]),
        ),
      ),
    ).toEqual([
      [1, 2, 3],
      [1, 4, 5],
    ]);
  });

  test("the last 20 % is the test set, for matrices and vectors alike", () => {
    const X = rowIds(1000);
    const { train, test: testSet } = trainTestSplitLast(X);
    expect([train.rows, testSet.rows]).toEqual([800, 200]);
    expect([train.data[799], testSet.data[0], testSet.data[199]]).toEqual([799, 800, 999]);
    const y = Int32Array.from({ length: 7 }, (_, i) => i);
    const split = trainTestSplitLast(y, 0.3);
    expect(split.train).toBeInstanceOf(Int32Array);
    expect([Array.from(split.train), Array.from(split.test)]).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6],
    ]);
  });

  test("bad input is named", () => {
    expect(() => trainTestSplitLast(rowIds(5), 1.5)).toThrow("testRatio must be in [0, 1], got 1.5");
    expect(() => randomBatch(rowIds(5), new Float64Array(4), 2)).toThrow("X has 5 rows but y has 4");
    expect(() => fetchBatch(rowIds(5), new Float64Array(5), 0, 0, 0)).toThrow(
      "batchSize must be a positive integer, got 0",
    );
    expect(() => matrix(2, 2, new Float64Array(3))).toThrow("3 values do not fill 2×2");
  });
});

describe("toNDArray", () => {
  test("matrices become float64 [rows, cols]; vectors [n] or [n, 1]; data is shared", () => {
    const m = matrixFromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const a = toNDArray(m);
    expect([a.dtype.name, a.shape]).toEqual(["float64", [3, 2]]);
    expect(a.data).toBe(m.data);
    const labels = toNDArray(new Int32Array([0, 1, 1]), { asColumn: true });
    expect([labels.dtype.name, labels.shape]).toEqual(["int32", [3, 1]]);
    expect(toNDArray(new Float64Array(4)).shape).toEqual([4]);
  });
});
