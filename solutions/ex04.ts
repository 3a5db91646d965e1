/**
 * Exercise 4 · Can one session run two graphs? Reference solution.
 *
 * No. A session belongs to one graph, and fetching a tensor of any other graph is refused before
 * anything runs (a ValueError: the tensor "is not an element of this graph"). To compute both
 * things in one run, build them in one graph; otherwise, give each graph its own session.
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface TwoGraphs {
  sessionGraph: tf.Graph;
  otherGraph: tf.Graph;
  fetched: tf.Tensor;
  error: ErrorInfo;
}

export function fetchFromAnotherGraph(): TwoGraphs {
  const sessionGraph = tf.Graph();
  const otherGraph = tf.Graph();
  // Each graph needs an op of its own: a session on an empty graph refuses to run at all.
  sessionGraph.asDefault(() => tf.constant(1, { name: "one" }));
  const fetched = otherGraph.asDefault(() => tf.constant(2, { name: "two" }).mul(3));

  const sess = tf.Session({ graph: sessionGraph });
  let error: ErrorInfo = { name: "(none)", message: "the run unexpectedly succeeded" };
  try {
    sess.run(fetched);
  } catch (e) {
    error = { name: (e as Error).name, message: (e as Error).message };
  } finally {
    sess.close();
  }
  return { sessionGraph, otherGraph, fetched, error };
}

/** c: one session, one graph. */
export function canOneSessionRunTwoGraphs(): "a" | "b" | "c" | "d" {
  return "c";
}

if (require.main === module) {
  const r = fetchFromAnotherGraph();
  console.log(`${r.error.name}: ${r.error.message}`);
  console.log("answer:", canOneSessionRunTwoGraphs());
}
