/**
 * Exercise 11: gradients of one output with respect to 10 variables. The suite checks f and the
 * learner's reverse-mode gradients against the closed-form derivatives at seeded points, checks
 * the learner's finite differences on a function of its own, and collects the three counts.
 */
import * as tf from "tensorlings";
import { rng, submission, submitAnswer } from "../harness";
import { allClose, check, inSession, isGraph, numbers, recordCalls, show } from "./support/checks";

interface ReverseMode {
  graph: tf.Graph;
  xs: tf.Variable[];
  f: tf.Tensor;
  grads: tf.Tensor[];
  values: number[];
}
interface GradientCheck {
  reverse: number[];
  numeric: number[];
  maxAbsDiff: number;
}
interface Traversals {
  reverseMode: number;
  forwardMode: number;
  symbolic: number;
}
interface Ex11 {
  buildF(xs: tf.Tensor[]): tf.Tensor;
  reverseModeGradients(x0: number[]): ReverseMode;
  finiteDifferences(fn: (x: number[]) => number, x0: number[], h?: number): number[];
  checkGradients(x0: number[]): GradientCheck;
  traversals(): Traversals;
}

const load = () => submission<Ex11>("ex11");

/** A seeded point with coordinates in [-1.5, 1.5], none too close to 0. */
function point(salt: number, n = 10): number[] {
  const next = rng(salt);
  return Array.from({ length: n }, () => {
    const v = 0.2 + next() * 1.3;
    return Math.round((next() < 0.5 ? -v : v) * 1000) / 1000;
  });
}

/** f and its gradient in closed form (float64). */
function fExact(x: number[]): number {
  return x.reduce((s, v, i) => s + (i + 1) * v * v, 0) + x.reduce((p, v) => p * v, 1);
}
function gradExact(x: number[]): number[] {
  return x.map((v, k) => 2 * (k + 1) * v + x.reduce((p, w, j) => (j === k ? p : p * w), 1));
}

test("[ex11.function] buildF computes f from 10 scalar tensors", () => {
  const x = point(1);
  const graph = tf.Graph();
  const f = graph.asDefault(() => load().buildF(x.map((v) => tf.constant(v))));
  check(f instanceof tf.Tensor && f.graph === graph, "buildF should return a tensor built in the current default graph");
  const got = inSession(graph, (sess) => numbers(sess.run(f)));
  const want = fExact(x);
  check(allClose(got, [want], 1e-5, 1e-5), `at x = ${show(x)}, f should be ${want.toPrecision(6)}; buildF gives ${show(got)}`);
});

