/**
 * Exercise 9 · Feeding the output of any op
 *
 * Feeds are usually given to placeholders. Can you feed some other tensor, say an intermediate
 * result in the middle of the graph? And if you do, what happens to the ops that compute it?
 *
 * Part A. `feedIntermediate(override)`: in a NEW graph, build
 *     p = a float32 placeholder of shape [null],
 *     a = p * 3          (an ordinary op, NOT a placeholder),
 *     b = a + 1.
 *   In a session, run b with the feed {a: override} and NO feed for p           -> withA
 *
 * Part B. `canYouFeedAnyTensor()`: which statement is true? Return one letter.
 *   a. Only placeholders can be fed.
 *   b. Any tensor can be fed (unless it was marked unfeedable); the ops it would have been computed
 *      from then do not run at all.
 *   c. Any tensor can be fed, but the ops it is computed from still run, and their result is thrown away.
 *   d. Variables and placeholders can be fed; other tensors cannot.
 *
 * Check your work: `npm run grade 9`. Stuck? `npm run hint 9`.
 */
import * as tf from "tensorlings";

export interface FeedIntermediate {
  graph: tf.Graph;
  p: tf.Tensor;
  a: tf.Tensor;
  b: tf.Tensor;
  /** b, run with a fed and p not fed. */
  withA: tf.NDArray;
}

export function feedIntermediate(override: number[]): FeedIntermediate {
  // TODO: build p, a and b in a new graph; run b feeding a only.
  throw new Error("TODO: exercise 9, feedIntermediate");
}

export function canYouFeedAnyTensor(): "a" | "b" | "c" | "d" {
  throw new Error("TODO: exercise 9, canYouFeedAnyTensor");
}

if (require.main === module) {
  const r = feedIntermediate([10, 20]);
  console.log("b with a fed:", String(r.withA), "| answer:", canYouFeedAnyTensor());
}
