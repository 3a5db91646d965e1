import { GraphKeys, getDefaultGraph } from "../graph/graph";
import { int64 } from "../base/dtypes";
import { ValueError } from "../base/errors";
import { Variable, createVariable } from "../ops/state/variable";

/**
 * The default graph's global-step variable (the first of the `global_step` collection), or null.
 * Mirrors TF 1.x `tf.train.get_global_step()` (tensorflow/python/training/training_util.py,
 * `get_global_step`).
 * @returns The variable, or null when none was created.
 * @example
 * ```ts
 * const step = tf.train.getGlobalStep(); // null in a fresh graph
 * ```
 */
export function getGlobalStep(): Variable | null {
  const steps = getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_STEP);
  return steps[0] ?? null;
}

/**
 * Creates the global step: an int64 variable `global_step` starting at 0, not trainable, in the
 * `global_step` collection. Mirrors TF 1.x `tf.train.create_global_step()`
 * (tensorflow/python/training/training_util.py, `create_global_step`).
 * @returns The new variable.
 * @throws {@link ValueError} when the graph already has a global step.
 * @example
 * ```ts
 * const globalStep = tf.train.createGlobalStep();
 * ```
 */
export function createGlobalStep(): Variable {
  if (getGlobalStep()) throw new ValueError('"global_step" already exists.');
  return createVariable(0, {
    name: "global_step",
    dtype: int64,
    trainable: false,
    collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
  });
}

/**
 * The global step, created first when the graph has none.
 * Mirrors TF 1.x `tf.train.get_or_create_global_step()` (tensorflow/python/training/training_util.py,
 * `get_or_create_global_step`).
 * @returns The graph's global-step variable.
 * @example
 * ```ts
 * const w = tf.Variable(1.0);
 * const step = tf.train.getOrCreateGlobalStep();
 * const trainOp = tf.train.GradientDescentOptimizer(0.1).minimize(tf.square(w), { globalStep: step });
 * ```
 */
export function getOrCreateGlobalStep(): Variable {
  return getGlobalStep() ?? createGlobalStep();
}
