// Ported from tensorflow/python/kernel_tests/random_ops_test.py and init_ops_test.py (see
// README.md for the version). TF's float16 and int64 loops use the engine's dtypes.
import * as tf from "tensorlings";
import { expectOpError, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

type Initializer = ReturnType<typeof tf.constantInitializer>;
type GetVariableOptions = { shape?: number[]; dtype?: tf.DType; initializer?: unknown };
type InitValue = Parameters<typeof tf.constantInitializer>[0];

/** random_ops_test's `_Sampler`: a new graph, the op run 10 times, rows stacked. */
function sampler(build: () => tf.Tensor): () => Float64Array[] {
  return () => {
    const g = tf.Graph();
    return g.asDefault(() => {
      const rng = build();
      return tf.withSession(tf.Session({ graph: g }), (sess) =>
        Array.from({ length: 10 }, () => (sess.run(rng) as tf.NDArray).toFloat64()),
      );
    });
  };
}
/** Rows of samples as one flat array (numpy's ravel). */
const ravel = (rows: Float64Array[]): Float64Array => {
  const out = new Float64Array(rows.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of rows) out.set(r, (at += r.length) - r.length);
  return out;
};
const countEqual = (x: Float64Array[], y: Float64Array[]) => {
  const [fx, fy] = [ravel(x), ravel(y)];
  let count = 0;
  for (let i = 0; i < fx.length; i++) if (fx[i] === fy[i]) count++;
  return count;
};
const std = (xs: Float64Array) => {
  let sum = 0;
  for (const v of xs) sum += v;
  const m = sum / xs.length;
  let sq = 0;
  for (const v of xs) sq += (v - m) ** 2;
  return Math.sqrt(sq / xs.length);
};
const min = (xs: Float64Array) => xs.reduce((a, b) => Math.min(a, b), Infinity);
const max = (xs: Float64Array) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
const FLOATS = [tf.float32, tf.float64];

describe("RandomNormalTest", () => {
  const normal = (num: number, mu: number, sigma: number, dtype: tf.DType, seed?: number) =>
    sampler(() => tf.randomNormal([num], { mean: mu, stddev: sigma, dtype, seed }));
  // random_ops_test.py RandomNormalTest.testDistinct
  test.each(FLOATS)("testDistinct %s", (dt) => {
    const s = normal(1000, 0.0, 1.0, dt);
    expect(countEqual(s(), s())).toBeLessThan(10);
  });
  // random_ops_test.py RandomNormalTest.testSeed
  test.each(FLOATS)("testSeed %s", (dt) => {
    expect(countEqual(normal(1000, 0.0, 1.0, dt, 345)(), normal(1000, 0.0, 1.0, dt, 345)())).toBe(10000);
  });
  // random_ops_test.py RandomNormalTest.testNoCSE
  test("testNoCSE", () => {
    const shape = [2, 3, 4];
    const rnd1 = tf.randomNormal(shape, { mean: 0.0, stddev: 1.0, dtype: tf.float32 });
    const rnd2 = tf.randomNormal(shape, { mean: 0.0, stddev: 1.0, dtype: tf.float32 });
    const diff = tf.withSession(tf.Session(), (s) => s.run(rnd2.sub(rnd1)) as tf.NDArray);
    expect(Math.hypot(...Array.from(diff.data as Float32Array))).toBeGreaterThan(0.1);
  });
});

describe("TruncatedNormalTest", () => {
  const truncated = (num: number, mu: number, sigma: number, dtype: tf.DType, seed?: number) =>
    sampler(() => tf.truncatedNormal([num], { mean: mu, stddev: sigma, dtype, seed }));
  // random_ops_test.py TruncatedNormalTest.testDistinct
  test.each(FLOATS)("testDistinct %s", (dt) => {
    const s = truncated(1000, 0.0, 1.0, dt);
    expect(countEqual(s(), s())).toBeLessThan(10);
  });
  // random_ops_test.py TruncatedNormalTest.testSeed
  test.each(FLOATS)("testSeed %s", (dt) => {
    expect(countEqual(truncated(1000, 0.0, 1.0, dt, 345)(), truncated(1000, 0.0, 1.0, dt, 345)())).toBe(10000);
  });
  // random_ops_test.py TruncatedNormalTest.testStdDev
  test.each(FLOATS)("testStdDev %s", (dt) => {
    const stddev = 3.0;
    const x = ravel(truncated(100000, 0.0, stddev, dt)());
    expect(Math.abs(std(x) / stddev - 0.85)).toBeLessThan(0.04);
  });
});

describe("RandomUniformTest", () => {
  const uniform = (num: number, minv: number, maxv: number, dtype: tf.DType, seed?: number) =>
    sampler(() => tf.randomUniform([num], minv, maxv, { dtype, seed }));
  // random_ops_test.py RandomUniformTest.testRange
  test.each([tf.float32, tf.float64, tf.int32])("testRange %s", (dt) => {
    const x = ravel(uniform(1000, -2, 8, dt)());
    expect(min(x)).toBeGreaterThanOrEqual(-2);
    expect(max(x)).toBeLessThan(8);
  });
  // random_ops_test.py RandomUniformTest.testDistinct
  test.each([tf.float32, tf.float64, tf.int32])("testDistinct %s", (dt) => {
    const maxv = dt.isFloating ? 1.0 : 1 << 30;
    const s = uniform(1000, 0, maxv, dt);
    expect(countEqual(s(), s())).toBeLessThan(10);
  });
  // random_ops_test.py RandomUniformTest.testUniformIntsWithInvalidShape
  test("testUniformIntsWithInvalidShape", () => {
    expectRaises(() => tf.randomUniform([1000], [1, 2], 3, { dtype: tf.int32 }), tf.ValueError, "Shape must be rank 0 but is rank 1");
    expectRaises(() => tf.randomUniform([1000], 1, [2, 3], { dtype: tf.int32 }), tf.ValueError, "Shape must be rank 0 but is rank 1");
  });
  // random_ops_test.py RandomUniformTest.testUniformInts
  test("testUniformInts", () => {
    const minv = -2;
    const maxv = 15;
    const n = 100000;
    const p = 1 / (maxv - minv);
    // The counts should follow an (n, p) binomial distribution.
    const mean = p * n;
    const sd = Math.sqrt(n * p * (1 - p));
    const x = ravel(uniform(n / 10, minv, maxv, tf.int32, 17)());
    expect(x.length).toBe(n);
    const counts = new Array(maxv - minv).fill(0);
    for (const v of x) counts[v - minv]++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...counts.map((c) => Math.abs(c - mean)))).toBeLessThan(5 * sd);
  });
  // random_ops_test.py RandomUniformTest.testUniformIntsDegenerate
  test("testUniformIntsDegenerate", () => {
    const sample = (n: number) => uniform(n, 0, 0, tf.int32)();
    expect(sample(0).length).toBe(10);
    expect(sample(0)[0].length).toBe(0);
    expectOpError(() => sample(1), "Need minval < maxval, got 0 >= 0");
  });
  // random_ops_test.py RandomUniformTest.testSeed
  test.each([tf.float32, tf.float64, tf.int32])("testSeed %s", (dt) => {
    expect(countEqual(uniform(1000, 0, 17, dt, 345)(), uniform(1000, 0, 17, dt, 345)())).toBe(10000);
  });
  // random_ops_test.py RandomUniformTest.testNoCSE
  test("testNoCSE", () => {
    const shape = [2, 3, 4];
    const rnd1 = tf.randomUniform(shape, 0, 17, { dtype: tf.float32 });
    const rnd2 = tf.randomUniform(shape, 0, 17, { dtype: tf.float32 });
    const diff = tf.withSession(tf.Session(), (s) => s.run(rnd2.sub(rnd1)) as tf.NDArray);
    expect(Math.hypot(...Array.from(diff.data as Float32Array))).toBeGreaterThan(0.1);
  });
});