test("[ex11.reverse] reverseModeGradients gets all 10 gradients from one tf.gradients call", () => {
  const x0 = point(2);
  tf.resetDefaultGraph();
  const r = load().reverseModeGradients(x0);
  check(typeof r === "object" && r !== null && isGraph(r.graph), "reverseModeGradients should return an object with the graph it built");
  check(Array.isArray(r.xs) && r.xs.length === 10 && new Set(r.xs).size === 10, "`xs` should be the 10 variables");
  check(r.xs.every((v) => v instanceof tf.Tensor && v.op.type === "VariableV2" && v.graph === r.graph), "every entry of `xs` should be a variable of the returned graph");
  check(Array.isArray(r.grads) && r.grads.length === 10 && r.grads.every((g) => g instanceof tf.Tensor && g.graph === r.graph), "`grads` should be 10 tensors of the returned graph (one per variable)");
  const names = r.graph.getOperations().map((op) => op.name);
  check(names.some((n) => n.startsWith("gradients/")), "the gradient tensors should come from tf.gradients");
  check(!names.some((n) => /^gradients_\d+\//.test(n)), "tf.gradients was called more than once; one call with all 10 variables gives every gradient from one backward pass");
  const want = gradExact(x0);
  const inGraph = inSession(r.graph, (sess) => {
    sess.run(r.graph.asDefault(() => tf.globalVariablesInitializer()));
    return (sess.run(r.grads) as tf.NDArray[]).map((g) => g.item() as number);
  });
  check(allClose(inGraph, want, 1e-4, 1e-4), `at x0 = ${show(x0)} the gradients should be ${show(want)}; your gradient tensors give ${show(inGraph)}`);
  check(allClose(numbers(r.values), inGraph, 1e-5, 1e-6), `\`values\` should be the gradient tensors' values at x0; you returned ${show(numbers(r.values))}`);
});

test("[ex11.finite-differences] finiteDifferences approximates the gradient of any function", () => {
  const next = rng(3);
  for (const n of [10, 4]) {
    const a = Array.from({ length: n }, () => next() * 2 - 1);
    const b = Array.from({ length: n }, () => next() * 2 - 1);
    const fn = (x: number[]) => x.reduce((s, v, i) => s + a[i] * v * v * v + b[i] * v * x[(i + 1) % n], 0) + Math.sin(x[0]);
    const grad = (x: number[]) =>
      x.map((v, k) => 3 * a[k] * v * v + b[k] * x[(k + 1) % n] + b[(k - 1 + n) % n] * x[(k - 1 + n) % n] + (k === 0 ? Math.cos(v) : 0));
    const x0 = point(30 + n, n);
    let calls = 0;
    const got = load().finiteDifferences((x) => {
      calls++;
      return fn(x);
    }, [...x0]);
    const want = grad(x0);
    check(Array.isArray(got) && got.length === n, `for a function of ${n} inputs, finiteDifferences should return ${n} numbers`);
    check(allClose(numbers(got), want, 1e-4, 1e-4), `for a test function of ${n} inputs, the numerical gradient is off: got ${show(numbers(got))}, the exact gradient is ${show(want)}`);
    check(calls >= n, `finiteDifferences called the function ${calls} time(s) for ${n} inputs; each partial derivative needs its own evaluations`);
  }
});

test("[ex11.check] checkGradients compares reverse mode with finite differences of f evaluated by the engine", () => {
  const x0 = point(4);
  tf.resetDefaultGraph();
  const { result: r, calls } = recordCalls(tf.SessionImpl.prototype, "run", () => load().checkGradients(x0));
  check(typeof r === "object" && r !== null, "checkGradients should return { reverse, numeric, maxAbsDiff }");
  const want = gradExact(x0);
  const reverse = numbers(r.reverse);
  const numeric = numbers(r.numeric);
  check(allClose(reverse, want, 1e-4, 1e-4), `\`reverse\` should be the reverse-mode gradients at x0 = ${show(x0)}, which are ${show(want)}; you returned ${show(reverse)}`);
  check(
    allClose(numeric, want, 1e-2, 2e-2),
    `\`numeric\` is too far from the true gradient ${show(want)}: you returned ${show(numeric)} (in float32, use a step around 1e-2)`,
  );
  check(calls.length > 10, `f should be evaluated by the engine for the finite differences; checkGradients ran a session only ${calls.length} time(s)`);
  const diff = Math.max(...reverse!.map((v, i) => Math.abs(v - numeric![i])));
  check(typeof r.maxAbsDiff === "number" && Math.abs(r.maxAbsDiff - diff) <= 1e-9 + 1e-6 * diff, `\`maxAbsDiff\` should be the largest |reverse - numeric|, ${diff.toPrecision(4)} for your arrays; you returned ${r.maxAbsDiff}`);
});

const METHODS = [
  ["reverseMode", "reverse", "reverse-mode autodiff"],
  ["forwardMode", "forward", "forward-mode autodiff"],
  ["symbolic", "symbolic", "symbolic differentiation"],
] as const;

for (const [key, question, method] of METHODS) {
  test(`[ex11.${question}-count] traversals needed by ${method}`, () => {
    const t = load().traversals();
    check(typeof t === "object" && t !== null && Number.isInteger(t[key]) && t[key] >= 0, `traversals().${key} should be a whole number`);
    submitAnswer(11, question, t[key]);
  });
}
