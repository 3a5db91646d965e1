import type { Operation } from "../../graph/operation";
import { group, noOp } from "../control/controlFlow";
import { globalVariables, Variable } from "./variable";

/**
 * One op that runs the initializers of the given variables (a `NoOp` grouping them; a bare `NoOp` for an
 * empty list).
 * Mirrors TF 1.x `tf.variables_initializer` (tensorflow/python/ops/variables.py, `variables_initializer`).
 * @param varList - the variables to initialize
 * @param options.name - the op's name (default "init")
 * @returns the grouping operation
 * @example
 * ```ts
 * const a = tf.Variable(1.0);
 * const initA = tf.variablesInitializer([a], { name: "init_a" });
 * ```
 */
export function variablesInitializer(varList: Variable[], options: { name?: string } = {}): Operation {
  const name = options.name ?? "init";
  if (!varList.length) return noOp({ name });
  return group(varList.map((v) => v.initializer), { name });
}

/**
 * The op named `init` that initializes every global variable created so far; also exported as
 * `tf.initializeAllVariables`, TF's older name.
 * Mirrors TF 1.x `tf.global_variables_initializer` (tensorflow/python/ops/variables.py,
 * `global_variables_initializer`).
 * @returns the grouping operation
 * @example
 * ```ts
 * const x = tf.Variable(3, { name: "x" });
 * const init = tf.globalVariablesInitializer();
 * tf.withSession(tf.Session(), (sess) => { sess.run(init); });
 * ```
 */
export function globalVariablesInitializer(): Operation {
  return variablesInitializer(globalVariables());
}