describe("RandomShapeTest", () => {
  // random_ops_test.py RandomShapeTest.testTruncatedNormal / testRandomNormal / testRandomUniform
  test.each([
    ["testTruncatedNormal", (s: number[] | tf.Tensor) => tf.truncatedNormal(s)],
    ["testRandomNormal", (s: number[] | tf.Tensor) => tf.randomNormal(s)],
    ["testRandomUniform", (s: number[] | tf.Tensor) => tf.randomUniform(s)],
  ] as const)("%s", (_name, op) => {
    expect([...op([1, 2, 3]).getShape()]).toEqual([1, 2, 3]);
    expect([...op(tf.placeholder(tf.int32, { shape: [3] })).getShape()]).toEqual([null, null, null]);
    expect(op(tf.placeholder(tf.int32)).shape).toBe(null);
  });
});

/** init_ops_test's `identicaltest`: the initializer evaluated in two fresh graphs. */
function identical(init1: Initializer, init2: Initializer, dtype: tf.DType, shape = [100]): boolean {
  const evalIn = (init: Initializer) => {
    const g = tf.Graph();
    return g.asDefault(() => tf.withSession(tf.Session({ graph: g }), () => init(shape, dtype).eval().toFloat64()));
  };
  const [t1, t2] = [evalIn(init1), evalIn(init2)];
  return t1.every((v, i) => Math.abs(v - t2[i]) <= 1e-15 + 1e-15 * Math.abs(t2[i]));
}
/** init_ops_test's `duplicated_initializer`: two ops from one initializer under a graph seed. */
function duplicated(init: Initializer, graphSeed: number, shape = [100]): boolean {
  tf.setRandomSeed(graphSeed);
  const [t1, t2] = tf.withSession(tf.Session(), () => [init(shape, tf.float32).eval(), init(shape, tf.float32).eval()]);
  return t1.toFloat64().every((v, i) => Math.abs(v - t2.toFloat64()[i]) <= 1e-15);
}

