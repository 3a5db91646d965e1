// Ported from tensorflow/python/kernel_tests/stack_op_test.py, unstack_op_test.py,
// slice_op_test.py and pad_op_test.py (see README.md for the version). NumPy's random arrays
// become fixed pseudo-random ones; NumPy's own answers are computed here the same way.
import * as tf from "tensorlings";
import { evaluate, expectAllClose, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

/** Values in [0, 1) from a fixed linear congruential sequence (np.random.rand stand-in). */
function rand(n: number, seed = 7): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
/** Nested arrays of `shape` from flat values (numpy's reshape). */
function nest(values: number[], shape: number[]): unknown {
  if (shape.length === 0) return values[0];
  const inner = size(shape.slice(1));
  return Array.from({ length: shape[0] }, (_, i) => nest(values.slice(i * inner, (i + 1) * inner), shape.slice(1)));
}
/** np_split_squeeze(array, axis): the slices along `axis`, that axis removed. */
function splitSqueeze(values: number[], shape: number[], axis: number): { values: number[]; shape: number[] }[] {
  const ax = axis < 0 ? axis + shape.length : axis;
  const outer = size(shape.slice(0, ax));
  const inner = size(shape.slice(ax + 1));
  return Array.from({ length: shape[ax] }, (_, i) => {
    const part: number[] = [];
    for (let o = 0; o < outer; o++) for (let k = 0; k < inner; k++) part.push(values[(o * shape[ax] + i) * inner + k]);
    return { values: part, shape: shape.filter((_, d) => d !== ax) };
  });
}
/** A shape of rank i whose dims are a permutation of 1..i (np.random.permutation(i) + 1). */
const permutedShape = (i: number) => Array.from({ length: i }, (_, k) => ((k * 2 + i) % i) + 1);

describe("StackOpTest", () => {
  const SHAPES = [[2], [3], [2, 3], [3, 2], [4, 3, 2]];
  // stack_op_test.py StackOpTest.testSimple
  test.each([tf.bool, tf.float32, tf.int32])("testSimple %s", (dtype) => {
    for (const shape of SHAPES) {
      const raw = rand(size(shape)).map((v) => (dtype === tf.float32 ? v * 4 - 2 : Math.floor(v * 4) - 2));
      const data = tf.NDArray.from(dtype === tf.bool ? raw.map((v) => (v !== 0 ? 1 : 0)) : raw, dtype).reshape(shape);
      const rows = splitSqueeze(Array.from(data.toFloat64()), shape, 0);
      const xs = rows.map((r) => tf.constant(tf.NDArray.from(r.values, dtype).reshape(r.shape)));
      const c = tf.stack(xs);
      expect(evaluate(c)).toEqual(data.toArray());
    }
  });
  // stack_op_test.py StackOpTest.testConst
  test("testConst", () => {
    for (const shape of SHAPES) {
      const data = tf.NDArray.from(rand(size(shape)), tf.float32).reshape(shape);
      const rows = splitSqueeze(Array.from(data.toFloat64()), shape, 0).map((r) => tf.NDArray.from(r.values, tf.float32).reshape(r.shape));
      const c = tf.stack(rows);
      // This is implemented via a Const:
      expect(c.op.type).toBe("Const");
      expectAllClose(evaluate(c), data);
      if (shape.length === 1) {
        const cl = tf.stack(Array.from(data.toFloat64()));
        expect(cl.op.type).toBe("Const");
        expectAllClose(evaluate(cl), data);
      }
    }
    // Verify that shape induction works with shapes produced via const stack
    // (Python's int literals are int32 scalars here; a bare JS number would be float32.)
    const a = tf.constant([1, 2, 3, 4, 5, 6]);
    const b = tf.reshape(a, tf.stack([2, 3].map((d) => tf.NDArray.from(d, tf.int32))));
    expect([...b.getShape()]).toEqual([2, 3]);
  });
  // stack_op_test.py StackOpTest.testZeroSize
  test.each([[[0]], [[3, 0]], [[0, 3]]])("testZeroSize %j", (shape) => {
    const x = [tf.zeros(shape, tf.int32), tf.zeros(shape, tf.int32)];
    const p = tf.withSession(tf.Session(), (s) => s.run(tf.stack(x)) as tf.NDArray);
    expect(p.shape).toEqual([2, ...shape]);
  });
  // stack_op_test.py StackOpTest.testAxis0Default
  test("testAxis0Default", () => {
    const t = [tf.constant([1, 2, 3], { dtype: tf.int32 }), tf.constant([4, 5, 6], { dtype: tf.int32 })];
    expect(evaluate(tf.stack(t))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  // stack_op_test.py StackOpTest.testAgainstNumpy
  test.each([1, 2, 3, 4, 5])("testAgainstNumpy rank %i", (i) => {
    const shape = permutedShape(i);
    const expected = rand(size(shape), i);
    for (let j = -i; j < i; j++) {
      const testArrays = splitSqueeze(expected, shape, j).map((p) => tf.constant(tf.NDArray.from(p.values, tf.float64).reshape(p.shape)));
      const actualPack = tf.stack(testArrays, j);
      expect([...actualPack.getShape()]).toEqual(shape);
      expectAllClose(evaluate(actualPack), nest(expected, shape));
    }
  });
  // stack_op_test.py StackOpTest.testDimOutOfRange
  test("testDimOutOfRange", () => {
    const t = [tf.constant([1, 2, 3]), tf.constant([4, 5, 6])];
    expectRaises(() => tf.stack(t, 2), tf.ValueError, /axis = 2 not in \[-2, 2\)/);
  });
  // stack_op_test.py StackOpTest.testDimOutOfNegativeRange
  test("testDimOutOfNegativeRange", () => {
    const t = [tf.constant([1, 2, 3]), tf.constant([4, 5, 6])];
    expectRaises(() => tf.stack(t, -3), tf.ValueError, /axis = -3 not in \[-2, 2\)/);
  });
});

describe("UnstackOpTest", () => {
  // unstack_op_test.py UnstackOpTest.testSimple
  test.each([tf.bool, tf.float32, tf.float64, tf.int32])("testSimple %s", (dtype) => {
    for (const shape of [[2], [3], [2, 3], [3, 2], [4, 3, 2]]) {
      const raw = rand(size(shape)).map((v) => Math.floor(v * 4) - 2);
      const data = tf.NDArray.from(dtype === tf.bool ? raw.map((v) => (v !== 0 ? 1 : 0)) : raw, dtype).reshape(shape);
      const cs = tf.unstack(tf.constant(data), { num: shape[0] });
      expect(Array.isArray(cs)).toBe(true);
      expect(cs.length).toBe(shape[0]);
      expect(evaluate(cs)).toEqual(data.toArray());
    }
  });
  // unstack_op_test.py UnstackOpTest.testCannotInferNumFromUnknownShape
  test("testCannotInferNumFromUnknownShape", () => {
    expectRaises(() => tf.unstack(tf.placeholder(tf.float32)), tf.ValueError, "Cannot infer num from shape <unknown>");
  });
  // unstack_op_test.py UnstackOpTest.testUnknownShapeOkWithNum
  test("testUnknownShapeOkWithNum", () => {
    expect(tf.unstack(tf.placeholder(tf.float32), { num: 2 }).length).toBe(2);
  });
  // unstack_op_test.py UnstackOpTest.testCannotInferNumFromNoneShape
  test("testCannotInferNumFromNoneShape", () => {
    expectRaises(() => tf.unstack(tf.placeholder(tf.float32, { shape: [null] })), tf.ValueError, /Cannot infer num from shape \(\?,\)/);
  });
  // unstack_op_test.py UnstackOpTest.testAgainstNumpy
  test.each([1, 2, 3, 4, 5])("testAgainstNumpy rank %i", (i) => {
    const shape = permutedShape(i);
    const a = rand(size(shape), 10 + i);
    for (let j = -i; j < i; j++) {
      const expected = splitSqueeze(a, shape, j).map((p) => nest(p.values, p.shape));
      const actual = evaluate(tf.unstack(tf.constant(tf.NDArray.from(a, tf.float64).reshape(shape)), { axis: j }));
      expect(actual).toEqual(expected);
    }
  });
  // unstack_op_test.py UnstackOpTest.testAxis0Default
  test("testAxis0Default", () => {
    const a = tf.constant([[1, 2, 3], [4, 5, 6]], { dtype: tf.int32, name: "a" });
    const unstacked = evaluate(tf.unstack(a));
    expect(unstacked.length).toBe(2);
    expect(unstacked).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  // unstack_op_test.py UnstackOpTest.testAxisOutOfRange / testAxisOutOfNegativeRange
  test.each([
    [2, /axis = 2 not in \[-2, 2\)/],
    [-3, /axis = -3 not in \[-2, 2\)/],
  ] as const)("testAxisOutOfRange %i", (axis, pattern) => {
    const a = tf.constant([[1, 2, 3], [4, 5, 6]], { name: "a" });
    expectRaises(() => tf.unstack(a, { axis }), tf.ValueError, pattern);
  });
  // unstack_op_test.py UnstackOpTest.testZeroLengthDim
  test("testZeroLengthDim", () => {
    const x = tf.zeros([0, 1, 2]);
    const y = tf.withSession(tf.Session(), (s) => s.run(tf.unstack(x, { axis: 1 })[0]) as tf.NDArray);
    expect(y.shape).toEqual([0, 2]);
  });
});

describe("SliceTest", () => {
  // slice_op_test.py SliceTest.testSimple (the tf.slice half; a[:2, :2] is strided slicing)
  test("testSimple", () => {
    const inp = rand(16);
    const a = tf.constant(inp, { shape: [4, 4], dtype: tf.float32 });
    const sliceT = tf.slice(a, [0, 0], [2, 2]);
    const sliceVal = tf.withSession(tf.Session(), (s) => s.run(sliceT) as tf.NDArray);
    expectAllClose(sliceVal, [inp[0], inp[1], inp[4], inp[5]].map(Math.fround));
    expect(sliceVal.shape).toEqual([...sliceT.getShape()]);
  });
  // slice_op_test.py SliceTest.testRandom
  test("testRandom", () => {
    const r = rand(30, 3);
    const inputShape = [0, 1, 2, 3, 4, 5].map((i) => Math.floor(r[i] * 5));
    const inp = rand(size(inputShape), 4);
    const indices = inputShape.map((x, i) => (x === 0 ? 0 : Math.floor(r[6 + i] * x)));
    const sizes = inputShape.map((x, i) => Math.floor(r[12 + i] * (x - indices[i] + 1)));
    const a = tf.constant(inp, { shape: inputShape, dtype: tf.float32 });
    const sliceT = tf.slice(a, indices, sizes);
    const sliceVal = tf.withSession(tf.Session(), (s) => s.run(sliceT) as tf.NDArray);
    // NumPy's inp[indices[0]:indices[0] + sizes[0], ...]
    const strides = inputShape.map((_, i) => size(inputShape.slice(i + 1)));
    const expected: number[] = [];
    const idx = new Array(6).fill(0);
    for (let n = 0; n < size(sizes); n++) {
      expected.push(Math.fround(inp[idx.reduce((off, v, d) => off + (indices[d] + v) * strides[d], 0)]));
      for (let d = 5; d >= 0; d--) {
        if (++idx[d] < sizes[d]) break;
        idx[d] = 0;
      }
    }
    expectAllClose(sliceVal.toFloat64(), expected);
    expect([...sliceT.getShape()]).toEqual(sizes);
  });
  // slice_op_test.py SliceTest.testPartialShapeInference
  test("testPartialShapeInference", () => {
    const z = tf.zeros([1, 2, 3]);
    expect([...z.getShape()]).toEqual([1, 2, 3]);
    const m3 = tf.slice(z, [0, 0, 0], [-1, -1, -1]);
    expect([...m3.getShape()]).toEqual([1, 2, 3]);
    const m4 = tf.slice(z, [0, 1, 0], [-1, -1, 2]);
    expect([...m4.getShape()]).toEqual([1, 1, 2]);
  });
  // slice_op_test.py SliceTest.testGradientsAll (_testGradientSlice)
  test.each([
    [[4, 4], [1, 1], [2, 2]],
    [[4, 4], [0, 0], [2, 2]],
    [[4, 4], [2, 1], [1, 2]],
    [[3, 3, 3], [0, 1, 0], [2, 1, 1]],
  ])("testGradientsAll %j %j %j", (inputShape, begin, sliceSize) => {
    const inp = rand(size(inputShape), 5);
    const a = tf.constant(inp, { shape: inputShape, dtype: tf.float32 });
    const sliceT = tf.slice(a, begin, sliceSize);
    const grads = rand(size(sliceSize), 6);
    const gradTensor = tf.constant(tf.NDArray.from(grads, tf.float32).reshape(sliceSize));
    const grad = tf.gradients(sliceT, [a], [gradTensor])[0] as tf.Tensor;
    const result = tf.withSession(tf.Session(), (s) => s.run(grad) as tf.NDArray);
    // np_ans: zeros of the input shape with the grads placed at the slice.
    const npAns = new Array(size(inputShape)).fill(0);
    const strides = inputShape.map((_, i) => size(inputShape.slice(i + 1)));
    grads.forEach((g, n) => {
      let off = 0;
      let rest = n;
      for (let d = sliceSize.length - 1; d >= 0; d--) {
        off += (begin[d] + (rest % sliceSize[d])) * strides[d];
        rest = Math.floor(rest / sliceSize[d]);
      }
      npAns[off] = Math.fround(g);
    });
    expectAllClose(result, npAns);
  });
});

describe("PadOpTest", () => {
  /** pad_op_test.py _npPad (CONSTANT mode) on flat values. */
  function npPad(values: number[], shape: number[], paddings: number[][]) {
    const outShape = shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
    const out = new Array(size(outShape)).fill(0);
    const outStrides = outShape.map((_, i) => size(outShape.slice(i + 1)));
    values.forEach((v, n) => {
      let off = 0;
      let rest = n;
      for (let d = shape.length - 1; d >= 0; d--) {
        off += ((rest % shape[d]) + paddings[d][0]) * outStrides[d];
        rest = Math.floor(rest / shape[d]);
      }
      out[off] = v;
    });
    return { values: out, shape: outShape };
  }
  const testPad = (values: number[], shape: number[], dtype: tf.DType, paddings: number[][]) => {
    const np = npPad(values, shape, paddings);
    const tfVal = tf.pad(tf.constant(tf.NDArray.from(values, dtype).reshape(shape)), paddings);
    const out = tf.withSession(tf.Session(), (s) => s.run(tfVal) as tf.NDArray);
    expect(out.shape).toEqual(np.shape);
    expectAllClose(out, np.values);
    expect([...tfVal.getShape()]).toEqual(np.shape);
  };
  // pad_op_test.py PadOpTest.testInputDims
  test("testInputDims", () => {
    expectRaises(() => tf.pad(tf.reshape([1, 2], [1, 2, 1, 1, 1, 1]), tf.reshape(tf.constant([1, 2], { dtype: tf.int32 }), [1, 2])), tf.ValueError);
  });
  // pad_op_test.py PadOpTest.testPaddingsDim / testPaddingsDim2 / testPaddingsDim3 / testPaddingsDim4
  test.each([
    ["testPaddingsDim", [1, 2], [2]],
    ["testPaddingsDim2", [1, 2], [2, 1]],
    ["testPaddingsDim3", [1, 2], [1, 2]],
    ["testPaddingsDim4", [1, 2, 3, 4, 5, 6], [3, 2]],
  ] as const)("%s", (_name, pads, padShape) => {
    const paddings = tf.reshape(tf.constant([...pads], { dtype: tf.int32 }), [...padShape]);
    expectRaises(() => tf.pad(tf.reshape([1, 2], [1, 2]), paddings), tf.ValueError);
  });
  // pad_op_test.py PadOpTest.testPaddingsNonNegative / testPaddingsNonNegative2
  test.each([
    ["testPaddingsNonNegative", [-1, 0]],
    ["testPaddingsNonNegative2", [0, -1]],
  ] as const)("%s", (_name, pads) => {
    expectRaises(
      () => tf.pad(tf.constant([1], { shape: [1] }), tf.constant([...pads], { shape: [1, 2], dtype: tf.int32 })),
      tf.ValueError,
      "must be non-negative",
    );
  });
  // pad_op_test.py PadOpTest.testIntTypes
  test("testIntTypes", () => {
    testPad(rand(48).map((v) => Math.floor(v * 200) - 100), [4, 4, 3], tf.int32, [[1, 0], [2, 3], [0, 2]]);
    testPad(rand(24).map((v) => Math.floor(v * 200) - 100), [4, 2, 1, 3], tf.int32, [[0, 0], [0, 0], [0, 0], [0, 0]]);
  });
  // pad_op_test.py PadOpTest.testFloatTypes (the constant_values=0 cases)
  test.each([tf.float32, tf.float64])("testFloatTypes %s", (dtype) => {
    testPad(rand(10).map(Math.fround), [2, 5], dtype, [[1, 0], [2, 0]]);
    testPad([], [0, 3, 4], dtype, [[0, 0], [2, 1], [2, 3]]);
  });
  // pad_op_test.py PadOpTest.testShapeFunctionEdgeCases
  test("testShapeFunctionEdgeCases", () => {
    // Unknown paddings shape.
    let padded = tf.pad(tf.constant(0.0, { shape: [4, 4, 4, 4] }), tf.placeholder(tf.int32));
    expect([...padded.getShape()]).toEqual([null, null, null, null]);
    // Unknown input shape.
    padded = tf.pad(tf.placeholder(tf.float32), [[2, 2], [2, 2]]);
    expect([...padded.getShape()]).toEqual([null, null]);
    // Unknown input and paddings shape.
    padded = tf.pad(tf.placeholder(tf.float32), tf.placeholder(tf.int32));
    expect(padded.shape).toBe(null);
  });
});
