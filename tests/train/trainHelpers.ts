// Small graphs shared by the training suites.
import * as tf from "tensorlings";

/**
 * The chapter's linear regression on a small constant X (names as in the book): `X`, `y`,
 * `theta`, `predictions`, `sub`, `Square`, `mse`.
 */
export function regressionGraph(): {
  X: tf.Tensor;
  y: tf.Tensor;
  theta: tf.Variable;
  error: tf.Tensor;
  mse: tf.Tensor;
} {
  const X = tf.constant(
    [
      [1, 0.5, -1],
      [1, -2, 0.25],
      [1, 1.5, 2],
      [1, 0, -0.5],
    ],
    { name: "X" },
  );
  const y = tf.constant([[1], [-1], [2], [0.5]], { name: "y" });
  const theta = tf.Variable([[0.1], [-0.2], [0.3]], { name: "theta" });
  const predictions = tf.matmul(X, theta, { name: "predictions" });
  const error = predictions.sub(y);
  const mse = tf.reduceMean(tf.square(error), null, { name: "mse" });
  return { X, y, theta, error, mse };
}

/** Fetches as these tests hold them: gradients and slots are typed `| null` and are known to exist here. */
export type MaybeFetch = tf.Fetch | null | undefined | readonly MaybeFetch[];

/** Run `fetches` once in a new session after initializing the variables. */
export function runInitialized<const F extends MaybeFetch>(fetches: F, feeds?: tf.FeedDict): tf.FetchResult<F> {
  return tf.withSession(tf.Session(), (s) => {
    s.run(tf.globalVariablesInitializer());
    return s.run(fetches as tf.Fetch, feeds) as tf.FetchResult<F>;
  });
}

/** The float values of an array, as plain numbers. */
export const valuesOf = (a: tf.NDArray): number[] => Array.from(a.data as Float32Array, Number);
