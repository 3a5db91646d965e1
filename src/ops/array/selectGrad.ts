// Select's gradient (TF 1.12 math_grad.py, `_SelectGrad`), registered after the forward op.
import { registerGradient } from "../registry";
import { select } from "./select";
import { zerosLike } from "./shapeOps";

registerGradient("Select", (op, [g]) => {
  if (!g) return [null, null, null];
  const zeros = zerosLike(g);
  const c = op.inputs[0];
  return [null, select(c, g, zeros), select(c, zeros, g)];
});
