import type { Operation } from "../../graph/operation";
import { group, noOp } from "../control/controlFlow";
import { globalVariables, Variable } from "./variable";

/** `tf.variables_initializer(var_list, name="init")`: one NoOp running every initializer. */
export function variablesInitializer(varList: Variable[], options: { name?: string } = {}): Operation {
  const name = options.name ?? "init";
  if (!varList.length) return noOp({ name });
  return group(varList.map((v) => v.initializer), { name });
}

/** `tf.global_variables_initializer()`: the op named `init` that initialises all global variables. */
export function globalVariablesInitializer(): Operation {
  return variablesInitializer(globalVariables());
}
