/** Exercise 12, part 2: a reusable graph-building function. */
import * as tf from "tensorlings";

export interface LogisticRegressionOptions {
  /** Initial value of theta (a tensor of shape [n, 1]); uniform in [-1, 1) when omitted. */
  initializer?: tf.Tensor;
  /** Op seed of the default (uniform) initializer. */
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
 * Builds logistic regression in the default graph for inputs `X` (shape [null, n], bias column
 * included) and labels `y` (shape [null, 1]), with these name scopes:
 *
 *   logistic_regression/model  theta (a Variable, [n, 1]), logits (X · theta), y_proba (sigmoid)
 *   logistic_regression/train  the log loss (`tf.losses.logLoss` with scope "loss"), a
 *                              GradientDescentOptimizer's training op, and the summary
 *                              `tf.summary.scalar("log_loss", loss)`
 *   logistic_regression/init   the variables' initializer
 *   logistic_regression/save   a `tf.train.Saver()`
 *
 * Defaults: seed 42, learningRate 0.01. n is read from X's static shape.
 */
export function logisticRegression(
  X: tf.Tensor,
  y: tf.Tensor,
  options: LogisticRegressionOptions = {},
): LogisticRegressionGraph {
  // TODO: nest tf.nameScope(...) callbacks; each callback's return value comes back out.
  throw new Error("TODO: exercise 12, logisticRegression");
}
