// Gradients of Cumsum and Cumprod (TF 1.12 math_grad.py, `_CumsumGrad`, `_CumprodGrad`).
import { registerGradient } from "../registry";
import { multiply, truediv } from "./binary";
import { cumprod, cumsum } from "./cumulative";

// The sum's gradient runs the other way; the product's divides by x (so it needs x != 0, as in TF).
registerGradient("Cumsum", (op, [g]) => {
  if (!g) return [null, null];
  const exclusive = op.attrBool("exclusive");
  return [cumsum(g, op.inputs[1], { exclusive, reverse: !op.attrBool("reverse") }), null];
});
registerGradient("Cumprod", (op, [g]) => {
  if (!g) return [null, null];
  const [x, axis] = op.inputs;
  const exclusive = op.attrBool("exclusive");
  const reverse = op.attrBool("reverse");
  const prod = cumprod(x, axis, { exclusive, reverse });
  const out = cumsum(multiply(prod, g), axis, { exclusive, reverse: !reverse });
  return [truediv(out, x), null];
});
