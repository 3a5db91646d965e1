// Helpers that stand in for TF's test_util.TensorFlowTestCase assertions. They translate calls
// only: each keeps the meaning of the assertion it replaces.
import * as tf from "tensorlings";

/** A fresh default graph, as each TF test method gets. */
export function freshGraph(): void {
  tf.resetDefaultGraph();
}

/** `t.eval(feed_dict)` in a new session on the default graph: nested JS arrays. */
export function evaluate(fetch: unknown, feeds?: [tf.Tensor | string, unknown][]): any {
  return tf.withSession(tf.Session(), (s) => toList(s.run(fetch as never, feeds as never)));
}

export function toList(v: unknown): unknown {
  if (v instanceof tf.NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(toList);
  return v;
}

/** `assertAllClose(a, b, rtol=1e-6, atol=1e-6)`: elementwise |a - b| <= atol + rtol |b|. */
export function expectAllClose(actual: unknown, expected: unknown, rtol = 1e-6, atol = 1e-6): void {
  const a = flat(actual);
  const b = flat(expected);
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => {
    const ok = Math.abs(x - b[i]) <= atol + rtol * Math.abs(b[i]) || (Number.isNaN(x) && Number.isNaN(b[i]));
    if (!ok) throw new Error(`not close at ${i}: ${x} vs ${b[i]} (actual ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)})`);
  });
}

function flat(v: unknown): number[] {
  if (v instanceof tf.NDArray) return flat(v.toArray());
  if (Array.isArray(v)) return v.flatMap(flat);
  if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array, Number);
  if (typeof v === "boolean") return [v ? 1 : 0];
  return [Number(v)];
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * `assertRaises(cls)` / `assertRaisesRegexp(cls, pattern)`: `fn` throws an instance of `cls`
 * whose message contains a match of `pattern` (Python's re.search).
 */
export function expectRaises(fn: () => unknown, cls: ErrorClass, pattern?: string | RegExp): Error {
  let error: unknown = null;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === null) throw new Error(`expected ${cls.name} to be raised, but nothing was`);
  expect(error).toBeInstanceOf(cls);
  if (pattern !== undefined) {
    const re = typeof pattern === "string" ? new RegExp(pattern) : pattern;
    expect((error as Error).message).toMatch(re);
  }
  return error as Error;
}

/** `assertRaisesOpError(pattern)`: an `OpError` subclass with a matching message. */
export function expectOpError(fn: () => unknown, pattern: string | RegExp): Error {
  return expectRaises(fn, tf.OpError, pattern);
}

/** A float64 NDArray of `shape` holding `values` (numpy arrays in the TF tests). */
export function array(values: number[], shape: number[], dtype: tf.DType = tf.float64): tf.NDArray {
  return tf.NDArray.from(values, dtype).reshape(shape);
}

/** `np.arange(start, stop)` as plain numbers. */
export const arange = (start: number, stop: number): number[] => Array.from({ length: stop - start }, (_, i) => start + i);
