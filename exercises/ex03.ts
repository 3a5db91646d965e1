/**
 * Exercise 3 · `a.eval(); b.eval()` versus `sess.run([a, b])`
 *
 * Suppose a and b are both computed from the same node r. Is evaluating them one after the other
 * the same as fetching both in one run? Use a random node for r, so that every time r runs you
 * can tell: it gives new numbers each time.
 *
 * Part A. `buildShared()`: in a NEW graph, build r = a random op (`tf.randomUniform`) with a fixed
 *   `seed` (so that a fresh session always replays the same sequence of draws), and two DIFFERENT
 *   tensors a and b that are both computed from r (no variables, no placeholders).
 *
 * Part B. Given a fresh session on that graph:
 *   `evalSeparately(g, sess)` returns [a.eval(undefined, sess), b.eval(undefined, sess)] (in that order);
 *   `runTogether(g, sess)` returns the two values of one `sess.run([a, b])`.
 *   Nothing else should run in that session.
 *
 * Part C. `countRuns(g)` MEASURES how many times r runs when a and b are evaluated separately,
 *   and when they are fetched together. It must work for any `SharedNode` whose r is a seeded
 *   random op, whatever a and b are computed from (the grader tries graphs of its own, where a
 *   or b may not need r at all). One way: in a fresh session, do what you want to measure, then
 *   evaluate r once more and find which draw that is by replaying r in another fresh session.
 *   The counts for your own graph are your answers to "how many times does r run?".
 *
 * Check your work: `npm run grade 3`. Stuck? `npm run hint 3`.
 */
import * as tf from "tensorlings";

export interface SharedNode {
  graph: tf.Graph;
  /** The seeded random node. */
  r: tf.Tensor;
  /** Computed from r. */
  a: tf.Tensor;
  /** Computed from r too (a different tensor from a). */
  b: tf.Tensor;
}

export interface RunCounts {
  /** How many times r ran for `a.eval(); b.eval()`. */
  separately: number;
  /** How many times r ran for `sess.run([a, b])`. */
  together: number;
}

export function buildShared(): SharedNode {
  // TODO: a new graph with a seeded random r and two tensors a and b computed from it.
  throw new Error("TODO: exercise 3, buildShared");
}

export function evalSeparately(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray] {
  // TODO: a.eval() then b.eval(), in `sess`.
  throw new Error("TODO: exercise 3, evalSeparately");
}

export function runTogether(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray] {
  // TODO: one sess.run([a, b]).
  throw new Error("TODO: exercise 3, runTogether");
}

export function countRuns(g: SharedNode): RunCounts {
  // TODO: measure, with fresh sessions on g.graph, how many times r runs in each case.
  throw new Error("TODO: exercise 3, countRuns");
}

if (require.main === module) {
  const g = buildShared();
  const s1 = tf.Session({ graph: g.graph });
  console.log("separately:", evalSeparately(g, s1).map(String));
  const s2 = tf.Session({ graph: g.graph });
  console.log("together:  ", runTogether(g, s2).map(String));
  console.log("r runs:", countRuns(g));
}
