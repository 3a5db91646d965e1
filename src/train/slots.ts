import { withGraphNameScope } from "../graph/nameScope";
import { getDefaultGraph } from "../graph/graph";
import type { Initializer } from "../ops/state/initializers";
import { zerosInitializer } from "../ops/state/initializers";
import { Variable } from "../ops/state/variable";
import { getVariable, variableScope } from "../ops/state/variableScope";

/**
 * An optimizer slot (TF's slot_creator): a non-trainable variable named `<var>/<Optimizer>`
 * (`theta/Momentum`; a second slot of the same optimizer gets `theta/Adam_1`), shaped like `v`.
 */
export function createSlot(v: Variable, opName: string, init: Initializer | null): Variable {
  const shape = v.shape as number[];
  return withGraphNameScope(getDefaultGraph(), null, () =>
    variableScope(null, { defaultName: `${v.op.name}/${opName}` }, () =>
      getVariable("", { shape, dtype: v.dtype, initializer: init ?? zerosInitializer(), trainable: false }),
    ),
  );
}
