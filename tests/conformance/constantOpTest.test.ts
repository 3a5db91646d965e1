// Ported from tensorflow/python/kernel_tests/constant_op_test.py (see README.md for the version).
import * as tf from "tensorlings";
import { arange, array, evaluate, expectAllClose, expectOpError, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

describe("ConstantTest", () => {
  // constant_op_test.py ConstantTest.testFloat / testDouble / testInt32 (_testCpu: convert_to_tensor(x).eval())
  test.each([
    ["testFloat", tf.float32],
    ["testDouble", tf.float64],
    ["testInt32", tf.int32],
  ] as const)("%s", (_name, dtype) => {
    const x = array(arange(-15, 15), [2, 3, 5], dtype);
    const out = evaluate(tf.convertToTensor(x));
    expect(out).toEqual(x.toArray());
    expect(evaluate(tf.convertToTensor(tf.NDArray.zeros(dtype, [2, 0, 5])))).toEqual([[], []]);
  });

  // constant_op_test.py ConstantTest.testExplicitShapeNumPy
  test("testExplicitShapeNumPy", () => {
    const c = tf.constant(array(arange(-15, 15), [2, 3, 5], tf.float32), { shape: [2, 3, 5] });
    expect([...c.getShape()]).toEqual([2, 3, 5]);
  });
  // constant_op_test.py ConstantTest.testImplicitShapeNumPy
  test("testImplicitShapeNumPy", () => {
    const c = tf.constant(array(arange(-15, 15), [2, 3, 5], tf.float32));
    expect([...c.getShape()]).toEqual([2, 3, 5]);
  });
  // constant_op_test.py ConstantTest.testExplicitShapeList
  test("testExplicitShapeList", () => {
    expect([...tf.constant([1, 2, 3, 4, 5, 6, 7], { shape: [7] }).getShape()]).toEqual([7]);
  });
  // constant_op_test.py ConstantTest.testImplicitShapeList
  test("testImplicitShapeList", () => {
    expect([...tf.constant([1, 2, 3, 4, 5, 6, 7]).getShape()]).toEqual([7]);
  });
  // constant_op_test.py ConstantTest.testExplicitShapeNumber
  test("testExplicitShapeNumber", () => {
    expect([...tf.constant(1, { shape: [1] }).getShape()]).toEqual([1]);
  });
  // constant_op_test.py ConstantTest.testImplicitShapeNumber
  test("testImplicitShapeNumber", () => {
    expect([...tf.constant(1).getShape()]).toEqual([]);
  });
  // constant_op_test.py ConstantTest.testShapeInconsistent
  test("testShapeInconsistent", () => {
    const c = tf.constant([1, 2, 3, 4, 5, 6, 7], { shape: [10] });
    expect([...c.getShape()]).toEqual([10]);
  });
  // constant_op_test.py ConstantTest.testShapeWrong
  test("testShapeWrong", () => {
    const e = expectRaises(() => tf.constant([1, 2, 3, 4, 5, 6, 7], { shape: [5] }), tf.ValueError);
    expect(e.message).toBe("Too many elements provided. Needed at most 5, but received 7");
  });
});

describe("AsTensorTest", () => {
  // constant_op_test.py AsTensorTest.testAsTensorForTensorInput
  test("testAsTensorForTensorInput", () => {
    const t = tf.constant(10.0);
    expect(tf.convertToTensor(t)).toBe(t);
  });
  // constant_op_test.py AsTensorTest.testAsTensorForNonTensorInput
  test("testAsTensorForNonTensorInput", () => {
    expect(tf.convertToTensor(10.0)).toBeInstanceOf(tf.Tensor);
  });
});

describe("IdentityOpTest", () => {
  // constant_op_test.py IdentityOpTest.testIdTensor
  test("testIdTensor", () => {
    const x = tf.constant(2.0, { shape: [6], name: "input" });
    const id = tf.identity(x, { name: "id" });
    expect(id.op.inputs[0]).toBeInstanceOf(tf.Tensor);
    expect({ name: id.op.name, op: id.op.type, input: id.op.nodeDefInputs, T: id.op.attrType("T") }).toEqual({
      name: "id",
      op: "Identity",
      input: ["input"],
      T: tf.float32,
    });
  });
});

describe("ZerosTest", () => {
  const zeros = (shape: number[]) => {
    const ret = tf.zeros(shape);
    expect([...ret.getShape()]).toEqual(shape);
    return evaluate(ret);
  };
  // constant_op_test.py ZerosTest.testConst
  test("testConst", () => expect(zeros([2, 3])).toEqual([[0, 0, 0], [0, 0, 0]]));
  // constant_op_test.py ZerosTest.testScalar
  test("testScalar", () => {
    expect(zeros([])).toBe(0);
    expect(evaluate(tf.zeros(tf.constant([], { dtype: tf.int32 })))).toBe(0);
  });
  // constant_op_test.py ZerosTest.testDynamicSizes
  test("testDynamicSizes", () => {
    const d = tf.fill([2, 3], 12, { name: "fill" });
    const z = tf.zeros(tf.shape(d));
    expect(evaluate(z)).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect([...d.getShape()]).toEqual([2, 3]);
    expect([...z.getShape()]).toEqual([2, 3]);
  });
  // constant_op_test.py ZerosTest.testDtype
  test.each([tf.float32, tf.float64, tf.int32, tf.bool])("testDtype %s", (dtype) => {
    const d = tf.fill([2, 3], 12, { name: "fill" });
    for (const z of [tf.zeros([2, 3], dtype), tf.zeros(tf.shape(d), dtype)]) {
      expect(z.dtype).toBe(dtype);
      expect([...z.getShape()]).toEqual([2, 3]);
      expect(tf.NDArray.from(evaluate(z), tf.float64).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    }
  });
  // constant_op_test.py ZerosTest.testDtype (default float32)
  test("testDtype default", () => {
    const d = tf.fill([2, 3], 12, { name: "fill" });
    expect(tf.zeros([2, 3]).dtype).toBe(tf.float32);
    expect(tf.zeros(tf.shape(d)).dtype).toBe(tf.float32);
  });
});

describe("ZerosLikeTest", () => {
  // constant_op_test.py ZerosLikeTest.testZerosLikeCPU
  test.each([tf.float32, tf.float64, tf.int32])("testZerosLikeCPU %s", (dtype) => {
    const d = tf.constant(tf.NDArray.from([1, 1, 1, 1, 1, 1], dtype).reshape([2, 3]), { dtype });
    const z = tf.zerosLike(d);
    expect(z.dtype).toBe(dtype);
    expect(evaluate(z)).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect([...z.getShape()]).toEqual([2, 3]);
  });
  // constant_op_test.py ZerosLikeTest.testZerosLikePartialShape
  test("testZerosLikePartialShape", () => {
    const d = tf.placeholder(tf.float32, { shape: [null, 4, null] });
    expect([...tf.zerosLike(d).getShape()]).toEqual([...d.getShape()]);
  });
});

describe("OnesTest", () => {
  const ones = (shape: number[]) => {
    const ret = tf.ones(shape);
    expect([...ret.getShape()]).toEqual(shape);
    return evaluate(ret);
  };
  // constant_op_test.py OnesTest.testConst
  test("testConst", () => expect(ones([2, 3])).toEqual([[1, 1, 1], [1, 1, 1]]));
  // constant_op_test.py OnesTest.testScalar
  test("testScalar", () => {
    expect(ones([])).toBe(1);
    expect(evaluate(tf.ones(tf.constant([], { dtype: tf.int32 })))).toBe(1);
  });
  // constant_op_test.py OnesTest.testDynamicSizes
  test("testDynamicSizes", () => {
    const d = tf.fill([2, 3], 12, { name: "fill" });
    const z = tf.ones(tf.shape(d));
    expect(evaluate(z)).toEqual([[1, 1, 1], [1, 1, 1]]);
    expect([...z.getShape()]).toEqual([2, 3]);
  });
  // constant_op_test.py OnesTest.testAutoPack
  test("testAutoPack", () => {
    const h = tf.placeholder(tf.int32, { shape: [] });
    const w = tf.placeholder(tf.int32, { shape: [] });
    const z = tf.ones(tf.stack([h, w]));
    const out = evaluate(z, [
      [h, 4],
      [w, 16],
    ]);
    expect(out).toEqual(Array.from({ length: 4 }, () => new Array(16).fill(1)));
  });
  // constant_op_test.py OnesTest.testDtype
  test.each([tf.float32, tf.float64, tf.int32])("testDtype %s", (dtype) => {
    const d = tf.fill([2, 3], 12, { name: "fill" });
    for (const z of [tf.ones([2, 3], dtype), tf.ones(tf.shape(d), dtype)]) {
      expect(z.dtype).toBe(dtype);
      expect([...z.getShape()]).toEqual([2, 3]);
      expect(evaluate(z)).toEqual([[1, 1, 1], [1, 1, 1]]);
    }
  });
});

describe("OnesLikeTest", () => {
  // constant_op_test.py OnesLikeTest.testOnesLike
  test.each([tf.float32, tf.float64, tf.int32])("testOnesLike %s", (dtype) => {
    const d = tf.constant(tf.NDArray.from([1, 1, 1, 1, 1, 1], dtype).reshape([2, 3]), { dtype });
    const z = tf.onesLike(d);
    expect(z.dtype).toBe(dtype);
    expect(evaluate(z)).toEqual([[1, 1, 1], [1, 1, 1]]);
    expect([...z.getShape()]).toEqual([2, 3]);
  });
  // constant_op_test.py OnesLikeTest.testOnesLikePartialShape
  test("testOnesLikePartialShape", () => {
    const d = tf.placeholder(tf.float32, { shape: [null, 4, null] });
    expect([...tf.onesLike(d).getShape()]).toEqual([...d.getShape()]);
  });
});

describe("FillTest", () => {
  // constant_op_test.py FillTest.testFillFloat / testFillDouble / testFillInt32
  test.each([
    ["testFillFloat", tf.float32, 3.1415],
    ["testFillDouble", tf.float64, 3.1415],
    ["testFillInt32", tf.int32, 42],
  ] as const)("%s", (_name, dtype, v) => {
    const out = evaluate(tf.fill([2, 3], tf.constant(v, { dtype }), { name: "fill" }));
    expectAllClose(out, [[v, v, v], [v, v, v]]);
  });
  // constant_op_test.py FillTest.testFillString
  test("testFillString", () => {
    expect(evaluate(tf.fill([2, 3], tf.constant("yolo"), { name: "fill" }))).toEqual([
      ["yolo", "yolo", "yolo"],
      ["yolo", "yolo", "yolo"],
    ]);
  });
  // constant_op_test.py FillTest.testFillNegative (constant dims: caught while building)
  test.each([[[-1]], [[2, -1]], [[-1, 2]]])("testFillNegative constant %j", (shape) => {
    expectRaises(() => tf.fill(shape, 7), tf.ValueError);
  });
  // constant_op_test.py FillTest.testFillNegative (the placeholder half: caught at run time)
  test.each([[[-1]], [[2, -1]], [[-1, 2]]])("testFillNegative %j", (shape) => {
    const dims = tf.placeholder(tf.int32);
    const fillT = tf.fill(dims, 3.0);
    expectRaises(() => evaluate(fillT, [[dims, shape]]), tf.InvalidArgumentError);
  });
  // constant_op_test.py FillTest.testShapeFunctionEdgeCases (partial dimension information)
  test("testShapeFunctionEdgeCases", () => {
    const f = tf.fill(tf.placeholder(tf.int32, { shape: [4] }), 3.0);
    expect([...f.getShape()]).toEqual([null, null, null, null]);
  });
});

describe("PlaceholderTest", () => {
  const feed = array(Array.from({ length: 100 }, (_, i) => i / 100), [10, 10], tf.float32);
  // constant_op_test.py PlaceholderTest.testDtype
  test("testDtype", () => {
    const p = tf.placeholder(tf.float32, { name: "p" });
    const pIdentity = tf.identity(p);
    expectAllClose(evaluate(pIdentity, [[p, feed]]), feed);
    expectOpError(() => evaluate(pIdentity), "must feed a value for placeholder tensor 'p' with dtype float");
  });
  // constant_op_test.py PlaceholderTest.testShape
  test("testShape", () => {
    const p = tf.placeholder(tf.float32, { shape: [10, 10], name: "p" });
    const pIdentity = tf.identity(p);
    expectAllClose(evaluate(pIdentity, [[p, feed]]), feed);
    expectOpError(() => evaluate(pIdentity), /must feed a value for placeholder tensor 'p' with dtype float and shape \[10,10\]/);
    const small = array(arange(0, 25), [5, 5], tf.float32);
    const e = expectRaises(() => evaluate(pIdentity, [[p, small]]), tf.ValueError);
    expect(e.message).toContain("Cannot feed value of shape");
  });
  // constant_op_test.py PlaceholderTest.testPartialShape
  test("testPartialShape", () => {
    const p = tf.placeholder(tf.float32, { shape: [null, 3], name: "p" });
    const pIdentity = tf.identity(p);
    const rows = array(arange(0, 30), [10, 3], tf.float32);
    expectAllClose(evaluate(pIdentity, [[p, rows]]), rows);
    const e = expectRaises(() => evaluate(pIdentity, [[p, array(arange(0, 10), [5, 2], tf.float32)]]), tf.ValueError);
    expect(e.message).toContain("Cannot feed value of shape");
  });
  // constant_op_test.py PlaceholderTest.testControlDependency
  test("testControlDependency", () => {
    const p = tf.placeholder(tf.int32, { shape: [], name: "p" });
    const c = tf.controlDependencies([p], () => tf.constant(5, { dtype: tf.int32 }));
    const d = tf.multiply(p, c);
    expect(evaluate(d, [[p, 2]])).toBe(10);
  });
  // constant_op_test.py PlaceholderTest.testBadShape
  test("testBadShape", () => {
    expectRaises(() => tf.placeholder(tf.float32, { shape: [-1, 10] }), tf.ValueError);
  });
  // constant_op_test.py PlaceholderTest.testTensorStr
  test("testTensorStr", () => {
    expect(tf.placeholder(tf.float32, { name: "a" }).repr()).toBe("<tf.Tensor 'a:0' shape=<unknown> dtype=float32>");
    expect(tf.placeholder(tf.int32, { shape: [32, 40], name: "b" }).repr()).toBe("<tf.Tensor 'b:0' shape=(32, 40) dtype=int32>");
  });
});

describe("PlaceholderWithDefaultTest", () => {
  // constant_op_test.py PlaceholderWithDefaultTest.testFullShape
  test("testFullShape", () => {
    const p = tf.placeholderWithDefault(tf.constant([[2, 2], [2, 2]], { dtype: tf.int32 }), [2, 2]);
    const a = tf.identity(p);
    expect(evaluate(a)).toEqual([[2, 2], [2, 2]]);
    expect(evaluate(a, [[p, [[3, 3], [3, 3]]]])).toEqual([[3, 3], [3, 3]]);
    expectRaises(() => evaluate(a, [[p, [[6, 6, 6], [6, 6, 6]]]]), tf.ValueError);
  });
  // constant_op_test.py PlaceholderWithDefaultTest.testPartialShape
  test("testPartialShape", () => {
    const p = tf.placeholderWithDefault(tf.constant([1, 2, 3], { dtype: tf.int32 }), [null]);
    const a = tf.identity(p);
    expect(evaluate(a)).toEqual([1, 2, 3]);
    expect(evaluate(a, [[p, [3, 37]]])).toEqual([3, 37]);
    expectRaises(() => evaluate(a, [[p, [[2, 2], [2, 2]]]]), tf.ValueError);
  });
  // constant_op_test.py PlaceholderWithDefaultTest.testNoShape
  test("testNoShape", () => {
    const p = tf.placeholderWithDefault(tf.constant([17], { dtype: tf.int32 }), null);
    const a = tf.identity(p);
    expect(evaluate(a)).toEqual([17]);
    expect(evaluate(a, [[p, [3, 37]]])).toEqual([3, 37]);
    expect(evaluate(a, [[p, [[3, 3], [3, 3]]]])).toEqual([[3, 3], [3, 3]]);
  });
});
