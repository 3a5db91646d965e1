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

/**
 * The elementwise negation `-x`; also exported as `tf.negative`.
 * Mirrors TF 1.x `tf.negative` (tensorflow/core/ops/math_ops.cc, `Neg`; Python wrapper generated in gen_math_ops.py, `neg`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Neg")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const n = tf.neg(tf.constant([1, -2])); // [-1, 2]
 * ```
 */
export const neg = (x: TensorLike, o: NameOption = {}) => unaryOp("Neg", x, o.name ?? "Neg");
/**
 * The elementwise square `x * x`.
 * Mirrors TF 1.x `tf.square` (tensorflow/python/ops/math_ops.py, `square`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Square")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const sq = tf.square(tf.constant([2, -3])); // [4, 9]
 * ```
 */
export const square = (x: TensorLike, o: NameOption = {}) => unaryOp("Square", x, o.name ?? "Square");
/**
 * The elementwise square root (NaN for negative values).
 * Mirrors TF 1.x `tf.sqrt` (tensorflow/python/ops/math_ops.py, `sqrt`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Sqrt")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const r = tf.sqrt(tf.constant([4, 9])); // [2, 3]
 * ```
 */
export const sqrt = (x: TensorLike, o: NameOption = {}) => unaryOp("Sqrt", x, o.name ?? "Sqrt");
/**
 * The elementwise exponential `e ** x`.
 * Mirrors TF 1.x `tf.exp` (tensorflow/python/ops/math_ops.py, `exp`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Exp")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const e = tf.exp(tf.constant([0, 1])); // [1, 2.718...]
 * ```
 */
export const exp = (x: TensorLike, o: NameOption = {}) => unaryOp("Exp", x, o.name ?? "Exp");
/**
 * The elementwise natural logarithm (-Infinity at 0, NaN below).
 * Mirrors TF 1.x `tf.log` (tensorflow/core/ops/math_ops.cc, `Log`; Python wrapper generated in gen_math_ops.py, `log`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Log")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const l = tf.log(tf.constant([1, Math.E])); // [0, 1]
 * ```
 */
export const log = (x: TensorLike, o: NameOption = {}) => unaryOp("Log", x, o.name ?? "Log");
/**
 * The elementwise `log(1 + x)`, accurate for small `x`.
 * Mirrors TF 1.x `tf.log1p` (tensorflow/core/ops/math_ops.cc, `Log1p`; Python wrapper generated in gen_math_ops.py, `log1p`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Log1p")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const l = tf.log1p(tf.constant([0, 1e-7]));
 * ```
 */
export const log1p = (x: TensorLike, o: NameOption = {}) => unaryOp("Log1p", x, o.name ?? "Log1p");
/**
 * The elementwise sine (radians).
 * Mirrors TF 1.x `tf.sin` (tensorflow/core/ops/math_ops.cc, `Sin`; Python wrapper generated in gen_math_ops.py, `sin`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Sin")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const s = tf.sin(tf.constant([0, Math.PI / 2])); // [0, 1]
 * ```
 */
export const sin = (x: TensorLike, o: NameOption = {}) => unaryOp("Sin", x, o.name ?? "Sin");
/**
 * The elementwise cosine (radians).
 * Mirrors TF 1.x `tf.cos` (tensorflow/core/ops/math_ops.cc, `Cos`; Python wrapper generated in gen_math_ops.py, `cos`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Cos")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const c = tf.cos(tf.constant([0, Math.PI])); // [1, -1]
 * ```
 */
export const cos = (x: TensorLike, o: NameOption = {}) => unaryOp("Cos", x, o.name ?? "Cos");
/**
 * The elementwise hyperbolic tangent; also `tf.nn.tanh`.
 * Mirrors TF 1.x `tf.tanh` (tensorflow/python/ops/math_ops.py, `tanh`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Tanh")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const t = tf.tanh(tf.constant([0, 100])); // [0, 1]
 * ```
 */
export const tanh = (x: TensorLike, o: NameOption = {}) => unaryOp("Tanh", x, o.name ?? "Tanh");
/**
 * The elementwise logistic function `1 / (1 + e ** -x)`, computed without overflow; also `tf.nn.sigmoid`.
 * Mirrors TF 1.x `tf.sigmoid` (tensorflow/python/ops/math_ops.py, `sigmoid`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Sigmoid")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const p = tf.sigmoid(tf.constant([0, 20])); // [0.5, ~1]
 * ```
 */
export const sigmoid = (x: TensorLike, o: NameOption = {}) => unaryOp("Sigmoid", x, o.name ?? "Sigmoid");
/**
 * The elementwise softplus `log(1 + e ** x)`, computed without overflow; exported as `tf.nn.softplus`.
 * Mirrors TF 1.x `tf.nn.softplus` (tensorflow/core/ops/nn_ops.cc, `Softplus`; Python wrapper generated in gen_nn_ops.py, `softplus`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Softplus")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const sp = tf.nn.softplus(tf.constant([0, 10])); // [0.693..., 10.00005]
 * ```
 */
