import { bool, float64 } from "../../base/dtypes";
import { broadcastStatic } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { convertPair } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { binaryOpKernel, registerElementwise } from "../../base/kernels/elementwise";
import { registerOp } from "../registry";
import { cast } from "./cast";

export type TensorLike = unknown;
export interface NameOption {
  name?: string;
}

/**
 * A binary elementwise op: kernel with broadcasting and static broadcast shape. The comparisons and
 * FloorDiv are declared non-differentiable here; the others get theirs from binaryGrad.ts.
 */
function defineBinary(type: string, f: (a: number, b: number) => number, gradient?: null, returnsBool = false) {
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

defineBinary("Add", (a, b) => a + b);
defineBinary("Sub", (a, b) => a - b);
defineBinary("Mul", (a, b) => a * b);
defineBinary("RealDiv", (a, b) => a / b);
defineBinary("DivNoNan", (a, b) => (b === 0 ? 0 : a / b));
defineBinary("FloorDiv", (a, b) => Math.floor(a / b), null);
defineBinary("FloorMod", (a, b) => a - Math.floor(a / b) * b);
defineBinary("Maximum", (a, b) => (a >= b || Number.isNaN(a) ? a : b));
defineBinary("Minimum", (a, b) => (a <= b || Number.isNaN(a) ? a : b));
defineBinary("Pow", (a, b) => Math.pow(a, b));
defineBinary("SquaredDifference", (a, b) => (a - b) * (a - b));
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

