import { bool, float64 } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import { broadcastStatic, isFullyDefined } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { convertPair } from "../array/constant";
import { onesLike, reshape, shape, zerosLike } from "../array/shapeOps";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { binaryOpKernel, registerElementwise } from "../../base/kernels/elementwise";
import { GradFn, registerOp } from "../registry";
import { broadcastGradientArgs, reduceSum } from "./reduce";
import { log, neg } from "./unary";
import { cast } from "./cast";
import { select } from "../array/select";

export type TensorLike = unknown;
export interface NameOption {
  name?: string;
}

/** A binary elementwise op: kernel with broadcasting, static broadcast shape, gradient. */
function defineBinary(type: string, f: (a: number, b: number) => number, gradient: GradFn | null, returnsBool = false) {
  registerElementwise(type, 2, f, returnsBool);
  registerOp({
    type,
    outputs: ([x, y]) => [{ dtype: returnsBool ? bool : x.dtype, shape: broadcastStatic(x.shape, y.shape) }],
    kernel: (_op, options) => binaryOpKernel(f, returnsBool ? bool : undefined, options),
    gradient,
  });
}

/** Build a binary op in its own scope (`add`, `Add`, `truediv`...) converting JS values inside it. */
export function binaryOp(type: string, x: TensorLike, y: TensorLike, scopeName: string): Tensor {
  return inOpScope(scopeName, [x, y], (opName, graph) => {
    let [tx, ty] = convertPair(x, y, type);
    if (type === "RealDiv" && tx.dtype.isInteger) {
      // Python 3 true division of integers gives float64, as TF's truediv does.
      tx = cast(tx, float64);
      ty = cast(ty, float64);
    }
    return createOp(graph, type, opName, [tx, ty], { T: attr.type(tx.dtype) }).outputs[0];
  });
}

// --- gradients (TF 1.12 math_grad.py) -------------------------------------------------

function shapesFullyEqual(x: Tensor, y: Tensor, grad: Tensor): boolean {
  return (
    isFullyDefined(x.shape) &&
    isFullyDefined(y.shape) &&
    isFullyDefined(grad.shape) &&
    x.shape.length === y.shape.length &&
    x.shape.every((d, i) => d === (y.shape as number[])[i]) &&
    x.shape.length === grad.shape.length &&
    x.shape.every((d, i) => d === (grad.shape as number[])[i])
  );
}

/** Sum `gx`, `gy` over broadcast dims and reshape back to the inputs' shapes. */
function reduceToInputs(
  op: Operation,
  gx: (() => Tensor) | null,
  gy: (() => Tensor) | null,
  negateY = false,
): (Tensor | null)[] {
  const [x, y] = op.inputs;
  const sx = shape(x);
  const sy = shape(y);
  const [rx, ry] = broadcastGradientArgs(sx, sy);
  const gradX = gx ? reshape(reduceSum(gx(), rx), sx) : null;
  // Sub negates the summed gradient before reshaping it, as TF's _SubGrad does (op order matters for names).
  const sumY = gy ? reduceSum(gy(), ry) : null;
  return [gradX, sumY ? reshape(negateY ? neg(sumY) : sumY, sy) : null];
}

const addGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [grad, grad];
  return reduceToInputs(op, () => grad, () => grad);
};

const subGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [grad, neg(grad)];
  return reduceToInputs(op, () => grad, () => grad, true);
};

const mulGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [multiply(grad, y), multiply(grad, x)];
  return reduceToInputs(op, () => multiply(grad, y), () => multiply(x, grad));
};

const realDivGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(
    op,
    () => realdiv(grad, y),
    () => multiply(grad, realdiv(realdiv(neg(x), y), y)),
  );
};

const maxMinGrad =
  (compare: (a: Tensor, b: Tensor) => Tensor): GradFn =>
  (op, [grad]) => {
    if (!grad) return [null, null];
    const [x, y] = op.inputs;
    const zeros = zerosLike(grad);
    const xmask = compare(x, y);
    return reduceToInputs(
      op,
      () => select(xmask, grad, zeros),
      () => select(xmask, zeros, grad),
    );
  };

const powGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  const z = op.outputs[0];
  return reduceToInputs(
    op,
    () => multiply(multiply(grad, y), pow(x, sub(y, 1))),
    () => {
      // log(x) only where x > 0, else 0: no false -inf/NaN at x <= 0 (as TF does).
      const mask = greater(x, 0);
      const logX = select(mask, log(select(mask, x, onesLike(x))), zerosLike(x));
      return multiply(multiply(grad, z), logX);
    },
  );
};

const squaredDifferenceGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  const xGrad = multiply(multiply(2, grad), sub(x, y));
  return reduceToInputs(op, () => xGrad, () => neg(xGrad));
};

defineBinary("Add", (a, b) => a + b, addGrad);
defineBinary("Sub", (a, b) => a - b, subGrad);
defineBinary("Mul", (a, b) => a * b, mulGrad);
defineBinary("RealDiv", (a, b) => a / b, realDivGrad);
defineBinary("DivNoNan", (a, b) => (b === 0 ? 0 : a / b), (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(
    op,
    () => divNoNan(grad, y),
    () => multiply(grad, divNoNan(divNoNan(neg(x), y), y)),
  );
});
defineBinary("FloorDiv", (a, b) => Math.floor(a / b), null);
// d(x mod y) = dx - floor(x / y) dy
defineBinary("FloorMod", (a, b) => a - Math.floor(a / b) * b, (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(op, () => grad, () => multiply(grad, neg(floordiv(x, y))));
});
defineBinary("Maximum", (a, b) => (a >= b || Number.isNaN(a) ? a : b), maxMinGrad((a, b) => greaterEqual(a, b)));
defineBinary("Minimum", (a, b) => (a <= b || Number.isNaN(a) ? a : b), maxMinGrad((a, b) => lessEqual(a, b)));
defineBinary("Pow", (a, b) => Math.pow(a, b), powGrad);
defineBinary("SquaredDifference", (a, b) => (a - b) * (a - b), squaredDifferenceGrad);
defineBinary("Equal", (a, b) => (a === b ? 1 : 0), null, true);
defineBinary("NotEqual", (a, b) => (a !== b ? 1 : 0), null, true);
defineBinary("Greater", (a, b) => (a > b ? 1 : 0), null, true);
defineBinary("GreaterEqual", (a, b) => (a >= b ? 1 : 0), null, true);
defineBinary("Less", (a, b) => (a < b ? 1 : 0), null, true);
defineBinary("LessEqual", (a, b) => (a <= b ? 1 : 0), null, true);
defineBinary("LogicalAnd", (a, b) => (a && b ? 1 : 0), null, true);
defineBinary("LogicalOr", (a, b) => (a || b ? 1 : 0), null, true);

// --- public wrappers: tf.add & co. use the op type as default name ----------------------

export const add = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Add", x, y, o.name ?? "Add");
export const subtract = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Sub", x, y, o.name ?? "Sub");
export const multiply = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Mul", x, y, o.name ?? "Mul");
/** `tf.div`/`tf.divide`/`tf.truediv`: Python's `/`, default name `truediv`. */
export const truediv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("RealDiv", x, y, o.name ?? "truediv");
export const realdiv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("RealDiv", x, y, o.name ?? "RealDiv");
export const divNoNan = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("DivNoNan", x, y, o.name ?? "div_no_nan");
export const floordiv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("FloorDiv", x, y, o.name ?? "floordiv");
export const mod = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("FloorMod", x, y, o.name ?? "mod");
export const maximum = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Maximum", x, y, o.name ?? "Maximum");
export const minimum = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Minimum", x, y, o.name ?? "Minimum");
export const pow = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Pow", x, y, o.name ?? "Pow");
export const squaredDifference = (x: TensorLike, y: TensorLike, o: NameOption = {}) =>
  binaryOp("SquaredDifference", x, y, o.name ?? "SquaredDifference");
export const equal = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Equal", x, y, o.name ?? "Equal");
export const notEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("NotEqual", x, y, o.name ?? "NotEqual");
export const greater = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Greater", x, y, o.name ?? "Greater");
export const greaterEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) =>
  binaryOp("GreaterEqual", x, y, o.name ?? "GreaterEqual");
export const less = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Less", x, y, o.name ?? "Less");
export const lessEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LessEqual", x, y, o.name ?? "LessEqual");
export const logicalAnd = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LogicalAnd", x, y, o.name ?? "LogicalAnd");
export const logicalOr = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LogicalOr", x, y, o.name ?? "LogicalOr");

const sub = subtract;
