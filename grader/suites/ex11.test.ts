/**
 * Exercise 11: gradients of one output with respect to 10 variables. The suite checks f and the
 * learner's reverse-mode gradients against the closed-form derivatives at seeded points, checks
 * the learner's finite differences of f, and collects the three counts. Functions of the suite
 * cannot be called from the learner's process, so finiteDifferences is judged on f as
 * checkGradients evaluates it; that checkGradients runs the engine for it can only be reported by
 * the learner's own process: that check is advisory.
 */
import * as tf from "tensorlings";
import { learner, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, inSession, isGraph, numbers, show } from "./support/checks";

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
  const graph = tf.Graph();
  const xs = graph.asDefault(() => Array.from({ length: 10 }, (_, i) => tf.placeholder(tf.float32, { shape: [], name: `x${i + 1}` })));
  learner().resetDefaultGraph();
  let f: tf.Tensor;
  try {
    f = load().buildF(xs);
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    check(
      !/must be from the same graph/.test(message),
      "buildF mixed the tensors it was given with a tensor of the default graph; the grader calls it with tensors of another graph, so build f from xs alone (a tensor made on its own, such as tf.constant(0), goes into the default graph)",
    );
    throw e;
  }
  check(f instanceof tf.Tensor, "buildF should return a tensor");
  const inputs = xs.map((x) => f.graph.getOperations().find((op) => op.name === x.op.name && op.type === "Placeholder"));
  check(inputs.every((op) => op !== undefined), "buildF should build f in the graph of the tensors it is given");
  const deps = ancestors(f);
  check(inputs.every((op) => deps.has(op!)), "f should be computed from all 10 tensors given to buildF");
  for (const salt of [1, 5]) {
    const x = point(salt);
    const got = inSession(f.graph, (sess) => numbers(sess.run(f, new Map(inputs.map((op, i) => [op!.outputs[0], x[i]])))));
    const want = fExact(x);
    check(allClose(got, [want], 1e-5, 1e-5), `at x = ${show(x)}, f should be ${want.toPrecision(6)}; buildF gives ${show(got)}`);
  }
});

test("[ex11.reverse] reverseModeGradients gets all 10 gradients from one tf.gradients call", () => {
  const x0 = point(2);
  learner().resetDefaultGraph();
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

test("[ex11.finite-differences] finiteDifferences approximates the gradient of f evaluated by the engine", () => {
  for (const salt of [3, 33]) {
    const x0 = point(salt);
    learner().resetDefaultGraph();
    const r = load().checkGradients(x0);
    check(typeof r === "object" && r !== null, "checkGradients should return { reverse, numeric, maxAbsDiff }");
    const want = gradExact(x0);
    const numeric = numbers(r.numeric);
    check(Array.isArray(r.numeric) && numeric !== null && numeric.length === 10, "`numeric` should be 10 numbers, one partial derivative per variable");
    check(
      allClose(numeric, want, 1e-2, 2e-2),
      `at x0 = ${show(x0)}, \`numeric\` is too far from the true gradient ${show(want)}: you returned ${show(numeric)} (in float32, use a step around 1e-2)`,
    );
  }
});

test("[ex11.check] checkGradients compares reverse mode with finite differences of f evaluated by the engine", () => {
  const x0 = point(4);
  learner().resetDefaultGraph();
  const r = load().checkGradients(x0);
  check(typeof r === "object" && r !== null, "checkGradients should return { reverse, numeric, maxAbsDiff }");
  const want = gradExact(x0);
  const reverse = numbers(r.reverse);
  const numeric = numbers(r.numeric);
  check(allClose(reverse, want, 1e-4, 1e-4), `\`reverse\` should be the reverse-mode gradients at x0 = ${show(x0)}, which are ${show(want)}; you returned ${show(reverse)}`);
  check(
    allClose(numeric, want, 1e-2, 2e-2),
    `\`numeric\` is too far from the true gradient ${show(want)}: you returned ${show(numeric)} (in float32, use a step around 1e-2)`,
  );
  const diff = Math.max(...reverse!.map((v, i) => Math.abs(v - numeric![i])));
  check(typeof r.maxAbsDiff === "number" && Math.abs(r.maxAbsDiff - diff) <= 1e-9 + 1e-6 * diff, `\`maxAbsDiff\` should be the largest |reverse - numeric|, ${diff.toPrecision(4)} for your arrays; you returned ${r.maxAbsDiff}`);
});

test("[ex11.check-engine] checkGradients evaluates f with the engine for the finite differences", () => {
  const x0 = point(7);
  learner().resetDefaultGraph();
  // Reported by the learner's own process: this test is advisory (it never scores).
  const { result, calls } = learner().recordCalls(["Session.run"], () => load().checkGradients(x0));
  check(typeof result === "object" && result !== null, "checkGradients should return { reverse, numeric, maxAbsDiff }");
  check(calls.length > 10, `f should be evaluated by the engine for the finite differences; checkGradients ran a session only ${calls.length} time(s)`);
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
