import { bool } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { binaryOpKernel, registerElementwise, unaryOpKernel } from "../../base/kernels/elementwise";
import { registerOp } from "../registry";
import type { NameOption, TensorLike } from "./binary";

function defineUnary(type: string, f: (a: number) => number, gradient?: null, returnsBool = false) {
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
function defineGradKernel(type: string, f: (a: number, dy: number) => number) {
  registerElementwise(type, 2, f);
  registerOp({
    type,
    outputs: ([a]) => [{ dtype: a.dtype, shape: a.shape }],
    kernel: (_op, options) => binaryOpKernel(f, undefined, options),
  });
}

export function unaryOp(type: string, x: TensorLike, name: string): Tensor {
  return inOpScope(name, [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "x" });
    return createOp(graph, type, opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

/** One of the `*Grad` helper ops above, on (y or x, dy). */
export function gradOp(type: string, a: Tensor, b: Tensor): Tensor {
  return inOpScope(type, [a, b], (opName, graph) => createOp(graph, type, opName, [a, b], { T: attr.type(a.dtype) }).outputs[0]);
}

const sigmoidF = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplusF = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

defineUnary("Neg", (a) => -a);
defineUnary("Square", (a) => a * a);
defineUnary("Sqrt", Math.sqrt);
defineUnary("Exp", Math.exp);
defineUnary("Log", Math.log);
defineUnary("Log1p", Math.log1p);
defineUnary("Sin", Math.sin);
defineUnary("Cos", Math.cos);
defineUnary("Tanh", Math.tanh);
defineUnary("Sigmoid", sigmoidF);
defineUnary("Softplus", softplusF);
defineUnary("Relu", (a) => (a > 0 ? a : 0));
defineUnary("Abs", Math.abs);
defineUnary("Sign", (a) => Math.sign(a));
defineUnary("Reciprocal", (a) => 1 / a);
defineUnary("Floor", Math.floor, null);
defineUnary("Ceil", Math.ceil, null);
// TF rounds half to even, as NumPy does.
defineUnary("Round", (a) => (Math.abs(a % 1) === 0.5 ? 2 * Math.round(a / 2) : Math.round(a)), null);
defineUnary("LogicalNot", (a) => (a ? 0 : 1), null, true);
defineUnary("IsNan", (a) => (Number.isNaN(a) ? 1 : 0), null, true);
// SqrtGrad(y, dy) = dy / (2y).
defineGradKernel("SqrtGrad", (y, dy) => (dy * 0.5) / y);
// TanhGrad(y, dy) = dy (1 - y^2).
defineGradKernel("TanhGrad", (y, dy) => dy * (1 - y * y));
// SigmoidGrad(y, dy) = dy y (1 - y).
defineGradKernel("SigmoidGrad", (y, dy) => dy * y * (1 - y));
// ReciprocalGrad(y, dy) = -dy y^2.
defineGradKernel("ReciprocalGrad", (y, dy) => -dy * y * y);
// ReluGrad(dy, x) passes dy where x > 0.
defineGradKernel("ReluGrad", (dy, y) => (y > 0 ? dy : 0));
// SoftplusGrad(dy, x) = dy sigmoid(x).
defineGradKernel("SoftplusGrad", (dy, x) => dy * sigmoidF(x));

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
