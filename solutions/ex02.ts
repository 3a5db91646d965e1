/**
 * Exercise 2 · `a.eval(feedDict, sess)` versus `sess.run(a, feedDict)`: reference solution.
 *
 * `eval` is a convenience: it looks up the session (the one passed in, or the default session)
 * and calls its `run` with the tensor and the feed. Same session, same state, same value. What
 * `run` adds is fetching several tensors in one go (see exercise 3).
 */
import * as tf from "tensorlings";

export interface EvalVersusRun {
  graph: tf.Graph;
  x: tf.Tensor;
  a: tf.Tensor;
  byRun: tf.NDArray;
  byEval: tf.NDArray;
  byDefaultEval: tf.NDArray;
}

export function evalVersusRun(xValue: number[]): EvalVersusRun {
  const graph = tf.Graph();
  const { x, a, init } = graph.asDefault(() => {
    const x = tf.placeholder(tf.float32, { shape: [null], name: "x" });
    const w = tf.Variable(2, { name: "w" });
    const a = w.mul(x).add(1);
    return { x, a, init: tf.globalVariablesInitializer() };
  });
  const feed = new Map([[x, xValue]]);
  const sess = tf.Session({ graph });
  sess.run(init);
  const byRun = sess.run(a, feed);
  // The explicit session: eval hands `a` and the feed to sess.run.
  const byEval = a.eval(feed, sess);
  // No session argument: eval uses the default session, which asDefault installs for the callback.
  const byDefaultEval = sess.asDefault(() => a.eval(feed));
  sess.close();
  return { graph, x, a, byRun, byEval, byDefaultEval };
}

/** a: eval is sess.run on the session it is given (or the default one). */
export function whatEvalDoes(): "a" | "b" | "c" | "d" {
  return "a";
}

if (require.main === module) {
  const r = evalVersusRun([1, 2, 3]);
  console.log("run:", r.byRun.toString(), "eval:", r.byEval.toString(), "default eval:", r.byDefaultEval.toString());
  console.log("answer:", whatEvalDoes());
}
