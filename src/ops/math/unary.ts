import { bool } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { binaryOpKernel, registerElementwise, unaryOpKernel } from "../../base/kernels/elementwise";
import { GradFn, registerOp } from "../registry";
import { controlDependencies } from "../control/controlFlow";
import { constant } from "../array/constant";
import { add, multiply, subtract, truediv } from "./binary";
import { zerosLike } from "../array/shapeOps";
import type { NameOption, TensorLike } from "./binary";

function defineUnary(type: string, f: (a: number) => number, gradient: GradFn | null, returnsBool = false) {
  registerElementwise(type, 1, f, returnsBool);
  registerOp({
    type,
    outputs: ([x]) => [{ dtype: returnsBool ? bool : x.dtype, shape: x.shape }],
    kernel: (_op, options) => unaryOpKernel(f, returnsBool ? bool : undefined, options),
    gradient,
  });
}

/**
 * Gradient helper ops taking (y or x, dy), named as TF's `*Grad` kernels. Their own gradients
 * (TF's `_*GradGrad`) make second derivatives of the ops above possible.
 */
function defineGradKernel(type: string, f: (a: number, dy: number) => number, gradient: GradFn) {
  registerElementwise(type, 2, f);
  registerOp({
    type,
    outputs: ([a]) => [{ dtype: a.dtype, shape: a.shape }],
    kernel: (_op, options) => binaryOpKernel(f, undefined, options),
    gradient,
  });
}

export function unaryOp(type: string, x: TensorLike, name: string): Tensor {
  return inOpScope(name, [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "x" });
    return createOp(graph, type, opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

function gradOp(type: string, a: Tensor, b: Tensor): Tensor {
  return inOpScope(type, [a, b], (opName, graph) => createOp(graph, type, opName, [a, b], { T: attr.type(a.dtype) }).outputs[0]);
}

const sigmoidF = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplusF = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

defineUnary("Neg", (a) => -a, (_op, [g]) => [g && neg(g)]);
defineUnary("Square", (a) => a * a, (op, [g]) => {
  if (!g) return [null];
  const x = op.inputs[0];
  return controlDependencies([g], () => {
    const two = constant(2.0, { dtype: x.dtype });
    return [multiply(g, multiply(x, two))];
  });
});
defineUnary("Sqrt", Math.sqrt, (op, [g]) => [g && gradOp("SqrtGrad", op.outputs[0], g)]);
defineUnary("Exp", Math.exp, (op, [g]) => [g && controlDependencies([g], () => g.mul(op.outputs[0]))]);
defineUnary("Log", Math.log, (op, [g]) => [g && controlDependencies([g], () => g.mul(reciprocal(op.inputs[0])))]);
defineUnary("Log1p", Math.log1p, (op, [g]) => [g && controlDependencies([g], () => g.mul(reciprocal(op.inputs[0].add(1))))]);
defineUnary("Sin", Math.sin, (op, [g]) => [g && controlDependencies([g], () => g.mul(cos(op.inputs[0])))]);
defineUnary("Cos", Math.cos, (op, [g]) => [g && controlDependencies([g], () => g.neg().mul(sin(op.inputs[0])))]);
defineUnary("Tanh", Math.tanh, (op, [g]) => [g && gradOp("TanhGrad", op.outputs[0], g)]);
defineUnary("Sigmoid", sigmoidF, (op, [g]) => [g && gradOp("SigmoidGrad", op.outputs[0], g)]);
defineUnary("Softplus", softplusF, (op, [g]) => [g && gradOp("SoftplusGrad", g, op.inputs[0])]);
defineUnary("Relu", (a) => (a > 0 ? a : 0), (op, [g]) => [g && gradOp("ReluGrad", g, op.outputs[0])]);
defineUnary("Abs", Math.abs, (op, [g]) => [g && g.mul(sign(op.inputs[0]))]);
defineUnary("Sign", (a) => Math.sign(a), (_op, [g]) => [g && g.mul(0)]);
defineUnary("Reciprocal", (a) => 1 / a, (op, [g]) => [g && gradOp("ReciprocalGrad", op.outputs[0], g)]);
defineUnary("Floor", Math.floor, null);
defineUnary("Ceil", Math.ceil, null);
// TF rounds half to even, as NumPy does.
defineUnary("Round", (a) => (Math.abs(a % 1) === 0.5 ? 2 * Math.round(a / 2) : Math.round(a)), null);
defineUnary("LogicalNot", (a) => (a ? 0 : 1), null, true);
defineUnary("IsNan", (a) => (Number.isNaN(a) ? 1 : 0), null, true);

// SqrtGrad(y, dy) = dy / (2y): d/dy = -grad * out / y, d/d(dy) = grad / (2y).
defineGradKernel("SqrtGrad", (y, dy) => (dy * 0.5) / y, (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const ga = truediv(grad, op.inputs[0]);
    return [multiply(neg(ga), op.outputs[0]), multiply(ga, 0.5)];
  });
});
// TanhGrad(y, dy) = dy (1 - y^2): d/dy = -2 grad dy y, d/d(dy) = TanhGrad(y, grad).
defineGradKernel("TanhGrad", (y, dy) => dy * (1 - y * y), (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [y, dy] = op.inputs;
    return [multiply(multiply(multiply(grad, -2.0), dy), y), gradOp("TanhGrad", y, grad)];
  });
});
// SigmoidGrad(y, dy) = dy y (1 - y): d/dy = grad dy (1 - 2y), d/d(dy) = SigmoidGrad(y, grad).
defineGradKernel("SigmoidGrad", (y, dy) => dy * y * (1 - y), (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [y, dy] = op.inputs;
    const gb = multiply(grad, dy);
    return [subtract(gb, multiply(multiply(gb, 2.0), y)), gradOp("SigmoidGrad", y, grad)];
  });
});
// ReciprocalGrad(y, dy) = -dy y^2: d/dy = -2 grad dy y, d/d(dy) = ReciprocalGrad(y, grad).
defineGradKernel("ReciprocalGrad", (y, dy) => -dy * y * y, (op, [grad]) => {
  if (!grad) return [null, null];
  const [y, dy] = op.inputs;
  return [multiply(multiply(multiply(grad, -2.0), dy), y), gradOp("ReciprocalGrad", y, grad)];
});
// ReluGrad(dy, x) passes dy where x > 0: linear in dy, piecewise constant in x.
defineGradKernel("ReluGrad", (dy, y) => (y > 0 ? dy : 0), (op, [grad]) => {
  if (!grad) return [null, null];
  const x = op.inputs[1];
  return [gradOp("ReluGrad", grad, x), zerosLike(x)];
});
// SoftplusGrad(dy, x) = dy sigmoid(x): d/d(dy) = SoftplusGrad(grad, x), d/dx = grad dy / (e^-x + 2 + e^x).
defineGradKernel("SoftplusGrad", (dy, x) => dy * sigmoidF(x), (op, [grad]) => {
  if (!grad) return [null, null];
  return controlDependencies([grad], () => {
    const [dy, x] = op.inputs;
    const denominator = add(add(exp(neg(x)), 2.0), exp(x));
    return [gradOp("SoftplusGrad", grad, x), truediv(multiply(grad, dy), denominator)];
  });
});

