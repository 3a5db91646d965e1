/**
 * Exercise 11 · How many graph traversals do the gradients of 10 variables cost? Reference solution.
 *
 * Reverse mode (tf.gradients): one forward pass computes every node's value, one backward pass
 * pushes d f / d node from the output to every input: 2 traversals, however many variables.
 * Forward mode carries the derivative with respect to ONE input along the forward pass, so it
 * needs one traversal per variable: 10. Symbolic differentiation builds a new graph per
 * derivative and evaluates those instead: the original graph is not traversed at all (0),
 * though the derivative graphs can be much bigger than the original.
 * Finite differences, for comparison, need 2 evaluations of f per variable (central differences),
 * and are only approximate: useful as a check, as here.
 */
import * as tf from "tensorlings";

export interface ReverseMode {
  graph: tf.Graph;
  xs: tf.Variable[];
  f: tf.Tensor;
  grads: tf.Tensor[];
  values: number[];
}

export interface GradientCheck {
  reverse: number[];
  numeric: number[];
  maxAbsDiff: number;
}

export interface Traversals {
  reverseMode: number;
  forwardMode: number;
  symbolic: number;
}

export function buildF(xs: tf.Tensor[]): tf.Tensor {
  // sum_i i * x_i^2, with i counted from 1
  const squares = xs.map((x, i) => x.mul(x).mul(i + 1));
  const product = xs.slice(1).reduce((acc, x) => acc.mul(x), xs[0]);
  return tf.addN(squares).add(product);
}

/** The graph of f over 10 variables, its gradients, and an initialised session. */
function buildWithGradients(x0: number[]) {
  if (x0.length !== 10) throw new Error(`f takes 10 inputs, got ${x0.length}`);
  const graph = tf.Graph();
  const built = graph.asDefault(() => {
    const xs = x0.map((v, i) => tf.Variable(v, { name: `x${i + 1}` }));
    const f = buildF(xs);
    // One call: the reverse pass yields all 10 partial derivatives together. (An entry would be
    // null only for a variable f does not depend on; every x_i is used here.)
    const grads = tf.gradients(f, xs).map((g, i) => {
      if (!g) throw new Error(`f does not depend on x${i + 1}`);
      return g;
    });
    return { xs, f, grads, init: tf.globalVariablesInitializer() };
  });
  const sess = tf.Session({ graph });
  sess.run(built.init);
  return { graph, sess, ...built };
}

export function reverseModeGradients(x0: number[]): ReverseMode {
  const { graph, sess, xs, f, grads } = buildWithGradients(x0);
  const values = (sess.run(grads) as tf.NDArray[]).map((g) => g.item() as number);
  sess.close();
  return { graph, xs, f, grads, values };
}

export function finiteDifferences(fn: (x: number[]) => number, x0: number[], h = 1e-5): number[] {
  return x0.map((_, i) => {
    const up = [...x0];
    const down = [...x0];
    up[i] += h;
    down[i] -= h;
    return (fn(up) - fn(down)) / (2 * h);
  });
}

export function checkGradients(x0: number[]): GradientCheck {
  const { sess, xs, f, grads } = buildWithGradients(x0);
  const reverse = (sess.run(grads) as tf.NDArray[]).map((g) => g.item() as number);
  // f evaluated by the engine at any point: feed each variable the coordinate we want.
  const fAt = (x: number[]) => sess.run(f, new Map(xs.map((v, i) => [v as tf.Tensor, x[i]]))).item() as number;
  const numeric = finiteDifferences(fAt, x0, 1e-2); // float32: a larger step keeps rounding small
  sess.close();
  const maxAbsDiff = Math.max(...reverse.map((r, i) => Math.abs(r - numeric[i])));
  return { reverse, numeric, maxAbsDiff };
}

export function traversals(): Traversals {
  return { reverseMode: 2, forwardMode: 10, symbolic: 0 };
}

if (require.main === module) {
  const x0 = [0.5, -1, 1.2, 0.3, -0.7, 1, 0.9, -1.1, 0.4, 0.8];
  const check = checkGradients(x0);
  console.log("reverse:", check.reverse.map((v) => v.toFixed(4)).join(" "));
  console.log("numeric:", check.numeric.map((v) => v.toFixed(4)).join(" "));
  console.log("max |difference|:", check.maxAbsDiff, "| traversals:", traversals());
}
