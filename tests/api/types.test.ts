/**
 * Type-level tests of the public API. `expectTypeOf` checks run under `tsc --noEmit` (npm run
 * typecheck, and tests/api/typecheck.test.ts runs tsc on this file), so a public type that
 * regresses to `any`, or loses precision, fails the type check.
 */
import { expectTypeOf } from "expect-type";
import * as tf from "tensorlings";

function graphPieces() {
  const g = tf.Graph();
  return g.asDefault(() => {
    const x = tf.placeholder(tf.float32, [null, 2], { name: "x" });
    const w = tf.Variable(tf.zeros([2, 1]), { name: "w" });
    const y = tf.matmul(x, w);
    const loss = tf.reduceMean(tf.square(y), { name: "mse" });
    const init = tf.globalVariablesInitializer();
    const step = tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    return { g, x, w, y, loss, init, step };
  });
}

test("Session.run gives NDArray for tensors, null for ops, and follows tuples, arrays and objects", () => {
  const { g, x, w, y, loss, init, step } = graphPieces();
  const sess = tf.Session({ graph: g });
  const feeds = new Map([[x, [[1, 2]]]]);

  expectTypeOf(sess.run(init)).toEqualTypeOf<null>();
  expect(sess.run(init)).toBeNull();

  const value = sess.run(loss, feeds);
  expectTypeOf(value).toEqualTypeOf<tf.NDArray>();
  expectTypeOf(value).not.toBeAny();
  expect(value).toBeInstanceOf(tf.NDArray);

  const pair = sess.run([step, loss], feeds);
  expectTypeOf(pair).toEqualTypeOf<[null, tf.NDArray]>();
  expect(pair[0]).toBeNull();

  const variable = sess.run(w);
  expectTypeOf(variable).toEqualTypeOf<tf.NDArray>();

  const named = sess.run({ loss, nested: [y, { op: init }] }, feeds);
  expectTypeOf(named).toEqualTypeOf<{ loss: tf.NDArray; nested: [tf.NDArray, { op: null }] }>();
  expect(named.nested[1].op).toBeNull();

  const list: tf.Tensor[] = [loss, y];
  expectTypeOf(sess.run(list, feeds)).toEqualTypeOf<tf.NDArray[]>();

  expectTypeOf(sess.run("mse:0", feeds)).toEqualTypeOf<tf.NDArray>();
  expectTypeOf(sess.run("init")).toEqualTypeOf<null>();
  const someName: string = "mse:0";
  expectTypeOf(sess.run(someName, feeds)).toEqualTypeOf<tf.NDArray | null>();

  // The options-object form types the same way.
  expectTypeOf(sess.run(loss, { feedDict: feeds })).toEqualTypeOf<tf.NDArray>();
  sess.close();
});

test("a fetch typed only as tf.Fetch does not turn into any", () => {
  const { g, loss } = graphPieces();
  const sess = tf.Session({ graph: g });
  const anyFetch: tf.Fetch = loss;
  expectTypeOf(sess.run).returns.not.toBeAny();
  expectTypeOf<tf.FetchResult<tf.Fetch>>().not.toBeAny();
  expectTypeOf<tf.FetchResult<tf.Fetch>>().toMatchTypeOf<tf.FetchValue>();
  expectTypeOf<tf.FetchValue>().toMatchTypeOf<tf.FetchResult<tf.Fetch>>();
  expectTypeOf(() => sess.run(anyFetch)).returns.not.toBeAny();
  expect(anyFetch).toBe(loss);
  sess.close();
});