export const neg = (x: TensorLike, o: NameOption = {}) => unaryOp("Neg", x, o.name ?? "Neg");
export const square = (x: TensorLike, o: NameOption = {}) => unaryOp("Square", x, o.name ?? "Square");
export const sqrt = (x: TensorLike, o: NameOption = {}) => unaryOp("Sqrt", x, o.name ?? "Sqrt");
export const exp = (x: TensorLike, o: NameOption = {}) => unaryOp("Exp", x, o.name ?? "Exp");
export const log = (x: TensorLike, o: NameOption = {}) => unaryOp("Log", x, o.name ?? "Log");
export const log1p = (x: TensorLike, o: NameOption = {}) => unaryOp("Log1p", x, o.name ?? "Log1p");
export const sin = (x: TensorLike, o: NameOption = {}) => unaryOp("Sin", x, o.name ?? "Sin");
export const cos = (x: TensorLike, o: NameOption = {}) => unaryOp("Cos", x, o.name ?? "Cos");
export const tanh = (x: TensorLike, o: NameOption = {}) => unaryOp("Tanh", x, o.name ?? "Tanh");
export const sigmoid = (x: TensorLike, o: NameOption = {}) => unaryOp("Sigmoid", x, o.name ?? "Sigmoid");
export const softplus = (x: TensorLike, o: NameOption = {}) => unaryOp("Softplus", x, o.name ?? "Softplus");
export const relu = (x: TensorLike, o: NameOption = {}) => unaryOp("Relu", x, o.name ?? "Relu");
export const abs = (x: TensorLike, o: NameOption = {}) => unaryOp("Abs", x, o.name ?? "Abs");
export const sign = (x: TensorLike, o: NameOption = {}) => unaryOp("Sign", x, o.name ?? "Sign");
export const reciprocal = (x: TensorLike, o: NameOption = {}) => unaryOp("Reciprocal", x, o.name ?? "Reciprocal");
export const floor = (x: TensorLike, o: NameOption = {}) => unaryOp("Floor", x, o.name ?? "Floor");
export const ceil = (x: TensorLike, o: NameOption = {}) => unaryOp("Ceil", x, o.name ?? "Ceil");
export const round = (x: TensorLike, o: NameOption = {}) => unaryOp("Round", x, o.name ?? "Round");
export const logicalNot = (x: TensorLike, o: NameOption = {}) => unaryOp("LogicalNot", x, o.name ?? "LogicalNot");
export const isNan = (x: TensorLike, o: NameOption = {}) => unaryOp("IsNan", x, o.name ?? "IsNan");
