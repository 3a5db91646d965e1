import { StandardScaler, matrix, pairwiseSum } from "tensorlings/datasets";
import { createHash } from "node:crypto";
import { f64, firstMismatch, loadFixture } from "./fixtures";

interface Small {
  rows: number;
  cols: number;
  X: string;
  mean: string;
  var: string;
  scale: string;
  transformedSha256: string;
}
const { small } = loadFixture<{ small: Small }>("scaler.json");

function sha256(a: Float64Array): string {
  return createHash("sha256")
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest("hex");
}

describe("StandardScaler against scikit-learn's algorithm run by NumPy (300×4, column-major)", () => {
  const X = matrix(small.rows, small.cols, f64(small.X));
  const scaler = new StandardScaler();
  const Xt = scaler.fitTransform(X);

  test("mean, variance and scale are bit-identical", () => {
    expect(firstMismatch(scaler.mean, f64(small.mean))).toBe(-1);
    expect(firstMismatch(scaler.variance, f64(small.var))).toBe(-1);
    expect(firstMismatch(scaler.scale, f64(small.scale))).toBe(-1);
    expect(scaler.nSamplesSeen).toBe(300);
  });

  test("constant and near-constant columns get scale 1 (column 1 is constant, column 3 is 1e9 + tiny noise)", () => {
    expect(scaler.scale[1]).toBe(1);
    expect(Array.from(f64(small.scale))[1]).toBe(1);
  });

  test("transform output is bit-identical (sha256 of all 1,200 values)", () => {
    expect(sha256(Xt.data)).toBe(small.transformedSha256);
  });

  test("inverseTransform gets the data back", () => {
    const back = scaler.inverseTransform(Xt);
    back.data.forEach((v, k) => expect(v).toBeCloseTo(X.data[k], 6));
  });
});

test("pairwiseSum equals np.sum where a running sum does not", () => {
  // a[i] = 0.1·(i mod 17) + 1000/(i+1); np.sum gives 8283.370860550345 (1000 values) and
  // 5265.877517639619 (first 100); adding in order gives ...349 and ...621.
  const a = Float64Array.from({ length: 1000 }, (_, i) => 0.1 * (i % 17) + 1e3 / (i + 1));
  expect(pairwiseSum(a)).toBe(8283.370860550345);
  expect(pairwiseSum(a, 0, 100)).toBe(5265.877517639619);
  expect(pairwiseSum([1, 2, 3])).toBe(6);
});

test("misuse is reported in scikit-learn's words", () => {
  const scaler = new StandardScaler();
  expect(() => scaler.mean).toThrow("This StandardScaler instance is not fitted yet.");
  scaler.fit(matrix(2, 2, new Float64Array([1, 2, 3, 4])));
  expect(() => scaler.transform(matrix(1, 3))).toThrow(
    "X has 3 features, but StandardScaler is expecting 2 features as input.",
  );
  expect(() => new StandardScaler().fit(matrix(1, 1, new Float64Array([NaN])))).toThrow("X[0, 0] is NaN");
});