describe("ConstantInitializersTest", () => {
  const getAndEval = (name: string, options: GetVariableOptions) =>
    tf.withSession(tf.Session(), () => {
      const x = tf.getVariable(name, options);
      x.initializer.run();
      return { x, value: tf.reshape(x, [-1]).eval().toArray() as number[] };
    });
  // init_ops_test.py ConstantInitializersTest.testZerosInitializer / testOnesInitializer /
  // testConstantZeroInitializer / testConstantOneInitializer
  test.each([
    ["testZerosInitializer", () => tf.zerosInitializer(), 0],
    ["testOnesInitializer", () => tf.onesInitializer(), 1],
    ["testConstantZeroInitializer", () => tf.constantInitializer(0.0), 0],
    ["testConstantOneInitializer", () => tf.constantInitializer(1.0), 1],
  ] as const)("%s", (_name, init, expected) => {
    const { value } = getAndEval("x", { shape: [2, 3], initializer: init() });
    expect(value).toEqual(new Array(6).fill(expected));
  });
  // init_ops_test.py ConstantInitializersTest.testConstantIntInitializer
  test("testConstantIntInitializer", () => {
    const { x, value } = getAndEval("x", { shape: [2, 3], dtype: tf.int32, initializer: tf.constantInitializer(7) });
    expect(x.dtype).toBe(tf.int32);
    expect(value).toEqual(new Array(6).fill(7));
  });
  const values = [0, 1, 2, 3, 4, 5];
  const forms: [string, () => NonNullable<InitValue>][] = [
    ["list", () => values],
    ["ndarray", () => tf.NDArray.from(values, tf.int32)],
    ["2D-ndarray", () => tf.NDArray.from(values, tf.int32).reshape([2, 3])],
  ];
  // init_ops_test.py ConstantInitializersTest.testNDimConstantInitializer
  test.each(forms)("testNDimConstantInitializer %s", (name, value) => {
    const { value: actual } = getAndEval(name, { shape: [2, 3], initializer: tf.constantInitializer(value(), { dtype: tf.int32 }) });
    expect(actual).toEqual(values);
  });
  // init_ops_test.py ConstantInitializersTest.testNDimConstantInitializerLessValues
  test.each(forms)("testNDimConstantInitializerLessValues %s", (name, value) => {
    const { value: actual } = getAndEval(name, { shape: [2, 4], initializer: tf.constantInitializer(value(), { dtype: tf.int32 }) });
    expect(actual.length).toBeGreaterThan(values.length);
    actual.forEach((a, i) => expect(a).toBe(i < values.length ? values[i] : values[values.length - 1]));
  });
  // init_ops_test.py ConstantInitializersTest.testNDimConstantInitializerMoreValues
  test.each([
    ["list", [0, 1, 2, 3, 4, 5, 6, 7]],
    ["ndarray", tf.NDArray.from([0, 1, 2, 3, 4, 5, 6, 7], tf.int32)],
    ["2D-ndarray", tf.NDArray.from([0, 1, 2, 3, 4, 5, 6, 7], tf.int32).reshape([2, 4])],
  ] as const)("testNDimConstantInitializerMoreValues %s", (_name, value) => {
    const init = tf.constantInitializer(value as InitValue, { dtype: tf.int32 });
    expectRaises(() => tf.getVariable("x", { shape: [2, 3], initializer: init }), tf.ValueError);
  });
});

describe.each([
  ["RandomNormalInitializationTest", (seed?: number, dtype?: tf.DType) => tf.randomNormalInitializer(0.0, 1.0, { seed, dtype })],
  ["TruncatedNormalInitializationTest", (seed?: number, dtype?: tf.DType) => tf.truncatedNormalInitializer(0.0, 1.0, { seed, dtype })],
  ["RandomUniformInitializationTest", (seed?: number, dtype?: tf.DType) => tf.randomUniformInitializer(0, 7, { seed, dtype })],
] as const)("%s", (name, make) => {
  // init_ops_test.py <class>.testInitializerIdentical
  test.each(FLOATS)("testInitializerIdentical %s", (dtype) => {
    expect(identical(make(1, dtype), make(1, dtype), dtype)).toBe(true);
  });
  // init_ops_test.py <class>.testInitializerDifferent
  test.each(FLOATS)("testInitializerDifferent %s", (dtype) => {
    expect(identical(make(1, dtype), make(2, dtype), dtype)).toBe(false);
  });
  // init_ops_test.py <class>.testDuplicatedInitializer
  test("testDuplicatedInitializer", () => {
    expect(duplicated(make(), 1)).toBe(false);
  });
  // init_ops_test.py <class>.testInvalidDataType (normal initializers only take floats)
  if (name !== "RandomUniformInitializationTest") {
    test("testInvalidDataType", () => {
      expectRaises(() => make(undefined, tf.string), tf.ValueError);
    });
  }
});