test("eval, item and toArray are precise", () => {
  const { g, loss, x } = graphPieces();
  g.asDefault(() => {
    const c = tf.constant([[1, 2], [3, 4]]);
    const s = tf.reduceSum(c);
    tf.withSession(tf.Session(), (sess) => {
      expectTypeOf(c.eval()).toEqualTypeOf<tf.NDArray>();
      expectTypeOf(s.eval().item()).toEqualTypeOf<number>();
      expect(s.eval().item()).toBe(10);
      expectTypeOf(c.eval().toArray(2)).toEqualTypeOf<number[][]>();
      expectTypeOf(() => c.eval().toArray(1)).returns.toEqualTypeOf<number[]>();
      expectTypeOf(s.eval().toArray(0)).toEqualTypeOf<number>();
      const nested = c.eval().toArray();
      expectTypeOf(nested).toMatchTypeOf<tf.Nested<number>>();
      expectTypeOf<tf.Nested<number>>().toMatchTypeOf(nested);
      expectTypeOf(nested).not.toMatchTypeOf<tf.Nested<string>>();
      expectTypeOf(c.eval().toArray()).not.toBeAny();
      expectTypeOf(tf.constant(["a"]).eval().toArray<string, 1>(1)).toEqualTypeOf<string[]>();
      expect(c.eval().toArray(2)).toEqual([[1, 2], [3, 4]]);
      expect(() => c.eval().toArray(1)).toThrow(tf.ValueError);
      expectTypeOf(() => sess.run(loss, [[x, [[1, 1]]]])).returns.toEqualTypeOf<tf.NDArray>();
    });
  });
});

test("feeds take placeholders or names as keys, and numbers, nested arrays, typed arrays or NDArrays as values", () => {
  const { x } = graphPieces();
  expectTypeOf(new Map([[x, [[1, 2]]]])).toMatchTypeOf<tf.FeedDict>();
  expectTypeOf(new Map([["x:0", new Float32Array(2)]])).toMatchTypeOf<tf.FeedDict>();
  expectTypeOf<[[tf.Tensor, tf.NDArray]]>().toMatchTypeOf<tf.FeedDict>();
  expectTypeOf<[[number, number]]>().not.toMatchTypeOf<tf.FeedDict>();
  expectTypeOf(new Map([[x, { a: 1 }]])).not.toMatchTypeOf<tf.FeedDict>();
  expect(x.name).toBe("x:0");
});

test("ops return Tensor, not any, in every options form", () => {
  const g = tf.Graph();
  g.asDefault(() => {
    const x = tf.constant([1, 2]);
    expectTypeOf(tf.reduceMean(x, { name: "m" })).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(tf.reduceMean(x, 0, { name: "m" })).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(tf.reduceMean(x, null, true, { name: "m" })).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(tf.randomUniform([2], { seed: 1 })).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(tf.zeros([2], tf.int32)).toEqualTypeOf<tf.Tensor>();
    expectTypeOf(tf.getVariable("v", [2], { initializer: tf.zerosInitializer() })).toEqualTypeOf<tf.Variable>();
    expectTypeOf(tf.train.AdamOptimizer(0.01)).toEqualTypeOf<tf.train.AdamOptimizerImpl>();
    expectTypeOf(tf.train.Saver).returns.toEqualTypeOf<tf.train.Saver>();
    expectTypeOf(tf.reduceMean).parameter(0).not.toBeAny();
    // A plain object where a number belongs is a compile-time error as well as a run-time one.
    // @ts-expect-error: keepDims is a boolean
    expect(() => tf.reduceMean(x, null, 3, { name: "m" }, 5)).toThrow(TypeError);
  });
});

/** Keys of T whose type, a function's result or a parameter is `any`. */
type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyKeys<T> = {
  [K in keyof T]-?: IsAny<T[K]> extends true
    ? K
    : T[K] extends (...args: infer A) => infer R
      ? IsAny<R> extends true
        ? K
        : true extends { [I in keyof A]: IsAny<A[I]> }[number]
          ? K
          : never
      : never;
}[keyof T];

test("no export, result or parameter of the public surface is any", () => {
  expectTypeOf<AnyKeys<typeof tf>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<typeof tf.train>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<typeof tf.summary>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<typeof tf.nn>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<typeof tf.losses>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.NDArray>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.Tensor>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.Operation>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.Variable>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.Session>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.Graph>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.train.Saver>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.train.Optimizer>>().toEqualTypeOf<never>();
  expectTypeOf<AnyKeys<tf.summary.FileWriter>>().toEqualTypeOf<never>();
  // The probe itself notices an any.
  expectTypeOf<AnyKeys<{ a: number; b: () => any; c: (x: any) => void }>>().toEqualTypeOf<"b" | "c">();
  expect(typeof tf.Session).toBe("function");
});
