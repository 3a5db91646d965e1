// Ported from tensorflow/python/kernel_tests/reduction_ops_test.py (see README.md for the
// version). TF compares each reduction with NumPy's over every subset of axes, with and without
// keepdims; here a small reference reducer plays NumPy's part. _MAX_RANK is 5 in TF; ranks 1-4
// here keep the run short (the axis subsets of rank 5 repeat the same code paths).
import * as tf from "tensorlings";
import { reducedShape } from "../../src/ops/math/reduceGrad";
import { checkGradients } from "../train/gradcheck";
import { evaluate, expectAllClose, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

type Kind = "sum" | "mean" | "prod" | "max" | "min" | "all" | "any";

/** NumPy's reduction over `axes` (null: all), TF's integer mean truncating as its tests do. */
function npReduce(kind: Kind, data: number[], shape: number[], axes: number[] | null, keepDims: boolean, isInt: boolean) {
  const rank = shape.length;
  const reduced = new Set((axes ?? shape.map((_, i) => i)).map((a) => (a < 0 ? a + rank : a)));
  const outShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const init = { sum: 0, mean: 0, prod: 1, max: -Infinity, min: Infinity, all: 1, any: 0 }[kind];
  const acc = new Array(outSize).fill(init);
  const counts = new Array(outSize).fill(0);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const outStrides = outShape.map((_, i) => outShape.slice(i + 1).reduce((a, b) => a * b, 1));
  data.forEach((v, flat) => {
    let o = 0;
    shape.forEach((_, d) => {
      const idx = Math.floor(flat / strides[d]) % shape[d];
      if (!reduced.has(d)) o += idx * outStrides[d];
    });
    counts[o]++;
    if (kind === "sum" || kind === "mean") acc[o] += v;
    else if (kind === "prod") acc[o] *= v;
    else if (kind === "max") acc[o] = Math.max(acc[o], v);
    else if (kind === "min") acc[o] = Math.min(acc[o], v);
    else if (kind === "all") acc[o] = acc[o] && v ? 1 : 0;
    else acc[o] = acc[o] || v ? 1 : 0;
  });
  const values = kind === "mean" ? acc.map((s, i) => (isInt ? Math.floor(s / counts[i]) : s / counts[i])) : acc;
  const finalShape = keepDims ? outShape : shape.filter((_, i) => !reduced.has(i));
  return { values, shape: finalShape };
}

const OPS: Record<Kind, (x: tf.Tensor, axis: number[] | null, o: { keepDims: boolean }) => tf.Tensor> = {
  sum: (x, a, o) => tf.reduceSum(x, a, o),
  mean: (x, a, o) => tf.reduceMean(x, a, o),
  prod: (x, a, o) => tf.reduceProd(x, a, o),
  max: (x, a, o) => tf.reduceMax(x, a, o),
  min: (x, a, o) => tf.reduceMin(x, a, o),
  all: (x, a, o) => tf.reduceAll(x, a, o),
  any: (x, a, o) => tf.reduceAny(x, a, o),
};

/** reduction_ops_test's `_compareAllAxes`: every subset of the axes, keepdims both ways, and None. */
function compareAllAxes(kind: Kind, array: tf.NDArray) {
  const rank = array.shape.length;
  const subsets: (number[] | null)[] = [null];
  for (let mask = 0; mask < 1 << rank; mask++) subsets.push([...Array(rank).keys()].filter((i) => mask & (1 << i)));
  const data = Array.from(array.toFloat64());
  const x = tf.constant(array);
  const cases = subsets.flatMap((axes) => [false, true].map((keepDims) => ({ axes, keepDims, t: OPS[kind](x, axes, { keepDims }) })));
  const results = tf.withSession(tf.Session(), (s) => s.run(cases.map((c) => c.t)) as tf.NDArray[]);
  cases.forEach(({ axes, keepDims }, i) => {
    const expected = npReduce(kind, data, [...array.shape], axes, keepDims, array.dtype === tf.int32);
    expect(results[i].shape).toEqual(expected.shape);
    expectAllClose(results[i].toFloat64(), expected.values);
  });
}
/** `_makeIncremental`: np.arange(prod(shape)).reshape(shape). */
const incremental = (shape: number[], dtype: tf.DType) =>
  tf.NDArray.from(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i), dtype).reshape(shape);

describe("ReducedShapeTest", () => {
  const check = (shape: number[], axes: number[], result: number[]) =>
    expect(evaluate(reducedShape(tf.constant(shape, { dtype: tf.int32 }), tf.constant(axes, { dtype: tf.int32 })))).toEqual(result);
  // reduction_ops_test.py ReducedShapeTest.testSimple
  test("testSimple", () => {
    check([3], [], [3]);
    check([3], [0], [1]);
    check([5, 3], [], [5, 3]);
    check([5, 3], [0], [1, 3]);
    check([5, 3], [1], [5, 1]);
    check([5, 3], [0, 1], [1, 1]);
  });
  // reduction_ops_test.py ReducedShapeTest.testZeros
  test("testZeros", () => {
    check([0], [], [0]);
    check([0], [0], [1]);
    check([0, 3], [], [0, 3]);
    check([0, 3], [0], [1, 3]);
    check([0, 3], [1], [0, 1]);
    check([0, 3], [0, 1], [1, 1]);
    check([3, 0], [], [3, 0]);
    check([3, 0], [0], [1, 0]);
    check([3, 0], [1], [3, 1]);
    check([3, 0], [0, 1], [1, 1]);
  });
  // reduction_ops_test.py ReducedShapeTest.testNegAxes
  test("testNegAxes", () => {
    check([10, 10, 10], [-1], [10, 10, 1]);
    check([10, 10, 10], [-1, 2], [10, 10, 1]);
    check([10, 10, 10], [-1, -1], [10, 10, 1]);
    check([10, 10, 10], [-1, 0], [1, 10, 1]);
    check([10, 10, 10], [-3], [1, 10, 10]);
  });
});

