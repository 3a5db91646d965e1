import { Tensor } from "../graph/tensor";
import { binaryOp, greater, greaterEqual, less, lessEqual } from "./math/binary";
import { matmul, MatMulOptions } from "./math/matmul";
import { abs, neg } from "./math/unary";

/**
 * Python's tensor operators as methods: `x * x * y + y + 2` is `x.mul(x).mul(y).add(y).add(2)`.
 * Each uses the operator's lower-case scope name (`add`, `mul`, `truediv`), so op names match TF's.
 */
declare module "../graph/tensor" {
  interface Tensor {
    /**
     * `this + other` (scope `add`).
     * Mirrors Python's `Tensor.__add__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const y = tf.constant([1, 2]).add(3); // [4, 5]
     * ```
     */
    add(other: unknown): Tensor;
    /**
     * `this - other` (scope `sub`).
     * Mirrors Python's `Tensor.__sub__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const error = tf.constant([3, 4]).sub(tf.constant([1, 1]));
     * ```
     */
    sub(other: unknown): Tensor;
    /**
     * `this * other`, elementwise (scope `mul`).
     * Mirrors Python's `Tensor.__mul__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const f = tf.constant(3).mul(tf.constant(3)).mul(4); // x * x * y
     * ```
     */
    mul(other: unknown): Tensor;
    /**
     * Python 3 `this / other` (true division, scope `truediv`).
     * Mirrors Python's `Tensor.__truediv__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const mean = tf.reduceSum(tf.constant([1, 2, 3])).div(3);
     * ```
     */
    div(other: unknown): Tensor;
    /**
     * `this // other`: division rounded down (scope `floordiv`).
     * Mirrors Python's `Tensor.__floordiv__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    floordiv(other: unknown): Tensor;
    /**
     * `this % other`: remainder of floored division (scope `mod`).
     * Mirrors Python's `Tensor.__mod__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    mod(other: unknown): Tensor;
    /**
     * `this ** other` (scope `pow`).
     * Mirrors Python's `Tensor.__pow__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const sq = tf.constant([1, 2]).pow(2); // [1, 4]
     * ```
     */
    pow(other: unknown): Tensor;
    /**
     * `other + this` (Python's reflected `__radd__`, e.g. `2 + t`: the JS operand becomes `add/x`).
     * Mirrors Python's `Tensor.__radd__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const t = tf.constant([1, 2]).radd(2); // 2 + t
     * ```
     */
    radd(other: unknown): Tensor;
    /**
     * `other - this` (Python's reflected `__rsub__`).
     * Mirrors Python's `Tensor.__rsub__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    rsub(other: unknown): Tensor;
    /**
     * `other * this` (Python's reflected `__rmul__`, e.g. `2/m * t`: the JS operand becomes `mul/x`).
     * Mirrors Python's `Tensor.__rmul__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const grad = tf.constant([0.5, 1]).rmul(2 / 100); // 2/m * t
     * ```
     */
    rmul(other: unknown): Tensor;
    /**
     * `other / this` (Python's reflected `__rtruediv__`).
     * Mirrors Python's `Tensor.__rtruediv__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    rdiv(other: unknown): Tensor;
    /**
     * `this @ other`: the matrix product (scope `matmul`); see {@link matmul}.
     * Mirrors Python's `Tensor.__matmul__` in TF 1.x (tensorflow/python/ops/math_ops.py, `matmul`).
     * @param other - the right-hand matrix
     * @param options - transpose flags and `name` (see {@link MatMulOptions})
     * @returns the product
     * @throws {@link ValueError} when the static shapes don't multiply
     * @example
     * ```ts
     * const yPred = tf.placeholder(tf.float32, [null, 3]).matmul(tf.Variable(tf.zeros([3, 1])));
     * ```
     */
    matmul(other: unknown, options?: MatMulOptions): Tensor;
    /**
     * `-this`; see {@link neg}.
     * Mirrors Python's `Tensor.__neg__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideHelper`).
     * @returns the result tensor
     * @example
     * ```ts
     * const n = tf.constant([1, -2]).neg();
     * ```
     */
    neg(): Tensor;
    /**
     * `abs(this)`; see {@link abs}.
     * Mirrors Python's `Tensor.__abs__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideHelper`).
     * @returns the result tensor
     */
    abs(): Tensor;
    /**
     * `this < other` as a bool tensor; see {@link less}.
     * Mirrors Python's `Tensor.__lt__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     * @example
     * ```ts
     * const small = tf.constant([1, 5]).lt(3); // [true, false]
     * ```
     */
    lt(other: unknown): Tensor;
    /**
     * `this <= other` as a bool tensor; see {@link lessEqual}.
     * Mirrors Python's `Tensor.__le__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    le(other: unknown): Tensor;
    /**
     * `this > other` as a bool tensor; see {@link greater}.
     * Mirrors Python's `Tensor.__gt__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    gt(other: unknown): Tensor;
    /**
     * `this >= other` as a bool tensor; see {@link greaterEqual}.
     * Mirrors Python's `Tensor.__ge__` in TF 1.x (tensorflow/python/ops/math_ops.py, `_OverrideBinaryOperatorHelper`).
     * @param other - the other operand (a JS value takes this tensor's dtype)
     * @returns the result tensor
     * @throws TypeError when the dtypes differ
     */
    ge(other: unknown): Tensor;
  }
}

const proto = Tensor.prototype;
proto.add = function (this: Tensor, o: unknown) {
  return binaryOp("Add", this, o, "add");
};
proto.sub = function (this: Tensor, o: unknown) {
  return binaryOp("Sub", this, o, "sub");
};
proto.mul = function (this: Tensor, o: unknown) {
  return binaryOp("Mul", this, o, "mul");
};
proto.div = function (this: Tensor, o: unknown) {
  return binaryOp("RealDiv", this, o, "truediv");
};
proto.floordiv = function (this: Tensor, o: unknown) {
  return binaryOp("FloorDiv", this, o, "floordiv");
};
proto.mod = function (this: Tensor, o: unknown) {
  return binaryOp("FloorMod", this, o, "mod");
};
proto.pow = function (this: Tensor, o: unknown) {
  return binaryOp("Pow", this, o, "pow");
};
proto.radd = function (this: Tensor, o: unknown) {
  return binaryOp("Add", o, this, "add");
};
proto.rmul = function (this: Tensor, o: unknown) {
  return binaryOp("Mul", o, this, "mul");
};
proto.rsub = function (this: Tensor, o: unknown) {
  return binaryOp("Sub", o, this, "sub");
};
proto.rdiv = function (this: Tensor, o: unknown) {
  return binaryOp("RealDiv", o, this, "truediv");
};
proto.matmul = function (this: Tensor, o: unknown, options: MatMulOptions = {}) {
  return matmul(this, o, { name: "matmul", ...options });
};
proto.neg = function (this: Tensor) {
  return neg(this);
};
proto.abs = function (this: Tensor) {
  return abs(this);
};
proto.lt = function (this: Tensor, o: unknown) {
  return less(this, o);
};
proto.le = function (this: Tensor, o: unknown) {
  return lessEqual(this, o);
};
proto.gt = function (this: Tensor, o: unknown) {
  return greater(this, o);
};
proto.ge = function (this: Tensor, o: unknown) {
  return greaterEqual(this, o);
};
