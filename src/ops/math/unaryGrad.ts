// Gradients of the unary elementwise ops and of their `*Grad` helper ops (TF 1.12 math_grad.py,
// `_*Grad` and `_*GradGrad`), registered after the forward ops of unary.ts.
import { constant } from "../array/constant";
import { zerosLike } from "../array/shapeOps";
import { controlDependencies } from "../control/controlFlow";
import { registerGradient } from "../registry";
import { add, multiply, subtract, truediv } from "./binary";
import { cos, exp, gradOp, neg, reciprocal, sign, sin } from "./unary";

registerGradient("Neg", (_op, [g]) => [g && neg(g)]);
registerGradient("Square", (op, [g]) => {
  if (!g) return [null];
  const x = op.inputs[0];
  return controlDependencies([g], () => {
    const two = constant(2.0, { dtype: x.dtype });
    return [multiply(g, multiply(x, two))];
  });
});
registerGradient("Sqrt", (op, [g]) => [g && gradOp("SqrtGrad", op.outputs[0], g)]);
registerGradient("Exp", (op, [g]) => [g && controlDependencies([g], () => g.mul(op.outputs[0]))]);
registerGradient("Log", (op, [g]) => [g && controlDependencies([g], () => g.mul(reciprocal(op.inputs[0])))]);
registerGradient("Log1p", (op, [g]) => [g && controlDependencies([g], () => g.mul(reciprocal(op.inputs[0].add(1))))]);
registerGradient("Sin", (op, [g]) => [g && controlDependencies([g], () => g.mul(cos(op.inputs[0])))]);
registerGradient("Cos", (op, [g]) => [g && controlDependencies([g], () => g.neg().mul(sin(op.inputs[0])))]);
registerGradient("Tanh", (op, [g]) => [g && gradOp("TanhGrad", op.outputs[0], g)]);
registerGradient("Sigmoid", (op, [g]) => [g && gradOp("SigmoidGrad", op.outputs[0], g)]);
registerGradient("Softplus", (op, [g]) => [g && gradOp("SoftplusGrad", g, op.inputs[0])]);
registerGradient("Relu", (op, [g]) => [g && gradOp("ReluGrad", g, op.outputs[0])]);
registerGradient("Abs", (op, [g]) => [g && g.mul(sign(op.inputs[0]))]);
registerGradient("Sign", (_op, [g]) => [g && g.mul(0)]);
registerGradient("Reciprocal", (op, [g]) => [g && gradOp("ReciprocalGrad", op.outputs[0], g)]);
// SqrtGrad(y, dy) = dy / (2y): d/dy = -grad * out / y, d/d(dy) = grad / (2y).
registerGradient("SqrtGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const ga = truediv(grad, op.inputs[0]);
    return [multiply(neg(ga), op.outputs[0]), multiply(ga, 0.5)];
  });
});
// TanhGrad(y, dy) = dy (1 - y^2): d/dy = -2 grad dy y, d/d(dy) = TanhGrad(y, grad).
registerGradient("TanhGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [y, dy] = op.inputs;
    return [multiply(multiply(multiply(grad, -2.0), dy), y), gradOp("TanhGrad", y, grad)];
  });
});
// SigmoidGrad(y, dy) = dy y (1 - y): d/dy = grad dy (1 - 2y), d/d(dy) = SigmoidGrad(y, grad).
registerGradient("SigmoidGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [y, dy] = op.inputs;
    const gb = multiply(grad, dy);
    return [subtract(gb, multiply(multiply(gb, 2.0), y)), gradOp("SigmoidGrad", y, grad)];
  });
});
// ReciprocalGrad(y, dy) = -dy y^2: d/dy = -2 grad dy y, d/d(dy) = ReciprocalGrad(y, grad).
registerGradient("ReciprocalGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  const [y, dy] = op.inputs;
  return [multiply(multiply(multiply(grad, -2.0), dy), y), gradOp("ReciprocalGrad", y, grad)];
});
// ReluGrad(dy, x) passes dy where x > 0: linear in dy, piecewise constant in x.
registerGradient("ReluGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  const x = op.inputs[1];
  return [gradOp("ReluGrad", grad, x), zerosLike(x)];
});
// SoftplusGrad(dy, x) = dy sigmoid(x): d/d(dy) = SoftplusGrad(grad, x), d/dx = grad dy / (e^-x + 2 + e^x).
registerGradient("SoftplusGrad", (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [dy, x] = op.inputs;
    const denominator = add(add(exp(neg(x)), 2.0), exp(x));
    return [gradOp("SoftplusGrad", grad, x), truediv(multiply(grad, dy), denominator)];
  });
});