describe("ReductionUnknownShape", () => {
  // reduction_ops_test.py ReductionUnknownShape.testBasic
  test.each([
    [tf.float32, ["sum", "mean", "prod", "max", "min"]],
    [tf.bool, ["all", "any"]],
  ] as const)("testBasic %s", (dtype, kinds) => {
    for (const kind of kinds) {
      const x = tf.placeholder(dtype, { shape: null });
      const y = OPS[kind](x, null, { keepDims: false });
      expect(y.shape).toEqual([]);
    }
  });
});

describe.each([
  ["SumReductionTest", "sum"],
  ["MeanReductionTest", "mean"],
  ["ProdReductionTest", "prod"],
  ["MaxReductionTest", "max"],
  ["MinReductionTest", "min"],
] as const)("%s", (_cls, kind) => {
  // reduction_ops_test.py <class>.testFloat32 / testFloat64 / testInt32 (_compareAllAxes on _makeIncremental)
  test.each([
    ["testFloat32", tf.float32],
    ["testFloat64", tf.float64],
    ["testInt32", tf.int32],
  ] as const)("%s", (_name, dtype) => {
    for (let rank = 1; rank <= 4; rank++) compareAllAxes(kind, incremental(new Array(rank).fill(2), dtype));
  });
  // reduction_ops_test.py <class>.testInvalidIndex
  test("testInvalidIndex", () => {
    const input = tf.convertToTensor(tf.NDArray.from(Array.from({ length: 10 }, (_, i) => i), tf.float32).reshape([2, 5]));
    for (const axes of [[-3], [2], [0, 2]]) {
      const e = expectRaises(() => OPS[kind](input, axes, { keepDims: false }), tf.ValueError);
      expect(e.message).toContain("Invalid reduction dimension");
    }
  });
});

describe("SumReductionTest (shapes)", () => {
  // reduction_ops_test.py SumReductionTest.testPartialShapes
  test("testPartialShapes", () => {
    const reductionAxes = [1, 2];
    const cUnknown = tf.placeholder(tf.float32);
    expect(tf.reduceSum(cUnknown, reductionAxes).shape).toBe(null);
    const cKnownRank = tf.placeholder(tf.float32);
    cKnownRank.setShape([null, null, null]);
    expect(tf.reduceSum(cKnownRank, reductionAxes, { keepDims: true }).shape?.length).toBe(3);
    const unknownIndices = tf.placeholder(tf.int32);
    const cUnknownIndices = tf.constant([[10.0], [20.0]]);
    expect(tf.reduceSum(cUnknownIndices, unknownIndices, { keepDims: false }).shape).toBe(null);
    expect(tf.reduceSum(cUnknownIndices, unknownIndices, { keepDims: true }).shape?.length).toBe(2);
  });
  // reduction_ops_test.py SumReductionTest.testInfinity (and MeanReductionTest/MaxReductionTest.testInfinity)
  test.each(["sum", "mean", "max", "min"] as const)("testInfinity %s", (kind) => {
    for (const special of [Infinity, -Infinity, NaN]) {
      const arr = tf.NDArray.from([special, 1, 2], tf.float32);
      const out = evaluate(OPS[kind](tf.constant(arr), null, { keepDims: false })) as number;
      const expected = npReduce(kind, [special, 1, 2], [3], null, false, false).values[0];
      expect(Number.isNaN(out) ? "nan" : out).toEqual(Number.isNaN(expected) ? "nan" : expected);
    }
  });
});

describe("ProdReductionTest (gradients)", () => {
  // reduction_ops_test.py ProdReductionTest.testGradientWithZeros (compute_gradient_error < 1e-3
  // there; a central-difference check here)
  const s = [2, 3, 4, 2];
  const base = Array.from({ length: 48 }, (_, i) => (i + 1) / 20);
  const zeroWhere = (pred: (idx: number[]) => boolean) =>
    base.map((v, flat) => (pred([Math.floor(flat / 24) % 2, Math.floor(flat / 8) % 3, Math.floor(flat / 2) % 4, flat % 2]) ? 0 : v));
  test.each([
    ["no zeros", base],
    ["zero at beginning", zeroWhere((i) => i[2] === 0)],
    ["zero at end", zeroWhere((i) => i[2] === 3)],
    ["zero in middle", zeroWhere((i) => i[2] === 2)],
    ["all zeros", zeroWhere((i) => i[2] === 2 || i[2] === 0)],
  ])("testGradientWithZeros %s", (_name, values) => {
    for (const axes of [null, [0], [1, 2], [-1, 0]]) {
      checkGradients({ inputs: [{ shape: s, values }], step: 1e-4, tolerance: 1e-5, build: ([x]) => tf.reduceProd(x, axes) });
    }
  });
});

describe.each([
  ["AllReductionTest", "all", "testAll3D"],
  ["AnyReductionTest", "any", "testAny3D"],
] as const)("%s", (_cls, kind, name) => {
  // reduction_ops_test.py AllReductionTest.testAll3D / AnyReductionTest.testAny3D
  test(name, () => {
    const bits = Array.from({ length: 30 }, (_, i) => ((i * 37) % 10 > 0 ? 1 : 0));
    compareAllAxes(kind, tf.NDArray.from(bits, tf.bool).reshape([2, 3, 5]));
  });
});
