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
    add(other: unknown): Tensor;
    sub(other: unknown): Tensor;
    mul(other: unknown): Tensor;
    /** Python 3 `/` (true division, scope `truediv`). */
    div(other: unknown): Tensor;
    floordiv(other: unknown): Tensor;
    mod(other: unknown): Tensor;
    pow(other: unknown): Tensor;
    /** `other + this` (Python's reflected `__radd__`, e.g. `2 + t`: the JS operand becomes `add/x`). */
    radd(other: unknown): Tensor;
    /** `other - this` (Python's reflected `__rsub__`). */
    rsub(other: unknown): Tensor;
    /** `other * this` (Python's reflected `__rmul__`, e.g. `2/m * t`: the JS operand becomes `mul/x`). */
    rmul(other: unknown): Tensor;
    /** `other / this` (Python's reflected `__rtruediv__`). */
    rdiv(other: unknown): Tensor;
    /** Python's `@`. */
    matmul(other: unknown, options?: MatMulOptions): Tensor;
    neg(): Tensor;
    abs(): Tensor;
    lt(other: unknown): Tensor;
    le(other: unknown): Tensor;
    gt(other: unknown): Tensor;
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
