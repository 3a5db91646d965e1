import { bool, float64 } from "../../base/dtypes";
import { broadcastStatic } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { convertPair } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { binaryOpKernel, registerElementwise } from "../../base/kernels/elementwise";
import { registerOp } from "../registry";
import { cast } from "./cast";

/** What ops accept as an operand: a {@link Tensor}, a Variable, an {@link NDArray} or a (nested) JS value. */
export type TensorLike = unknown;
/** The options of ops whose only option is their name. */
export interface NameOption {
  /** The op's name (made unique in the current name scope); each op has its own default. */
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

/**
 * The elementwise sum `x + y`, with NumPy broadcasting.
 * Mirrors TF 1.x `tf.add` (tensorflow/core/ops/math_ops.cc, `Add`; Python wrapper generated in gen_math_ops.py, `add`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Add")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const s = tf.add(tf.constant([1, 2]), 10); // [11, 12]
 * ```
 */
export const add = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Add", x, y, o.name ?? "Add");
/**
 * The elementwise difference `x - y`, with broadcasting.
 * Mirrors TF 1.x `tf.subtract` (tensorflow/python/ops/math_ops.py, `subtract`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Sub")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const error = tf.subtract(tf.constant([3, 5]), tf.constant([1, 1])); // [2, 4]
 * ```
 */
export const subtract = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Sub", x, y, o.name ?? "Sub");
/**
 * The elementwise product `x * y`, with broadcasting (not a matrix product: see {@link matmul}).
 * Mirrors TF 1.x `tf.multiply` (tensorflow/python/ops/math_ops.py, `multiply`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Mul")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const scaled = tf.multiply(tf.constant([1, 2, 3]), 2); // [2, 4, 6]
 * ```
 */
export const multiply = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Mul", x, y, o.name ?? "Mul");
/**
 * Python 3 division `x / y`, with broadcasting; integer inputs are cast to float64 first, as TF's
 * `truediv` does. Exported as `tf.truediv`, `tf.div` and `tf.divide`.
 * Mirrors TF 1.x `tf.truediv` (tensorflow/python/ops/math_ops.py, `truediv`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "truediv")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const half = tf.truediv(tf.constant([1, 3]), 2); // [0.5, 1.5]
 * ```
 */
export const truediv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("RealDiv", x, y, o.name ?? "truediv");
/**
 * Elementwise real division `x / y` (a `RealDiv` op) without `truediv`'s integer cast; default name `RealDiv`.
 * Mirrors TF 1.x `tf.realdiv` (tensorflow/core/ops/math_ops.cc, `RealDiv`; Python wrapper generated in gen_math_ops.py, `real_div`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "RealDiv")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const q = tf.realdiv(tf.constant([1.0, 3.0]), tf.constant([2.0, 4.0])); // [0.5, 0.75]
 * ```
 */
export const realdiv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("RealDiv", x, y, o.name ?? "RealDiv");
/**
 * Elementwise `x / y`, but 0 wherever `y` is 0 (no NaN or infinity).
 * Mirrors TF 1.x `tf.div_no_nan` (tensorflow/python/ops/math_ops.py, `div_no_nan`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "div_no_nan")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const r = tf.divNoNan(tf.constant([1, 2]), tf.constant([0, 4])); // [0, 0.5]
 * ```
 */
export const divNoNan = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("DivNoNan", x, y, o.name ?? "div_no_nan");
/**
 * Elementwise division rounded down, `x // y` in Python.
 * Mirrors TF 1.x `tf.floordiv` (tensorflow/python/ops/math_ops.py, `floordiv`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "floordiv")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const q = tf.floordiv(tf.constant([7, -7], tf.int32), 2); // [3, -4]
 * ```
 */
export const floordiv = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("FloorDiv", x, y, o.name ?? "floordiv");
/**
 * The elementwise remainder of floored division (sign of `y`), Python's `x % y`.
 * Mirrors TF 1.x `tf.mod` (tensorflow/python/ops/math_ops.py, `mod` (op `FloorMod`)).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "mod")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const r = tf.mod(tf.constant([7, -7], tf.int32), 3); // [1, 2]
 * ```
 */
export const mod = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("FloorMod", x, y, o.name ?? "mod");
/**
 * The elementwise larger of `x` and `y`, with broadcasting (NaN in `x` wins).
 * Mirrors TF 1.x `tf.maximum` (tensorflow/core/ops/math_ops.cc, `Maximum`; Python wrapper generated in gen_math_ops.py, `maximum`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Maximum")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const relu = tf.maximum(tf.constant([-1, 2]), 0); // [0, 2]
 * ```
 */
export const maximum = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Maximum", x, y, o.name ?? "Maximum");
/**
 * The elementwise smaller of `x` and `y`, with broadcasting (NaN in `x` wins).
 * Mirrors TF 1.x `tf.minimum` (tensorflow/core/ops/math_ops.cc, `Minimum`; Python wrapper generated in gen_math_ops.py, `minimum`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Minimum")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const capped = tf.minimum(tf.constant([1, 9]), 5); // [1, 5]
 * ```
 */
export const minimum = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Minimum", x, y, o.name ?? "Minimum");
/**
 * The elementwise power `x ** y`, with broadcasting.
 * Mirrors TF 1.x `tf.pow` (tensorflow/python/ops/math_ops.py, `pow`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Pow")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const cubes = tf.pow(tf.constant([1, 2, 3]), 3); // [1, 8, 27]
 * ```
 */
export const pow = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Pow", x, y, o.name ?? "Pow");
/**
 * The elementwise `(x - y) ** 2`, with broadcasting.
 * Mirrors TF 1.x `tf.squared_difference` (tensorflow/core/ops/math_ops.cc, `SquaredDifference`; Python wrapper generated in gen_math_ops.py, `squared_difference`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "SquaredDifference")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const se = tf.squaredDifference(tf.constant([1, 4]), tf.constant([3, 4])); // [4, 0]
 * ```
 */
export const squaredDifference = (x: TensorLike, y: TensorLike, o: NameOption = {}) =>
  binaryOp("SquaredDifference", x, y, o.name ?? "SquaredDifference");
/**
 * Elementwise `x == y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.equal` (tensorflow/core/ops/math_ops.cc, `Equal`; Python wrapper generated in gen_math_ops.py, `equal`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Equal")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const same = tf.equal(tf.constant([1, 2]), tf.constant([1, 3])); // [true, false]
 * ```
 */
export const equal = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Equal", x, y, o.name ?? "Equal");
/**
 * Elementwise `x != y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.not_equal` (tensorflow/core/ops/math_ops.cc, `NotEqual`; Python wrapper generated in gen_math_ops.py, `not_equal`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "NotEqual")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const diff = tf.notEqual(tf.constant([1, 2]), 2); // [true, false]
 * ```
 */
export const notEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("NotEqual", x, y, o.name ?? "NotEqual");
/**
 * Elementwise `x > y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.greater` (tensorflow/core/ops/math_ops.cc, `Greater`; Python wrapper generated in gen_math_ops.py, `greater`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Greater")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const positive = tf.greater(tf.constant([-1, 3]), 0); // [false, true]
 * ```
 */
export const greater = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Greater", x, y, o.name ?? "Greater");
/**
 * Elementwise `x >= y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.greater_equal` (tensorflow/core/ops/math_ops.cc, `GreaterEqual`; Python wrapper generated in gen_math_ops.py, `greater_equal`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "GreaterEqual")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const ge = tf.greaterEqual(tf.constant([1, 2]), 2); // [false, true]
 * ```
 */
export const greaterEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) =>
  binaryOp("GreaterEqual", x, y, o.name ?? "GreaterEqual");
