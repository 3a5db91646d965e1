// Shared helpers for the engine conformance suites.
import * as tf from "tensorlings";

/** Names of every op of the default graph (or `graph`), in creation order. */
export function opNames(graph: tf.Graph = tf.getDefaultGraph()): string[] {
  return graph.getOperations().map((op) => op.name);
}

/** `[name, type]` of every op, in creation order. */
export function opNamesAndTypes(graph: tf.Graph = tf.getDefaultGraph()): [string, string][] {
  return graph.getOperations().map((op) => [op.name, op.type]);
}

/**
 * Run `fn` and return what it threw (fails if it returned). TF's messages are compared on their
 * first line: later lines (`[[{{node ...}}]]`, tracebacks) are cosmetic.
 */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to throw, but it returned");
}

/** Assert `fn` throws an error whose class name and first message line are exactly TF's. */
export function expectTfError(fn: () => unknown, className: string, firstLine: string): Error {
  const e = thrown(fn);
  expect({ name: e.name, firstLine: e.message.split("\n")[0] }).toEqual({ name: className, firstLine });
  return e;
}

/** Fetch `fetches` in a new session on the default graph, closing it afterwards. */
export function runOnce<const F extends tf.Fetch>(fetches: F, feeds?: tf.FeedDict): tf.FetchResult<F> {
  return tf.withSession(tf.Session(), (s) => s.run(fetches, feeds));
}