export const softplus = (x: TensorLike, o: NameOption = {}) => unaryOp("Softplus", x, o.name ?? "Softplus");
/**
 * The elementwise rectified linear unit `max(x, 0)`; exported as `tf.nn.relu`.
 * Mirrors TF 1.x `tf.nn.relu` (tensorflow/core/ops/nn_ops.cc, `Relu`; Python wrapper generated in gen_nn_ops.py, `relu`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Relu")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const hidden = tf.nn.relu(tf.constant([-1, 2])); // [0, 2]
 * ```
 */
export const relu = (x: TensorLike, o: NameOption = {}) => unaryOp("Relu", x, o.name ?? "Relu");
/**
 * The elementwise absolute value.
 * Mirrors TF 1.x `tf.abs` (tensorflow/python/ops/math_ops.py, `abs`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Abs")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const a = tf.abs(tf.constant([-1.5, 2])); // [1.5, 2]
 * ```
 */
export const abs = (x: TensorLike, o: NameOption = {}) => unaryOp("Abs", x, o.name ?? "Abs");
/**
 * The elementwise sign: -1, 0 or 1.
 * Mirrors TF 1.x `tf.sign` (tensorflow/python/ops/math_ops.py, `sign`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Sign")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const s = tf.sign(tf.constant([-3, 0, 2])); // [-1, 0, 1]
 * ```
 */
export const sign = (x: TensorLike, o: NameOption = {}) => unaryOp("Sign", x, o.name ?? "Sign");
/**
 * The elementwise reciprocal `1 / x`.
 * Mirrors TF 1.x `tf.reciprocal` (tensorflow/core/ops/math_ops.cc, `Reciprocal`; Python wrapper generated in gen_math_ops.py, `reciprocal`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Reciprocal")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const r = tf.reciprocal(tf.constant([2, 4])); // [0.5, 0.25]
 * ```
 */
export const reciprocal = (x: TensorLike, o: NameOption = {}) => unaryOp("Reciprocal", x, o.name ?? "Reciprocal");
/**
 * The elementwise largest integer not above `x` (same dtype).
 * Mirrors TF 1.x `tf.floor` (tensorflow/python/ops/math_ops.py, `floor`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Floor")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const f = tf.floor(tf.constant([1.7, -1.2])); // [1, -2]
 * ```
 */
export const floor = (x: TensorLike, o: NameOption = {}) => unaryOp("Floor", x, o.name ?? "Floor");
/**
 * The elementwise smallest integer not below `x` (same dtype).
 * Mirrors TF 1.x `tf.ceil` (tensorflow/core/ops/math_ops.cc, `Ceil`; Python wrapper generated in gen_math_ops.py, `ceil`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Ceil")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const c = tf.ceil(tf.constant([1.2, -1.7])); // [2, -1]
 * ```
 */
export const ceil = (x: TensorLike, o: NameOption = {}) => unaryOp("Ceil", x, o.name ?? "Ceil");
/**
 * Elementwise rounding to the nearest integer, halves to even (as NumPy and TF do).
 * Mirrors TF 1.x `tf.round` (tensorflow/python/ops/math_ops.py, `round`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Round")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const r = tf.round(tf.constant([0.5, 1.5, 2.4])); // [0, 2, 2]
 * ```
 */
export const round = (x: TensorLike, o: NameOption = {}) => unaryOp("Round", x, o.name ?? "Round");
/**
 * Elementwise NOT of a bool tensor.
 * Mirrors TF 1.x `tf.logical_not` (tensorflow/core/ops/math_ops.cc, `LogicalNot`; Python wrapper generated in gen_math_ops.py, `logical_not`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "LogicalNot")
 * @returns a tensor of `x`'s shape
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const flipped = tf.logicalNot(tf.constant([true, false])); // [false, true]
 * ```
 */
export const logicalNot = (x: TensorLike, o: NameOption = {}) => unaryOp("LogicalNot", x, o.name ?? "LogicalNot");
/**
 * Elementwise test for NaN, as a bool tensor.
 * Mirrors TF 1.x `tf.is_nan` (tensorflow/core/ops/math_ops.cc, `IsNan`; Python wrapper generated in gen_math_ops.py, `is_nan`).
 * @param x - a tensor, Variable or JS value
 * @param o.name - the op's name (default "IsNan")
 * @returns a tensor of `x`'s shape (bool)
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const bad = tf.isNan(tf.constant([1, NaN])); // [false, true]
 * ```
 */
export const isNan = (x: TensorLike, o: NameOption = {}) => unaryOp("IsNan", x, o.name ?? "IsNan");
