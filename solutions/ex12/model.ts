/**
 * The reusable graph: logistic regression under clean name scopes, so TensorBoard's graph view
 * shows four tidy boxes (model, train, init, save) inside one `logistic_regression` box.
 */
import * as tf from "tensorlings";

export interface LogisticRegressionOptions {
  /** Initial value of theta (a tensor of shape [n, 1]); uniform in [-1, 1) when omitted. */
  initializer?: tf.Tensor;
  /** Op seed of the default initializer. */
  seed?: number;
  learningRate?: number;
}

export interface LogisticRegressionGraph {
  yProba: tf.Tensor;
  loss: tf.Tensor;
  trainingOp: tf.Operation;
  lossSummary: tf.Tensor;
  init: tf.Operation;
  saver: tf.train.Saver;
}

/**
 * Builds logistic regression for inputs `X` (shape [null, n], bias column included) and labels
 * `y` (shape [null, 1]) in the default graph.
 */
export function logisticRegression(
  X: tf.Tensor,
  y: tf.Tensor,
  options: LogisticRegressionOptions = {},
): LogisticRegressionGraph {
  const { seed = 42, learningRate = 0.01 } = options;
  const n = X.shape?.[1];
  if (typeof n !== "number") throw new Error(`X needs a known number of columns, got shape ${X.shape}`);
  return tf.nameScope("logistic_regression", () => {
    const yProba = tf.nameScope("model", () => {
      // Built here (not as a default parameter) so the random op lands inside this scope.
      const initializer = options.initializer ?? tf.randomUniform([n, 1], -1.0, 1.0, { seed });
      const theta = tf.Variable(initializer, { name: "theta" });
      const logits = tf.matmul(X, theta, { name: "logits" });
      return tf.sigmoid(logits, { name: "y_proba" });
    });
    const { loss, trainingOp, lossSummary } = tf.nameScope("train", () => {
      // log_loss clips nothing: it adds epsilon (1e-7) inside the logs so p = 0 or 1 stays finite.
      const loss = tf.losses.logLoss(y, yProba, { scope: "loss" });
      const optimizer = tf.train.GradientDescentOptimizer({ learningRate });
      const trainingOp = optimizer.minimize(loss);
      // Inside `train`, so the tag is `logistic_regression/train/log_loss`.
      const lossSummary = tf.summary.scalar("log_loss", loss);
      return { loss, trainingOp, lossSummary };
    });
    const init = tf.nameScope("init", () => tf.globalVariablesInitializer());
    // Created last, so it saves every variable above (theta is the only one).
    const saver = tf.nameScope("save", () => tf.train.Saver());
    return { yProba, loss, trainingOp, lossSummary, init, saver };
  });
}
