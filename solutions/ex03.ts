/**
 * Exercise 3 · `a.eval(); b.eval()` versus `sess.run([a, b])`: reference solution.
 *
 * Each eval is a run of its own, and every run evaluates everything its fetch depends on from
 * scratch: r runs once for a and once more for b, so a and b see DIFFERENT draws of r. One
 * `sess.run([a, b])` evaluates each node at most once, so a and b share one draw. The two are the
 * same only when nothing on the way is stateful (random ops, assignments, queues...), and even
 * then the single run does less work.
 */
import * as tf from "tensorlings";

export interface SharedNode {
  graph: tf.Graph;
  r: tf.Tensor;
  a: tf.Tensor;
  b: tf.Tensor;
}

export interface RunCounts {
  separately: number;
  together: number;
}

export function buildShared(): SharedNode {
  const graph = tf.Graph();
  return graph.asDefault(() => {
    // The seed makes every fresh session replay the same draws, which is what lets us count.
    const r = tf.randomUniform([3], 0, 1, { seed: 42, name: "r" });
    const a = r.mul(10);
    const b = r.add(1);
    return { graph, r, a, b };
  });
}

export function evalSeparately(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray] {
  const a = g.a.eval(undefined, sess); // one run: r draws for a
  const b = g.b.eval(undefined, sess); // another run: r draws again for b
  return [a, b];
}

export function runTogether(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray] {
  const [a, b] = sess.run([g.a, g.b]); // one run: r draws once, a and b share it
  return [a, b];
}

/** How many runs of r happened before the draw `value`, found by replaying r in a fresh session. */
function drawsBefore(g: SharedNode, value: tf.NDArray, maxDraws = 20): number {
  const replay = tf.Session({ graph: g.graph });
  try {
    for (let i = 0; i < maxDraws; i++) {
      if (sameValues(replay.run(g.r), value)) return i;
    }
    throw new Error(`r's value was not among its first ${maxDraws} draws: is r seeded?`);
  } finally {
    replay.close();
  }
}

function sameValues(x: tf.NDArray, y: tf.NDArray): boolean {
  const a = x.toFloat64();
  const b = y.toFloat64();
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Runs `work` in a fresh session, then one more run of r tells how many runs of r `work` made. */
function measure(g: SharedNode, work: (sess: tf.Session) => void): number {
  const sess = tf.Session({ graph: g.graph });
  try {
    work(sess);
    return drawsBefore(g, sess.run(g.r));
  } finally {
    sess.close();
  }
}

export function countRuns(g: SharedNode): RunCounts {
  return {
    separately: measure(g, (sess) => evalSeparately(g, sess)),
    together: measure(g, (sess) => runTogether(g, sess)),
  };
}

if (require.main === module) {
  const g = buildShared();
  const s1 = tf.Session({ graph: g.graph });
  console.log("separately:", evalSeparately(g, s1).map(String));
  const s2 = tf.Session({ graph: g.graph });
  console.log("together:  ", runTogether(g, s2).map(String));
  console.log("r runs:", countRuns(g));
}
