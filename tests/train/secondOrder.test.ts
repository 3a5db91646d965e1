// Gradients of `tf.gradients` results for the chapter's models, against central differences of
// the first gradient: the engine differentiates the gradient graph it built itself.
import fc from "fast-check";
import * as tf from "tensorlings";
import { CheckInput, GradCase, checkGradients } from "./gradcheck";

const RUNS = Number(process.env.GRADCHECK_RUNS ?? 30);
const values = (n: number, min = -2, max = 2) =>
  fc.array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n });
const input = (shape: number[], min?: number, max?: number): fc.Arbitrary<CheckInput> =>
  values(shape.reduce((a, b) => a * b, 1), min, max).map((v) => ({ shape, values: v }));
const dims = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }));

/** X, theta and y as inputs; the case returns d(loss)/d(theta), built by `tf.gradients`. */
function model(loss: (X: tf.Tensor, theta: tf.Tensor, y: tf.Tensor) => tf.Tensor, yRange: [number, number]) {
  return dims
    .chain(([m, n]) => fc.tuple(input([m, n]), input([n, 1], -1, 1), input([m, 1], ...yRange)))
    .map(
      ([X, theta, y]): GradCase => ({
        inputs: [X, theta, y],
        build: ([x, t, target]) => tf.gradients(loss(x, t, target), [t])[0] as tf.Tensor,
      }),
    );
}

// Linear regression (the chapter's MSE): Hessian 2/m X^T X, mixed terms in X and y.
const mse = (X: tf.Tensor, theta: tf.Tensor, y: tf.Tensor) =>
  tf.reduceMean(tf.square(tf.subtract(tf.matmul(X, theta), y)));
// Logistic regression's log loss, written out as the exercises do.
const logLoss = (X: tf.Tensor, theta: tf.Tensor, y: tf.Tensor) => {
  const p = tf.sigmoid(tf.matmul(X, theta));
  const oneMinus = (t: tf.Tensor) => tf.subtract(1, t);
  return tf.neg(tf.reduceMean(tf.add(tf.multiply(y, tf.log(p)), tf.multiply(oneMinus(y), tf.log(oneMinus(p))))));
};

describe("second-order gradients of the chapter's models", () => {
  test("MSE of a linear model (MatMul, Sub, Square, Mean)", () => {
    fc.assert(fc.property(model(mse, [-2, 2]), (c) => void checkGradients(c)), { numRuns: RUNS, includeErrorInReport: true });
  });

  test("log loss of a logistic model (Sigmoid, Log, Mul, Neg)", () => {
    fc.assert(fc.property(model(logLoss, [0, 1]), (c) => void checkGradients({ ...c, tolerance: 1e-5 })), {
      numRuns: RUNS,
      includeErrorInReport: true,
    });
  });

  test("a tanh layer's gradient through transpose and reduce_sum", () => {
    const cases = dims
      .chain(([m, n]) => fc.tuple(input([m, n]), input([n, n], -1, 1)))
      .map(
        ([X, W]): GradCase => ({
          inputs: [X, W],
          build: ([x, w]) => tf.gradients(tf.reduceSum(tf.tanh(tf.matmul(x, tf.transpose(w)))), [w])[0] as tf.Tensor,
        }),
      );
    fc.assert(fc.property(cases, (c) => void checkGradients(c)), { numRuns: RUNS, includeErrorInReport: true });
  });

  test("the Hessian of the MSE is 2/m X^T X exactly", () => {
    tf.resetDefaultGraph();
    const X = tf.constant([[1, 2], [3, 4], [5, 6]], { dtype: tf.float64 });
    const theta = tf.Variable(tf.zeros([2, 1], tf.float64), { name: "theta" });
    const y = tf.constant([[1], [2], [3]], { dtype: tf.float64 });
    const [g] = tf.gradients(mse(X, theta, y), theta);
    const rows = tf.unstack(tf.reshape(g as tf.Tensor, [2]));
    const hessian = tf.stack(rows.map((r) => tf.reshape(tf.gradients(r, theta)[0] as tf.Tensor, [2])));
    tf.withSession(tf.Session(), (sess) => {
      sess.run(theta.initializer);
      const h = sess.run(hessian) as tf.NDArray;
      // X^T X = [[35, 44], [44, 56]], times 2/3.
      expect(Array.from(h.data as Float64Array)).toEqual([70 / 3, 88 / 3, 88 / 3, 112 / 3].map((v) => expect.closeTo(v, 12)));
    });
  });
});
