// Ported from tensorflow/python/training/gradient_descent_test.py and momentum_test.py (see
// README.md for the version). TF loops over float16/float32/float64; the engine has no float16.
import * as tf from "tensorlings";
import { expectAllClose, freshGraph } from "./helpers";

beforeEach(freshGraph);

const withSess = <T>(fn: (sess: tf.Session) => T): T => tf.withSession(tf.Session(), fn);
const DTYPES = [tf.float32, tf.float64];
/** `assertAllCloseAccordingToType`: float32 uses rtol = atol = 1e-6, float64 1e-6 too. */
const closeByType = (actual: unknown, expected: unknown) => expectAllClose(actual, expected, 1e-6, 1e-6);

describe("GradientDescentOptimizerTest", () => {
  // gradient_descent_test.py GradientDescentOptimizerTest.testBasic
  test.each(DTYPES)("testBasic %s", (dtype) => {
    withSess(() => {
      const var0 = tf.Variable([1.0, 2.0], { dtype });
      const var1 = tf.Variable([3.0, 4.0], { dtype });
      const grads0 = tf.constant([0.1, 0.1], { dtype });
      const grads1 = tf.constant([0.01, 0.01], { dtype });
      const sgdOp = tf.train.GradientDescentOptimizer({ learningRate: 3.0 }).applyGradients([
        [grads0, var0],
        [grads1, var1],
      ]);
      tf.globalVariablesInitializer().run();
      closeByType(var0.eval(), [1.0, 2.0]);
      closeByType(var1.eval(), [3.0, 4.0]);
      sgdOp.run();
      closeByType(var0.eval(), [1.0 - 3.0 * 0.1, 2.0 - 3.0 * 0.1]);
      closeByType(var1.eval(), [3.0 - 3.0 * 0.01, 4.0 - 3.0 * 0.01]);
      expect(tf.localVariables().length).toBe(0);
    });
  });
  // gradient_descent_test.py GradientDescentOptimizerTest.testTensorLearningRate
  test.each(DTYPES)("testTensorLearningRate %s", (dtype) => {
    withSess(() => {
      const var0 = tf.Variable([1.0, 2.0], { dtype });
      const var1 = tf.Variable([3.0, 4.0], { dtype });
      const grads0 = tf.constant([0.1, 0.1], { dtype });
      const grads1 = tf.constant([0.01, 0.01], { dtype });
      const lrate = tf.constant(3.0);
      const sgdOp = tf.train.GradientDescentOptimizer({ learningRate: lrate }).applyGradients([
        [grads0, var0],
        [grads1, var1],
      ]);
      tf.globalVariablesInitializer().run();
      closeByType(var0.eval(), [1.0, 2.0]);
      closeByType(var1.eval(), [3.0, 4.0]);
      sgdOp.run();
      closeByType(var0.eval(), [1.0 - 3.0 * 0.1, 2.0 - 3.0 * 0.1]);
      closeByType(var1.eval(), [3.0 - 3.0 * 0.01, 4.0 - 3.0 * 0.01]);
    });
  });
  // gradient_descent_test.py GradientDescentOptimizerTest.testGradWrtRef
  test.each(DTYPES)("testGradWrtRef %s", (dtype) => {
    withSess(() => {
      const opt = tf.train.GradientDescentOptimizer({ learningRate: 3.0 });
      const vars = [1.0, 3.0].map((v) => tf.Variable([v], { dtype }));
      const gradsAndVars = opt.computeGradients(vars[0].add(vars[1]), { varList: vars });
      tf.globalVariablesInitializer().run();
      for (const [grad] of gradsAndVars) closeByType((grad as tf.Tensor).eval(), [1.0]);
    });
  });
  // gradient_descent_test.py GradientDescentOptimizerTest.testWithGlobalStep
  test.each(DTYPES)("testWithGlobalStep %s", (dtype) => {
    withSess(() => {
      const globalStep = tf.Variable(tf.constant(0, { dtype: tf.int32 }), { trainable: false });
      const var0 = tf.Variable([1.0, 2.0], { dtype });
      const var1 = tf.Variable([3.0, 4.0], { dtype });
      const grads0 = tf.constant([0.1, 0.1], { dtype });
      const grads1 = tf.constant([0.01, 0.01], { dtype });
      const sgdOp = tf.train.GradientDescentOptimizer({ learningRate: 3.0 }).applyGradients(
        [
          [grads0, var0],
          [grads1, var1],
        ],
        { globalStep },
      );
      tf.globalVariablesInitializer().run();
      closeByType(var0.eval(), [1.0, 2.0]);
      closeByType(var1.eval(), [3.0, 4.0]);
      sgdOp.run();
      closeByType(var0.eval(), [1.0 - 3.0 * 0.1, 2.0 - 3.0 * 0.1]);
      closeByType(var1.eval(), [3.0 - 3.0 * 0.01, 4.0 - 3.0 * 0.01]);
      closeByType(globalStep.eval(), 1);
    });
  });
});

