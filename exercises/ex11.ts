/**
 * Exercise 11 · How many graph traversals do the gradients of 10 variables cost?
 *
 * One output f depends on 10 variables, and you want all 10 partial derivatives. Reverse-mode
 * autodiff, forward-mode autodiff and symbolic differentiation get them at different costs.
 * First compute the gradients with TensorFlow's reverse mode and check them numerically, then
 * count.
 *
 * The function:  f(x1, ..., x10) = 1*x1^2 + 2*x2^2 + ... + 10*x10^2  +  x1*x2*x3*...*x10
 *
 * Part A. `buildF(xs)`: given 10 scalar tensors, build f from them (in the current default graph).
 *
 * Part B. `reverseModeGradients(x0)`: in a NEW graph, make 10 scalar variables x1..x10 with the
 *   initial values x0[0..9], build f with `buildF`, get all 10 gradients with ONE call of
 *   `tf.gradients`, run them in a session and return the graph, variables, f, the gradient
 *   tensors and their values.
 *
 * Part C. `finiteDifferences(fn, x0, h)`: a numerical gradient of any function `fn` of any number
 *   of inputs: for each i, nudge x0[i] by a small step and see how much fn changes. Central
 *   differences, (fn(x + h e_i) - fn(x - h e_i)) / (2h), are the most accurate simple choice.
 *
 * Part D. `checkGradients(x0)`: compute the reverse-mode gradients (Part B) and the numerical ones
 *   (Part C, where fn evaluates f WITH THE ENGINE: run f in a session with the variables set to the
 *   nudged point, by `load` or by feeding them). Return both and the largest absolute difference.
 *   The engine computes in float32, so pick h around 1e-2, not 1e-8.
 *
 * Part E. `traversals()`: to get the gradients of f with respect to all 10 variables, how many times
 *   does each method traverse the graph of f?
 *     reverseMode: reverse-mode autodiff (what tf.gradients builds);
 *     forwardMode: forward-mode autodiff (dual numbers);
 *     symbolic:    symbolic differentiation, counting traversals of f's ORIGINAL graph once the
 *                  derivative graphs have been built.
 *
 * Check your work: `npm run grade 11`. Stuck? `npm run hint 11`.
 */
import * as tf from "tensorlings";

export interface ReverseMode {
  graph: tf.Graph;
  /** The 10 variables x1..x10. */
  xs: tf.Variable[];
  f: tf.Tensor;
  /** d f / d x_i, from one tf.gradients call. */
  grads: tf.Tensor[];
  /** The gradients' values at x0. */
  values: number[];
}

export interface GradientCheck {
  reverse: number[];
  numeric: number[];
  /** max_i |reverse[i] - numeric[i]| */
  maxAbsDiff: number;
}

export interface Traversals {
  reverseMode: number;
  forwardMode: number;
  symbolic: number;
}

export function buildF(xs: tf.Tensor[]): tf.Tensor {
  // TODO: sum of i * x_i^2, plus the product of all the x_i.
  throw new Error("TODO: exercise 11, buildF");
}

export function reverseModeGradients(x0: number[]): ReverseMode {
  // TODO: 10 variables in a new graph, f, one tf.gradients call, one run.
  throw new Error("TODO: exercise 11, reverseModeGradients");
}

export function finiteDifferences(fn: (x: number[]) => number, x0: number[], h = 1e-5): number[] {
  // TODO: one numerical partial derivative per input.
  throw new Error("TODO: exercise 11, finiteDifferences");
}

export function checkGradients(x0: number[]): GradientCheck {
  // TODO: reverse mode versus finite differences of f evaluated with the engine.
  throw new Error("TODO: exercise 11, checkGradients");
}

export function traversals(): Traversals {
  // TODO: three numbers.
  throw new Error("TODO: exercise 11, traversals");
}

if (require.main === module) {
  const x0 = [0.5, -1, 1.2, 0.3, -0.7, 1, 0.9, -1.1, 0.4, 0.8];
  const check = checkGradients(x0);
  console.log("reverse:", check.reverse.map((v) => v.toFixed(4)).join(" "));
  console.log("numeric:", check.numeric.map((v) => v.toFixed(4)).join(" "));
  console.log("max |difference|:", check.maxAbsDiff, "| traversals:", traversals());
}
