// Ported from tensorflow/python/ops/math_ops_test.py (see README.md for the version).
import * as tf from "tensorlings";
import { evaluate, expectAllClose, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

const int32 = (values: number[], shape?: number[]) => {
  const a = tf.NDArray.from(values, tf.int32);
  return shape ? a.reshape(shape) : a;
};
const range = (start: number, stop: number, step: number) =>
  Array.from({ length: Math.ceil((stop - start) / step) }, (_, i) => start + i * step);
/** NumPy's `%` and `//` on numbers (floor semantics). */
const pyMod = (a: number, b: number) => a - Math.floor(a / b) * b;
const outer = (nums: number[], divs: number[], f: (a: number, b: number) => number) => nums.map((n) => divs.map((d) => f(n, d)));

describe("ReduceTest", () => {
  const x = () => tf.constant(int32([1, 2, 3, 4, 5, 6], [2, 3]));
  // math_ops_test.py ReduceTest.testReduceAllDims
  test("testReduceAllDims", () => {
    expect(evaluate(tf.reduceSum(x()))).toBe(21);
  });
  // math_ops_test.py ReduceTest.testReduceExplicitAxes
  test("testReduceExplicitAxes", () => {
    for (const axis of [0, -2, [0, 0], [0, -2]]) expect(evaluate(tf.reduceSum(x(), axis))).toEqual([5, 7, 9]);
    for (const axis of [1, -1, [1, 1], [1, -1]]) expect(evaluate(tf.reduceSum(x(), axis))).toEqual([6, 15]);
    for (const axis of [null, [0, 1], [-1, -2], [-2, -1, 0, 1]]) expect(evaluate(tf.reduceSum(x(), axis))).toBe(21);
  });
  // math_ops_test.py ReduceTest.testReduceInvalidAxis
  test("testReduceInvalidAxis", () => {
    const axis = tf.constant(int32([0, 1], [2, 1]));
    expectRaises(() => tf.reduceSum(x(), axis), tf.ValueError, "must be at most rank 1");
  });
});

describe("RoundTest", () => {
  // math_ops_test.py RoundTest.testRounding
  test.each([tf.float32, tf.float64])("testRounding %s", (dtype) => {
    const x = range(-5.0, 5.0, 0.25);
    const yTf = evaluate(tf.round(tf.constant(tf.NDArray.from(x, dtype))));
    // np.round: halves go to the even neighbour.
    const yNp = x.map((v) => (Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v)));
    expectAllClose(yTf, yNp, 1e-6, 1e-2);
  });
});

describe("ModTest", () => {
  // math_ops_test.py ModTest.testFloat
  test.each([tf.float32, tf.float64])("testFloat %s", (dtype) => {
    const x = [0.5, 0.7, 0.3];
    for (const denom of [x[0], [x[0], x[0], x[0]]]) {
      const xTf = tf.constant(tf.NDArray.from(x, dtype));
      const yTf = evaluate(tf.mod(xTf, tf.constant(tf.NDArray.from(denom, dtype))));
      // np.fmod(x, 0.5) for these positive values
      expectAllClose(yTf, x.map((v) => v % 0.5), 1e-6, 1e-2);
    }
  });
  // math_ops_test.py ModTest.testFixed
  test("testFixed", () => {
    const x = [5, 10, 23];
    for (const denom of [[x[0]], x]) {
      const yTf = evaluate(tf.mod(tf.constant(int32(x)), tf.constant(int32(denom.length === 1 ? denom : x))));
      expect(yTf).toEqual(x.map((v, i) => pyMod(v, denom.length === 1 ? denom[0] : denom[i])));
    }
  });
});

describe("SquaredDifferenceTest", () => {
  // math_ops_test.py SquaredDifferenceTest.testSquaredDifference (int32 row)
  test("testSquaredDifference", () => {
    const x = [[1, 2, 3], [4, 5, 6]];
    const y = [-3, -2, -1];
    const z = x.map((row) => row.map((v, j) => (v - y[j]) * (v - y[j])));
    const zTf = evaluate(tf.squaredDifference(tf.constant(int32(x.flat(), [2, 3])), tf.constant(int32(y))));
    expect(zTf).toEqual(z);
  });
});

