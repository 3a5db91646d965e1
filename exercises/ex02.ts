/**
 * Exercise 2 · `a.eval(feedDict, sess)` versus `sess.run(a, feedDict)`
 *
 * Tensors have an `eval` method, and sessions a `run` method. Are they different ways of
 * computing a value, or the same thing? Show it with the engine, then say what `eval` does.
 *
 * Part A. `evalVersusRun(xValue)`: in a NEW graph, build
 *     x = a float32 placeholder of shape [null],
 *     w = a variable initialised to 2,
 *     a = w * x + 1.
 *   Open a session, initialise w, then compute a for the feed {x: xValue} three ways:
 *     byRun:         sess.run(a, feed)
 *     byEval:        a.eval(feed, sess)                   (the session passed explicitly)
 *     byDefaultEval: a.eval(feed) with NO session argument, inside `sess.asDefault(() => ...)`
 *   Return the graph, x, a and the three results.
 *
 * Part B. `whatEvalDoes()`: which statement is true? Return one letter.
 *   a. `a.eval(feedDict, sess)` asks the session to run a: it is `sess.run(a, feedDict)`, so it sees
 *      the same graph, the same variable values and gives the same value.
 *   b. `a.eval()` computes a directly in JavaScript, without going through a session.
 *   c. `a.eval()` opens a temporary session of its own, where variables start uninitialised.
 *   d. `a.eval()` returns the value cached by the last `sess.run`, without running anything.
 *
 * Check your work: `npm run grade 2`. Stuck? `npm run hint 2`.
 */
import * as tf from "tensorlings";

export interface EvalVersusRun {
  graph: tf.Graph;
  /** The placeholder. */
  x: tf.Tensor;
  /** a = w * x + 1 */
  a: tf.Tensor;
  byRun: tf.NDArray;
  byEval: tf.NDArray;
  byDefaultEval: tf.NDArray;
}

export function evalVersusRun(xValue: number[]): EvalVersusRun {
  // TODO: build x, w and a in a new graph; initialise w in a session; compute a three ways.
  throw new Error("TODO: exercise 2, evalVersusRun");
}

export function whatEvalDoes(): "a" | "b" | "c" | "d" {
  // TODO: return the letter of the true statement.
  throw new Error("TODO: exercise 2, whatEvalDoes");
}

if (require.main === module) {
  const r = evalVersusRun([1, 2, 3]);
  console.log("run:", r.byRun.toString(), "eval:", r.byEval.toString(), "default eval:", r.byDefaultEval.toString());
  console.log("answer:", whatEvalDoes());
}
