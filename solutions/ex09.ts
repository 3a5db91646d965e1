/**
 * Exercise 9 · Feeding the output of any op: reference solution.
 *
 * A feed can replace any tensor, not only a placeholder. The run then starts from the fed value:
 * the ops that would have computed it are pruned, which is why p needs no feed here. That is
 * rarely needed, but it can save recomputing something you already have (for example the output
 * of frozen lower layers).
 */
import * as tf from "tensorlings";

export interface FeedIntermediate {
  graph: tf.Graph;
  p: tf.Tensor;
  a: tf.Tensor;
  b: tf.Tensor;
  withA: tf.NDArray;
}

export function feedIntermediate(override: number[]): FeedIntermediate {
  const graph = tf.Graph();
  const { p, a, b } = graph.asDefault(() => {
    const p = tf.placeholder(tf.float32, { shape: [null], name: "p" });
    const a = p.mul(3);
    return { p, a, b: a.add(1) };
  });
  const sess = tf.Session({ graph });
  // a is fed, so neither the Mul nor p is evaluated: no feed for p is needed.
  const withA = sess.run(b, new Map([[a, override]]));
  sess.close();
  return { graph, p, a, b, withA };
}

/** b: any feedable tensor; what is upstream of it is not run. */
export function canYouFeedAnyTensor(): "a" | "b" | "c" | "d" {
  return "b";
}

if (require.main === module) {
  const r = feedIntermediate([10, 20]);
  console.log("b with a fed:", String(r.withA), "| answer:", canYouFeedAnyTensor());
}
