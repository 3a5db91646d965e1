import { RandomState, addBiasColumn, makeMoons, matrixToRows, npRandom } from "tensorlings/datasets";
import { f64, i32, loadFixture } from "./fixtures";

interface MoonsCase {
  nSamples: number | [number, number];
  noise: number | null;
  randomState: number;
  shuffle: boolean;
  X: string;
  y: string;
}
const { cases } = loadFixture<{ cases: MoonsCase[] }>("moons.json");

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

test.each(cases.map((c) => [JSON.stringify(c.nSamples), c.noise, c.randomState, c.shuffle, c] as const))(
  "makeMoons(%s, {noise: %s, randomState: %d, shuffle: %s}) equals scikit-learn's to 1e-12",
  (_n, _noise, _seed, _shuffle, c) => {
    const { X, y } = makeMoons(c.nSamples, {
      noise: c.noise ?? undefined,
      randomState: c.randomState,
      shuffle: c.shuffle,
    });
    expect(Array.from(y)).toEqual(i32(c.y));
    expect(maxAbsDiff(X.data, f64(c.X))).toBeLessThanOrEqual(1e-12);
  },
);

test("the book's first rows with the bias column (notebook, exercise 12)", () => {
  const Xb = addBiasColumn(makeMoons(1000, { noise: 0.1, randomState: 42 }).X);
  const book = [
    [1, -0.05146968, 0.44419863],
    [1, 1.03201691, -0.41974116],
    [1, 0.86789186, -0.25482711],
    [1, 0.288851, -0.44866862],
    [1, -0.83343911, 0.53505665],
  ];
  matrixToRows(Xb)
    .slice(0, 5)
    .forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(book[i][j], 8)));
});

test("a RandomState instance is drawn from (and advanced); no seed uses npRandom", () => {
  const rs = new RandomState(42);
  const a = makeMoons(20, { noise: 0.1, randomState: rs });
  expect(Array.from(a.X.data)).toEqual(Array.from(makeMoons(20, { noise: 0.1, randomState: 42 }).X.data));
  const b = makeMoons(20, { noise: 0.1, randomState: rs });
  expect(Array.from(b.X.data)).not.toEqual(Array.from(a.X.data));
  npRandom.seed(42);
  expect(Array.from(makeMoons(20, { noise: 0.1 }).X.data)).toEqual(Array.from(a.X.data));
});

test("bad arguments are named", () => {
  expect(() => makeMoons(0)).toThrow("nSamples must be a positive integer");
  expect(() => makeMoons(10, { noise: -0.1 })).toThrow("noise must be a non-negative number, got -0.1");
  expect(() => makeMoons([3, -1] as never)).toThrow("pair [nOuter, nInner]");
});