describe("AddNTest", () => {
  // math_ops_test.py AddNTest.testPartials
  test("testPartials", () => {
    const one = () => tf.constant(1, { dtype: tf.int32 });
    const partials = Array.from({ length: 98 }, () => tf.addN([one()]));
    partials.push(tf.addN([one(), one()]));
    const res = tf.addN(partials).add(tf.constant(0, { dtype: tf.int32 }));
    expect(evaluate(res)).toBe(100);
  });
  // math_ops_test.py AddNTest.testFloat
  test("testFloat", () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const shape = [1, 2, 3, 4, 5];
    for (let numInputs = 1; numInputs < 10; numInputs++) {
      const x = Array.from({ length: numInputs }, () => Array.from({ length: 120 }, () => random() - 0.5));
      const tfX = x.map((v) => tf.constant(tf.NDArray.from(v, tf.float64).reshape(shape)));
      const sum = x[0].map((_, i) => x.reduce((s, v) => s + v[i], 0));
      expectAllClose(evaluate(tf.addN(tfX)), sum);
      expectAllClose(evaluate(tf.addN(new Array(numInputs).fill(tfX[0]))), x[0].map((v) => v * numInputs));
    }
  });
});

describe("DivAndModTest", () => {
  const intNums = range(-10, 10, 1);
  const intDivs = range(-3, 4, 2);
  const floatNums = range(-10, 10, 0.25);
  const floatDivs = range(-3, 0, 0.25);
  const ints = () => [tf.constant(int32(intNums, [20, 1])), tf.constant(int32(intDivs, [1, 4]))];
  const floats = () => [
    tf.constant(tf.NDArray.from(floatNums, tf.float64).reshape([80, 1])),
    tf.constant(tf.NDArray.from(floatDivs, tf.float64).reshape([1, 12])),
  ];
  // math_ops_test.py DivAndModTest.testFloorModInt
  test("testFloorModInt", () => {
    const [n, d] = ints();
    expect(evaluate(tf.mod(n, d))).toEqual(outer(intNums, intDivs, pyMod));
  });
  // math_ops_test.py DivAndModTest.testFloorModFloat
  test("testFloorModFloat", () => {
    const [n, d] = floats();
    expect(evaluate(tf.mod(n, d))).toEqual(outer(floatNums, floatDivs, pyMod));
  });
  // math_ops_test.py DivAndModTest.testDivideInt (floor_div)
  test("testDivideInt", () => {
    const [n, d] = ints();
    expect(evaluate(tf.floordiv(n, d))).toEqual(outer(intNums, intDivs, (a, b) => Math.floor(a / b) + 0));
  });
  // math_ops_test.py DivAndModTest.testDivideName
  test("testDivideName", () => {
    const op = tf.divide(tf.constant(3, { dtype: tf.int32 }), tf.constant(4, { dtype: tf.int32 }), { name: "my_cool_divide" });
    expect(op.name).toBe("my_cool_divide:0");
  });
  // math_ops_test.py DivAndModTest.testRealDiv
  test("testRealDiv", () => {
    const [n, d] = floats();
    expect(evaluate(tf.realdiv(n, d))).toEqual(outer(floatNums, floatDivs, (a, b) => a / b));
  });
  // math_ops_test.py DivAndModTest.testDivideType
  test("testDivideType", () => {
    const a = tf.constant([2], { dtype: tf.int32 });
    // With true division, int32 is upgraded to float64.
    const b = tf.divide(a, 1);
    expect(b.dtype).toBe(tf.float64);
    expect(evaluate(b)).toEqual([2.0]);
    const c = tf.divide(a, 4);
    expect(c.dtype).toBe(tf.float64);
    expect(evaluate(c)).toEqual([0.5]);
  });
  // math_ops_test.py DivAndModTest.testConsistent (the floor half; truncatediv/truncatemod are not in the engine)
  test("testConsistent", () => {
    const [n, d] = ints();
    const tfResult = evaluate(tf.floordiv(n, d).mul(d).add(tf.mod(n, d)));
    const tf2Result = evaluate(n.floordiv(d).mul(d).add(n.mod(d)));
    const expanded = intNums.map((v) => intDivs.map(() => v));
    expect(tfResult).toEqual(expanded);
    expect(tfResult).toEqual(tf2Result);
  });
});
