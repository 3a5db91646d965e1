import * as tf from "tensorlings";
import { allBits, bits, kernelSteps, planSteps, withRewrites } from "./helpers";

const PRUNE = { pruneUnread: true };

beforeEach(() => tf.resetDefaultGraph());

/** Linear regression on constants, trained by GradientDescentOptimizer (lesson 5 in miniature). */
function linearRegression() {
  tf.setRandomSeed(42);
  const X = tf.constant(
    [
      [1, 0.5, -1],
      [1, 2, 0.25],
      [1, -1.5, 3],
      [1, 0, 1e-3],
    ],
    { name: "X" },
  );
  const y = tf.constant([[1], [2.5], [-0.5], [0.125]], { name: "y" });
  const theta = tf.Variable(tf.randomUniform([3, 1], -1, 1, { seed: 42 }), { name: "theta" });
  const mse = tf.reduceMean(tf.square(tf.matmul(X, theta, { name: "predictions" }).sub(y)), null, {
    name: "mse",
  });
  const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(mse);
  return { theta, mse, trainingOp };
}

test("the gradient with respect to the constant X is not computed, and training ends on the same bits", () => {
  const { theta, mse, trainingOp } = linearRegression();
  const train = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(tf.globalVariablesInitializer());
      const trace: unknown[] = [];
      for (let i = 0; i < 20; i++) {
        trace.push(bits(sess.run(mse)));
        sess.run(trainingOp);
      }
      trace.push(bits(sess.run(theta)));
      return trace;
    });
  expect(train(PRUNE)).toEqual(train({}));
  const all = kernelSteps(planSteps({}, [], [trainingOp]));
  const pruned = kernelSteps(planSteps(PRUNE, [], [trainingOp]));
  expect(all).toContain("MatMul:gradients/predictions_grad/MatMul");
  expect(pruned).not.toContain("MatMul:gradients/predictions_grad/MatMul");
  expect(pruned).toContain("MatMul:gradients/predictions_grad/MatMul_1");
  expect(pruned).toContain("ApplyGradientDescent:GradientDescent/update_theta/ApplyGradientDescent");
});

test("stateful ops that only gate others still run", () => {
  const counter = tf.Variable(0, { name: "counter" });
  const x = tf.constant(5);
  const bump = tf.assignAdd(counter, 1);
  const gated = tf.controlDependencies([bump], () => tf.identity(x));
  for (const on of [{}, PRUNE]) {
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(counter.initializer);
      sess.run(gated);
      sess.run(gated);
      expect(sess.run(counter).item()).toBe(2);
    });
  }
});

test("a pruned read of an uninitialized variable still fails, at the same node", () => {
  const v = tf.Variable([1, 2], { name: "v" });
  const w = tf.Variable([3, 4], { name: "w" });
  const unread = v.value().mul(2);
  const out = tf.controlDependencies([unread], () => tf.identity(tf.constant(1)));
  const message = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(w.initializer);
      try {
        sess.run(out);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
  expect(message({})).toMatch(/^Attempting to use uninitialized value v\n\s*\[\[\{\{node v\/read\}\}\]\]/);
  expect(message(PRUNE)).toBe(message({}));
  expect(kernelSteps(planSteps(PRUNE, [out]))).not.toContain("Mul:mul");
});

test("random ops run even when nobody reads them (the generator advances as before)", () => {
  tf.setRandomSeed(1);
  const r = tf.randomNormal([2], { seed: 2 });
  const gated = tf.controlDependencies([r], () => tf.identity(tf.constant(0)));
  const next = r.add(0);
  const draws = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(gated);
      return allBits(sess.run(next));
    });
  expect(draws(PRUNE)).toEqual(draws({}));
});
