/**
 * Exercise 7 · Placeholder or variable?
 *
 * Both bring values into a graph, but in very different ways. Show the difference with the engine.
 *
 * Part A. `placeholderVersusVariable(fedValue, start)`: in a NEW graph, build
 *     p = a float32 placeholder of shape [null],
 *     v = a variable initialised to `start` (a number),
 *     bump = an op that adds 1 to v (`tf.assignAdd`).
 *   In one session:
 *     1. run p with the feed {p: fedValue}                           -> fed
 *     2. run p again, without a feed: catch the error                 -> unfed
 *     3. initialise v, then run bump three times, reading v after each -> counts (three numbers)
 *
 * Part B. `trueStatements()`: which statements are true? Return an array of letters.
 *   a. A placeholder has no value of its own: every run that needs it must be fed one.
 *   b. Within a session, a variable keeps its value from one run to the next.
 *   c. A placeholder remembers the last value it was fed.
 *   d. A variable must be initialised before it is used; a placeholder is never initialised.
 *   e. Placeholders usually hold a model's parameters, and variables its training data.
 *   f. Variables usually hold a model's parameters; placeholders bring in the training data
 *      (or any value you want to pass in, e.g. to an assign op).
 *
 * Check your work: `npm run grade 7`. Stuck? `npm run hint 7`.
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface PlaceholderVersusVariable {
  graph: tf.Graph;
  p: tf.Tensor;
  v: tf.Variable;
  /** The op (or tensor) that adds 1 to v. */
  bump: tf.Tensor | tf.Operation;
  fed: tf.NDArray;
  unfed: ErrorInfo;
  counts: number[];
}

export function placeholderVersusVariable(fedValue: number[], start: number): PlaceholderVersusVariable {
  // TODO: build p, v and bump in a new graph; run the three steps in one session.
  throw new Error("TODO: exercise 7, placeholderVersusVariable");
}

export function trueStatements(): string[] {
  // TODO: return the letters of the true statements.
  throw new Error("TODO: exercise 7, trueStatements");
}

if (require.main === module) {
  const r = placeholderVersusVariable([1, 2], 5);
  console.log("fed:", String(r.fed), "| unfed:", r.unfed.name, "| counts:", r.counts);
  console.log("answer:", trueStatements());
}
