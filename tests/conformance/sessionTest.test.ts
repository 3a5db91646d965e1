// Ported from tensorflow/python/client/session_test.py (see README.md for the version).
import * as tf from "tensorlings";
import { expectRaises, freshGraph, toList } from "./helpers";

beforeEach(freshGraph);

/** `with session.Session() as sess:` — the default session inside, closed at the end. */
const withSess = <T>(fn: (sess: tf.Session) => T, options?: { graph?: tf.Graph }): T =>
  tf.withSession(tf.Session(options), fn);
const run = (sess: tf.Session, fetches: unknown, feeds?: [tf.Tensor | string, unknown][]) =>
  toList(sess.run(fetches as never, feeds as never));

describe("SessionTest", () => {
  // session_test.py SessionTest.testUseExistingGraph
  test("testUseExistingGraph", () => {
    const g = tf.Graph();
    const c = g.asDefault(() => {
      const a = tf.constant(6.0, { shape: [1, 1] });
      const b = tf.constant(7.0, { shape: [1, 1] });
      return tf.matmul(a, b, { name: "matmul" });
    });
    withSess(() => expect(c.eval().toArray()).toEqual([[42.0]]), { graph: g });
  });
  // session_test.py SessionTest.testUseDefaultGraph
  test("testUseDefaultGraph", () => {
    const a = tf.constant(6.0, { shape: [1, 1] });
    const b = tf.constant(7.0, { shape: [1, 1] });
    const c = tf.matmul(a, b, { name: "matmul" });
    withSess(() => expect(c.eval().toArray()).toEqual([[42.0]]));
  });
  // session_test.py SessionTest.testCreate
  test("testCreate", () => {
    withSess(() => {
      const inp = tf.constant(10.0, { shape: [2, 3], name: "W1" });
      const copy = tf.identity(inp);
      const arr = [[0, 1, 2], [3, 4, 5]];
      expect(copy.eval([["W1:0", arr]]).toArray()).toEqual(arr);
      expect(copy.eval().toArray()).toEqual([[10, 10, 10], [10, 10, 10]]);
    });
  });
  // session_test.py SessionTest.testErrorsReported
  test("testErrorsReported", () => {
    withSess((s) => {
      tf.constant(10.0, { name: "W1" });
      expectRaises(() => s.run("foo:0"), tf.ValueError);
    });
  });
  // session_test.py SessionTest.testErrorPayload
  test("testErrorPayload", () => {
    withSess(() => {
      const a = tf.placeholder(tf.float32);
      const e = expectRaises(() => a.eval(), tf.OpError) as tf.OpError;
      expect(e.nodeName).toBe(a.op.name);
    });
  });
  // session_test.py SessionTest.testFetchNone
  test("testFetchNone", () => {
    withSess((s) => {
      const a = tf.constant(1.0);
      expectRaises(() => s.run(null as never), TypeError);
      expectRaises(() => s.run([null] as never), TypeError);
      expectRaises(() => s.run({ b: null } as never), TypeError);
      expectRaises(() => s.run({ a, b: null } as never), TypeError);
    });
  });
  // session_test.py SessionTest.testFetchSingleton
  test("testFetchSingleton", () => {
    withSess((sess) => {
      const a = tf.constant(42.0);
      expect(run(sess, a)).toBe(42.0);
      expect(sess.run(a.op)).toBe(null);
    });
  });
  // session_test.py SessionTest.testFetchList
  test("testFetchList", () => {
    withSess((sess) => {
      const a = tf.constant(42.0);
      const b = tf.noOp();
      const c = tf.constant(44.0);
      const v = tf.Variable([54.0]);
      const assign = v.assign([63.0]);
      const res = run(sess, [a, b, c, a.name, assign.op]);
      expect(Array.isArray(res)).toBe(true);
      expect(res).toEqual([42.0, null, 44.0, 42.0, null]);
    });
  });
  // session_test.py SessionTest.testFetchDict
  test("testFetchDict", () => {
    withSess((sess) => {
      const a = tf.constant(42.0);
      const b = tf.noOp();
      const c = tf.constant(44.0);
      const res = sess.run({ a, b, c });
      expect(res.a.item()).toBe(42.0);
      expect(res.b).toBe(null);
      expect(res.c.item()).toBe(44.0);
    });
  });
  // session_test.py SessionTest.testFetchNestingEmptyOneLevel
  test("testFetchNestingEmptyOneLevel", () => {
    withSess((sess) => {
      const a = tf.constant(11.0);
      expect(run(sess, [[], {}])).toEqual([[], {}]);
      const res = sess.run([[], {}, a]);
      expect(res[0]).toEqual([]);
      expect(res[1]).toEqual({});
      expect(res[2].item()).toBe(11.0);
    });
  });
  // session_test.py SessionTest.testFetchNestingOneLevel
  test("testFetchNestingOneLevel", () => {
    withSess((sess) => {
      const [a, b, c] = [42.0, 44.0, 46.0].map((v) => tf.constant(v));
      const res = sess.run([[a, b, c], { a, b, c }]);
      expect(toList(res[0])).toEqual([42.0, 44.0, 46.0]);
      expect(Object.fromEntries(Object.entries(res[1]).map(([k, v]) => [k, (v as tf.NDArray).item()]))).toEqual({ a: 42, b: 44, c: 46 });
    });
  });
  // session_test.py SessionTest.testFetchTensorObject
  test("testFetchTensorObject", () => {
    withSess((s) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [2, 3] });
      const c = tf.matmul(a, b);
      expect(run(s, [c])).toEqual([[[4.0, 4.0, 4.0]]]);
      expect(run(s, c)).toEqual([[4.0, 4.0, 4.0]]);
      expect(c.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      const [aVal, bVal] = run(s, [a, b]) as unknown[];
      expect(aVal).toEqual([[1.0, 1.0]]);
      expect(bVal).toEqual([[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]]);
      const d = s.run({ a: [a], b, z: [a, b] });
      expect(toList(d.a)).toEqual([[[1.0, 1.0]]]);
      expect(toList(d.b)).toEqual([[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]]);
      expect(toList(d.z)).toEqual([[[1.0, 1.0]], [[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]]]);
    });
  });
  // session_test.py SessionTest.testFetchScalar
  test.each([tf.int32, tf.float32, tf.float64])("testFetchScalar %s", (dtype) => {
    withSess((s) => {
      const tfX = tf.constant(7, { dtype, shape: [] });
      const tfY = tf.constant(8, { dtype });
      const tfXY = tf.add(tfX, tfY);
      const xy = s.run(tfXY) as tf.NDArray;
      expect(xy.dtype).toBe(dtype);
      expect(xy.item()).toBe(15);
      const [xy2] = s.run([tfXY]) as tf.NDArray[];
      expect(xy2.dtype).toBe(dtype);
      expect(xy2.item()).toBe(15);
    });
  });
  // session_test.py SessionTest.testFetchOperationObject
  test("testFetchOperationObject", () => {
    withSess((s) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const v = tf.Variable(a, { name: "testFetchOperationObject_v" });
      s.run(v.initializer);
      expect(run(s, v)).toEqual([[1.0, 1.0]]);
    });
  });
  // session_test.py SessionTest.testExtendWithStatelessOperations
  test("testExtendWithStatelessOperations", () => {
    withSess((s) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [2, 3] });
      const c = tf.matmul(a, b);
      expect(run(s, c)).toEqual([[4.0, 4.0, 4.0]]);
      const d = tf.constant([1.0, 2.0, 3.0], { shape: [3, 1] });
      const e = tf.matmul(c, d);
      expect(run(s, e)).toEqual([[24.0]]);
    });
  });
  // session_test.py SessionTest.testExtendWithStatefulOperations
  test("testExtendWithStatefulOperations", () => {
    withSess((s) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [2, 3] });
      const c = tf.matmul(a, b);
      const v = tf.Variable(c, { name: "testExtendWithStatefulOperations_v" });
      v.initializer.run();
      expect(v.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      const d = tf.constant(3.0, { shape: [2, 3] });
      const e = tf.matmul(a, d);
      const assignEToV = tf.assign(v, e);
      expect(e.eval().toArray()).toEqual([[6.0, 6.0, 6.0]]);
      expect(v.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      s.run(assignEToV);
      expect(v.eval().toArray()).toEqual([[6.0, 6.0, 6.0]]);
    });
  });
  // session_test.py SessionTest.testExtendWithGroupBy
  test("testExtendWithGroupBy", () => {
    withSess((s) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const p = tf.Variable(a, { name: "testExtendWithGroupBy_p" });
      expect(a.eval().toArray()).toEqual([[1.0, 1.0]]);
      const b = tf.constant(2.0, { shape: [1, 2] });
      const q = tf.Variable(b, { name: "testExtendWithGroupBy_q" });
      const init = tf.group([p.initializer, q.initializer]);
      s.run(init);
      const [pVal, qVal] = run(s, [p, q]) as unknown[];
      expect(pVal).toEqual([[1.0, 1.0]]);
      expect(qVal).toEqual([[2.0, 2.0]]);
    });
  });
  // session_test.py SessionTest.testTensorGetMethod
  test("testTensorGetMethod", () => {
    withSess(() => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [2, 3] });
      const c = tf.matmul(a, b);
      expect(c.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      expect(c.eval([[a.name, [[4.0, 4.0]]]]).toArray()).toEqual([[16.0, 16.0, 16.0]]);
    });
  });
  // session_test.py SessionTest.testOperationRunMethod
  test("testOperationRunMethod", () => {
    withSess(() => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [1, 2], name: "b" });
      const v = tf.Variable(a, { dtype: a.dtype });
      const assignAToV = tf.assign(v, a);
      assignAToV.eval();
      expect(v.eval().toArray()).toEqual([[1.0, 1.0]]);
      const assignBToV = tf.assign(v, b);
      assignBToV.eval();
      expect(v.eval().toArray()).toEqual([[2.0, 2.0]]);
      assignBToV.eval([["b:0", [[3.0, 3.0]]]]);
      expect(v.eval().toArray()).toEqual([[3.0, 3.0]]);
    });
  });
  // session_test.py SessionTest.testDefaultGraph
  test("testDefaultGraph", () => {
    withSess((s) => {
      expect(s.graph).toBe(tf.getDefaultGraph());
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [2, 3] });
      expect(a.graph).toBe(tf.getDefaultGraph());
      expect(b.graph).toBe(tf.getDefaultGraph());
      const c = tf.matmul(a, b);
      const v = tf.Variable(c, { name: "testDefaultGraph_v" });
      v.initializer.run();
      expect(v.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      const d = tf.constant(3.0, { shape: [2, 3] });
      const e = tf.matmul(a, d);
      const assignEToV = tf.assign(v, e);
      expect(e.eval().toArray()).toEqual([[6.0, 6.0, 6.0]]);
      expect(v.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
      s.run(assignEToV);
      expect(v.eval().toArray()).toEqual([[6.0, 6.0, 6.0]]);
      expect(s.graph).toBe(tf.getDefaultGraph());
    });
  });
  // session_test.py SessionTest.testUseAfterClose
  test("testUseAfterClose", () => {
    const sess = tf.Session();
    const c = tf.constant(5.0);
    tf.withSession(sess, () => expect(run(sess, c)).toBe(5.0));
    const e = expectRaises(() => sess.run(c), tf.RuntimeError);
    expect(e.message).toContain("Attempted to use a closed Session.");
  });
  // session_test.py SessionTest.testUseEmptyGraph
  test("testUseEmptyGraph", () => {
    withSess((sess) => {
      expectRaises(() => sess.run([]), tf.RuntimeError, "The Session graph is empty.");
      expectRaises(() => sess.run({}), tf.RuntimeError, "The Session graph is empty.");
    });
  });
  // session_test.py SessionTest.testNotEntered
  test("testNotEntered", () => {
    expect(tf.getDefaultSession()).toBe(null);
    const sess = tf.Session();
    const c1 = tf.constant(5.0);
    const c2 = sess.graph.asDefault(() => tf.constant(5.0));
    expect(c1.graph).toBe(c2.graph);
    expect(run(sess, c2)).toBe(5.0);
    const e = expectRaises(() => c2.eval(), tf.ValueError);
    expect(e.message).toContain("No default session is registered.");
  });
  // session_test.py SessionTest.testInteractive
  test("testInteractive", () => {
    const sess = tf.InteractiveSession();
    const a = tf.constant(1.0, { shape: [1, 2] });
    const b = tf.constant(2.0, { shape: [2, 3] });
    const c = tf.matmul(a, b);
    expect(c.eval().toArray()).toEqual([[4.0, 4.0, 4.0]]);
    const d = tf.constant([1.0, 2.0, 3.0], { shape: [3, 1] });
    const e = tf.matmul(c, d);
    expect(e.eval().toArray()).toEqual([[24.0]]);
    sess.close();
  });
  // session_test.py SessionTest.testSharedGraph
  test("testSharedGraph", () => {
    const g = tf.Graph();
    const c = g.asDefault(() => tf.matmul(tf.constant(1.0, { shape: [1, 2] }), tf.constant(2.0, { shape: [2, 3] })));
    withSess((sess1) => withSess((sess2) => expect(run(sess1, c)).toEqual(run(sess2, c)), { graph: g }), { graph: g });
  });
  // session_test.py SessionTest.testDuplicatedInputs
  test("testDuplicatedInputs", () => {
    withSess((sess) => {
      const a = tf.constant(1.0, { shape: [1, 2] });
      const b = tf.constant(2.0, { shape: [1, 3] });
      expect(run(sess, [a, b, a])).toEqual([[[1.0, 1.0]], [[2.0, 2.0, 2.0]], [[1.0, 1.0]]]);
    });
  });
  // session_test.py SessionTest.testFeedAndFetch
  test.each([
    [tf.float32, [2, 0, 6]],
    [tf.float64, [37]],
    [tf.int32, [3, 4, 5]],
    [tf.bool, [4]],
  ] as const)("testFeedAndFetch %s %j", (dtype, shape) => {
    withSess((sess) => {
      const feedT = tf.placeholder(dtype, { shape: [...shape] });
      const outT = tf.identity(feedT);
      const n = shape.reduce((a, b) => a * b, 1);
      const values = Array.from({ length: n }, (_, i) => ((i * 7) % 21) - 10);
      const npArray = tf.NDArray.from(dtype === tf.bool ? values.map((v) => (v > 0 ? 1 : 0)) : values, dtype).reshape([...shape]);
      expect(run(sess, outT, [[feedT, npArray]])).toEqual(npArray.toArray());
      expect(run(sess, feedT, [[feedT, npArray]])).toEqual(npArray.toArray());
      expect(run(sess, [outT, feedT], [[feedT, npArray]])).toEqual([npArray.toArray(), npArray.toArray()]);
    });
  });
  // session_test.py SessionTest.testFeedError
  test("testFeedError", () => {
    withSess((sess) => {
      const feedT = tf.placeholder(tf.float32);
      const outT = tf.identity(feedT);
      const feedVal = tf.constant(5.0);
      expectRaises(() => sess.run(outT, [[feedT, feedVal]] as never), TypeError, "cannot be a tf.Tensor object");
      expectRaises(() => outT.eval([[feedT, feedVal]] as never), TypeError, "cannot be a tf.Tensor object");
      expectRaises(() => outT.op.run([[feedT, feedVal]] as never), TypeError, "cannot be a tf.Tensor object");
    });
  });
  // session_test.py SessionTest.testFeedDictKeyException
  test("testFeedDictKeyException", () => {
    withSess((sess) => {
      const a = tf.constant(1.0, { dtype: tf.float32, name: "a" });
      expectRaises(() => sess.run(a, [["a", [2.0]]] as never), TypeError, "Cannot interpret feed_dict");
    });
  });
  // session_test.py SessionTest.testFeedShapeCompatibility
  test("testFeedShapeCompatibility", () => {
    withSess((sess) => {
      const someTensor = tf.constant([2.0, 2.0, 2.0, 2.0]);
      const newShape = tf.constant([2, 2], { dtype: tf.int32 });
      const reshaped = tf.reshape(someTensor, newShape);
      expectRaises(() => sess.run(reshaped, [[someTensor, [1.0, 2.0, 3.0]]] as never), tf.ValueError, "Cannot feed value of shape");
      expectRaises(
        () => sess.run(reshaped, [[newShape, [3, 7]]] as never),
        tf.InvalidArgumentError,
        "Input to reshape is a tensor with 4 values, but the requested shape has 21",
      );
    });
  });
  // session_test.py SessionTest.testAsDefault
  test("testAsDefault", () => {
    const c = tf.constant(37, { dtype: tf.int32 });
    const sess = tf.Session();
    sess.asDefault(() => expect(c.eval().item()).toBe(37));
    // The session remains valid even when it is not captured.
    tf.Session().asDefault(() => expect(c.eval().item()).toBe(37));
  });
  // session_test.py SessionTest.testFeedPrecisionLossError
  test("testFeedPrecisionLossError", () => {
    withSess((sess) => {
      const feedIntExplicitInt32 = tf.constant(1, { dtype: tf.int32 });
      const outT = tf.constant(1.0);
      expectRaises(
        () => sess.run(outT, [[feedIntExplicitInt32, 2 ** 63 - 1]] as never),
        TypeError,
        "is not compatible with Tensor type",
      );
    });
  });
  // session_test.py SessionTest.testFetchByNameDifferentStringTypes
  test("testFetchByNameDifferentStringTypes", () => {
    withSess((sess) => {
      const c = tf.constant(42.0, { name: "c" });
      const d = tf.constant(43.0, { name: "d" });
      expect(run(sess, c.name)).toBe(42.0);
      expect(run(sess, [c.name, d.name])).toEqual([42.0, 43.0]);
      const byKey = sess.run({ c: c.name, d: d.name });
      expect([byKey.c!.item(), byKey.d!.item()]).toEqual([42.0, 43.0]);
    });
  });
});