/**
 * Elementwise `x < y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.less` (tensorflow/core/ops/math_ops.cc, `Less`; Python wrapper generated in gen_math_ops.py, `less`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "Less")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const lt = tf.less(tf.constant([1, 2]), 2); // [true, false]
 * ```
 */
export const less = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("Less", x, y, o.name ?? "Less");
/**
 * Elementwise `x <= y` as a bool tensor, with broadcasting.
 * Mirrors TF 1.x `tf.less_equal` (tensorflow/core/ops/math_ops.cc, `LessEqual`; Python wrapper generated in gen_math_ops.py, `less_equal`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "LessEqual")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const le = tf.lessEqual(tf.constant([1, 2]), 1); // [true, false]
 * ```
 */
export const lessEqual = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LessEqual", x, y, o.name ?? "LessEqual");
/**
 * Elementwise AND of two bool tensors, with broadcasting.
 * Mirrors TF 1.x `tf.logical_and` (tensorflow/core/ops/math_ops.cc, `LogicalAnd`; Python wrapper generated in gen_math_ops.py, `logical_and`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "LogicalAnd")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const both = tf.logicalAnd(tf.constant([true, true]), tf.constant([true, false])); // [true, false]
 * ```
 */
export const logicalAnd = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LogicalAnd", x, y, o.name ?? "LogicalAnd");
/**
 * Elementwise OR of two bool tensors, with broadcasting.
 * Mirrors TF 1.x `tf.logical_or` (tensorflow/core/ops/math_ops.cc, `LogicalOr`; Python wrapper generated in gen_math_ops.py, `logical_or`).
 * @param x - a tensor, Variable or JS value (a JS value takes the other operand's dtype)
 * @param y - a tensor, Variable or JS value
 * @param o.name - the op's name (default "LogicalOr")
 * @returns the result tensor
 * @throws TypeError when the operands' dtypes differ
 * @throws {@link ValueError} when the static shapes can't broadcast
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes can't broadcast
 * @example
 * ```ts
 * const either = tf.logicalOr(tf.constant([false, true]), false); // [false, true]
 * ```
 */
export const logicalOr = (x: TensorLike, y: TensorLike, o: NameOption = {}) => binaryOp("LogicalOr", x, y, o.name ?? "LogicalOr");