describe("MomentumOptimizerTest", () => {
  const basic = (dtype: tf.DType, rates: () => { learningRate: unknown; momentum: unknown }, i: number) => {
    withSess(() => {
      const var0 = tf.Variable([1.0, 2.0], { dtype, name: `var0_${i}` });
      const var1 = tf.Variable([3.0, 4.0], { dtype, name: `var1_${i}` });
      const grads0 = tf.constant([0.1, 0.1], { dtype });
      const grads1 = tf.constant([0.01, 0.01], { dtype });
      const momOpt = tf.train.MomentumOptimizer(rates() as never);
      const momUpdate = momOpt.applyGradients([
        [grads0, var0],
        [grads1, var1],
      ]);
      // Check we have slots
      expect(momOpt.getSlotNames()).toEqual(["momentum"]);
      const slot0 = momOpt.getSlot(var0, "momentum") as tf.Variable;
      expect([...slot0.getShape()]).toEqual([...var0.getShape()]);
      const slot1 = momOpt.getSlot(var1, "momentum") as tf.Variable;
      expect([...slot1.getShape()]).toEqual([...var1.getShape()]);
      expect(tf.trainableVariables()).not.toContain(slot0);
      expect(tf.trainableVariables()).not.toContain(slot1);
      tf.globalVariablesInitializer().run();
      expectAllClose(var0.eval(), [1.0, 2.0]);
      expectAllClose(var1.eval(), [3.0, 4.0]);
      // Step 1: the momentum accumulators were 0, so a plain update: v -= grad * learning_rate.
      momUpdate.run();
      closeByType(slot0.eval(), [0.1, 0.1]);
      closeByType(slot1.eval(), [0.01, 0.01]);
      closeByType(var0.eval(), [1.0 - 0.1 * 2.0, 2.0 - 0.1 * 2.0]);
      closeByType(var1.eval(), [3.0 - 0.01 * 2.0, 4.0 - 0.01 * 2.0]);
      // Step 2: the momentum accumulators contain the previous update.
      momUpdate.run();
      closeByType(slot0.eval(), [0.9 * 0.1 + 0.1, 0.9 * 0.1 + 0.1]);
      closeByType(slot1.eval(), [0.9 * 0.01 + 0.01, 0.9 * 0.01 + 0.01]);
      closeByType(var0.eval(), [1.0 - 0.1 * 2.0 - (0.9 * 0.1 + 0.1) * 2.0, 2.0 - 0.1 * 2.0 - (0.9 * 0.1 + 0.1) * 2.0]);
      closeByType(var1.eval(), [2.98 - (0.9 * 0.01 + 0.01) * 2.0, 3.98 - (0.9 * 0.01 + 0.01) * 2.0]);
    });
  };
  // momentum_test.py MomentumOptimizerTest.testBasic (doTestBasic)
  test.each(DTYPES)("testBasic %s", (dtype) => basic(dtype, () => ({ learningRate: 2.0, momentum: 0.9 }), 0));
  // momentum_test.py MomentumOptimizerTest.testTensorLearningRateAndMomentum
  test.each(DTYPES)("testTensorLearningRateAndMomentum %s", (dtype) =>
    basic(dtype, () => ({ learningRate: tf.constant(2.0, { dtype }), momentum: tf.constant(0.9, { dtype }) }), 1),
  );
  // momentum_test.py MomentumOptimizerTest.testNesterovMomentum
  test.each(DTYPES)("testNesterovMomentum %s", (dtype) => {
    const update = (v: number[], accum: number[], g: number[], lr: number, momentum: number) => {
      let vv = v.map((x, i) => x + accum[i] * lr * momentum);
      const acc = accum.map((a, i) => a * momentum + g[i]);
      vv = vv.map((x, i) => x - lr * acc[i]);
      vv = vv.map((x, i) => x - acc[i] * lr * momentum);
      return [vv, acc];
    };
    withSess(() => {
      const var0 = tf.Variable([1.0, 2.0], { dtype });
      const var1 = tf.Variable([3.0, 4.0], { dtype });
      let var0np = [1.0, 2.0];
      let var1np = [3.0, 4.0];
      let accum0np = [0.0, 0.0];
      let accum1np = [0.0, 0.0];
      const cost = tf.multiply(5, var0).mul(var0).add(tf.multiply(3, var1));
      const globalStep = tf.Variable(tf.zeros([], tf.int64), { name: "global_step" });
      const momOp = tf.train.MomentumOptimizer({ learningRate: 2.0, momentum: 0.9, useNesterov: true });
      const optOp = momOp.minimize(cost, { globalStep, varList: [var0, var1] });
      tf.globalVariablesInitializer().run();
      for (let t = 1; t < 5; t++) {
        optOp.run();
        [var0np, accum0np] = update(var0np, accum0np, var0np.map((x) => x * 10), 2.0, 0.9);
        [var1np, accum1np] = update(var1np, accum1np, [3, 3], 2.0, 0.9);
        expectAllClose(var0.eval(), var0np, 1e-5, 1e-5);
        expectAllClose(var1.eval(), var1np, 1e-5, 1e-5);
      }
    });
  });
});
