import { GraphKeys, getDefaultGraph } from "../graph/graph";
import { int64 } from "../base/dtypes";
import { ValueError } from "../base/errors";
import { Variable, createVariable } from "../ops/state/variable";

/** `tf.train.get_global_step()`: the graph's global-step variable, or null. */
export function getGlobalStep(): Variable | null {
  const steps = getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_STEP);
  return steps[0] ?? null;
}

/** `tf.train.create_global_step()`: an int64 variable `global_step`, not trainable. */
export function createGlobalStep(): Variable {
  if (getGlobalStep()) throw new ValueError('"global_step" already exists.');
  return createVariable(0, {
    name: "global_step",
    dtype: int64,
    trainable: false,
    collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
  });
}

export function getOrCreateGlobalStep(): Variable {
  return getGlobalStep() ?? createGlobalStep();
}
