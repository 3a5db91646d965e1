import type * as TfjsCore from "@tensorflow/tfjs-core";
import { DType, bool, float32, int32 } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import type { Tfjs } from "./tfjsLoader";

type T = TfjsCore.Tensor;

/**
 * One op on tfjs: `x[i]` holds the uploaded input i, `host[i]` the int vector of a host input
 * (axes, perm, shape...). Returns null when these particular inputs are better left to the
 * engine's kernel (cases where tfjs's semantics differ from TF's).
 */
export type TfjsCompute = (tf: Tfjs, x: T[], host: number[][]) => T | null;

export interface TfjsOpSpec {
  /** dtypes of the op's `T` (its first input when it has no `T` attr) that tfjs handles as TF does. */
  dtypes: readonly DType[];
  /** tfjs kernel names the compute uses; the op is left to the engine where one is missing. */
  kernels: readonly string[];
  /** Inputs read on the host as int vectors instead of being uploaded. */
  hostInputs?: (op: Operation) => number[];
  /** The output is int64 (stored as doubles by the engine) while tfjs computes int32 indices. */
  int64Output?: boolean;
  /** Attrs are read here, once per plan. */
  build(op: Operation): TfjsCompute;
}

const F = [float32] as const;
const FI = [float32, int32] as const;
const FIB = [float32, int32, bool] as const;
const B = [bool] as const;

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** TF normalises reduction axes (negative, duplicates); tfjs asserts on duplicates. */
function normAxes(axes: number[], rank: number): number[] {
  return [...new Set(axes.map((a) => (a < 0 ? a + rank : a)))];
}

export const TFJS_OPS = new Map<string, TfjsOpSpec>();

function def(type: string, spec: TfjsOpSpec): void {
  TFJS_OPS.set(type, spec);
}
const unary = (type: string, dtypes: readonly DType[], kernel: string, f: (tf: Tfjs, x: T) => T) =>
  def(type, {
    dtypes,
    kernels: [kernel],
    build:
      () =>
      (tf, [x]) =>
        f(tf, x),
  });
const binary = (type: string, dtypes: readonly DType[], kernels: string[], f: (tf: Tfjs, a: T, b: T) => T) =>
  def(type, {
    dtypes,
    kernels,
    build:
      () =>
      (tf, [a, b]) =>
        f(tf, a, b),
  });

// --- elementwise: same broadcasting rules as TF ----------------------------------------------
binary("Add", FI, ["Add"], (tf, a, b) => tf.add(a, b));
binary("Sub", FI, ["Sub"], (tf, a, b) => tf.sub(a, b));
binary("Mul", FI, ["Multiply"], (tf, a, b) => tf.mul(a, b));
binary("RealDiv", F, ["RealDiv"], (tf, a, b) => tf.div(a, b));
// tfjs's FloorDiv returns int32 even for floats (NaN and large quotients are lost), so floats compose it.
binary("FloorDiv", FI, ["FloorDiv", "RealDiv", "Floor"], (tf, a, b) =>
  a.dtype === "float32" ? tf.floor(tf.div(a, b)) : tf.floorDiv(a, b),
);
binary("FloorMod", FI, ["Mod"], (tf, a, b) => tf.mod(a, b));
binary("Maximum", FI, ["Maximum"], (tf, a, b) => tf.maximum(a, b));
binary("Minimum", FI, ["Minimum"], (tf, a, b) => tf.minimum(a, b));
binary("Pow", FI, ["Pow"], (tf, a, b) => tf.pow(a, b));
binary("SquaredDifference", FI, ["SquaredDifference"], (tf, a, b) => tf.squaredDifference(a, b));
binary("Equal", FIB, ["Equal"], (tf, a, b) => tf.equal(a, b));
binary("NotEqual", FIB, ["NotEqual"], (tf, a, b) => tf.notEqual(a, b));
binary("Greater", FI, ["Greater"], (tf, a, b) => tf.greater(a, b));
binary("GreaterEqual", FI, ["GreaterEqual"], (tf, a, b) => tf.greaterEqual(a, b));
binary("Less", FI, ["Less"], (tf, a, b) => tf.less(a, b));
binary("LessEqual", FI, ["LessEqual"], (tf, a, b) => tf.lessEqual(a, b));
binary("LogicalAnd", B, ["LogicalAnd"], (tf, a, b) => tf.logicalAnd(a, b));
binary("LogicalOr", B, ["LogicalOr"], (tf, a, b) => tf.logicalOr(a, b));

unary("Neg", FI, "Neg", (tf, x) => tf.neg(x));
unary("Abs", FI, "Abs", (tf, x) => tf.abs(x));
unary("Square", FI, "Square", (tf, x) => tf.square(x));
// tfjs-wasm's Sign gives 0 for tiny floats such as 1e-30; compose it so NaN stays NaN as well.
def("Sign", {
  dtypes: FI,
  kernels: ["Sign", "Greater", "Less", "Sub", "Cast", "Equal", "Select"],
  build:
    () =>
    (tf, [x]) => {
      if (x.dtype !== "float32") return tf.sign(x);
      const s = tf.sub(tf.cast(tf.greater(x, 0), "float32"), tf.cast(tf.less(x, 0), "float32"));
      return tf.where(tf.equal(x, x), s, x);
    },
});
unary("Relu", FI, "Relu", (tf, x) => tf.relu(x));
unary("Sqrt", F, "Sqrt", (tf, x) => tf.sqrt(x));
unary("Exp", F, "Exp", (tf, x) => tf.exp(x));
unary("Log", F, "Log", (tf, x) => tf.log(x));
unary("Log1p", F, "Log1p", (tf, x) => tf.log1p(x));
unary("Sin", F, "Sin", (tf, x) => tf.sin(x));
unary("Cos", F, "Cos", (tf, x) => tf.cos(x));
unary("Tanh", F, "Tanh", (tf, x) => tf.tanh(x));
unary("Sigmoid", F, "Sigmoid", (tf, x) => tf.sigmoid(x));
unary("Softplus", F, "Softplus", (tf, x) => tf.softplus(x));
unary("Reciprocal", F, "Reciprocal", (tf, x) => tf.reciprocal(x));
unary("Floor", F, "Floor", (tf, x) => tf.floor(x));
unary("Ceil", F, "Ceil", (tf, x) => tf.ceil(x));
unary("Round", F, "Round", (tf, x) => tf.round(x)); // half to even, as TF
unary("IsNan", F, "IsNan", (tf, x) => tf.isNaN(x));
unary("LogicalNot", B, "LogicalNot", (tf, x) => tf.logicalNot(x));

// Gradient kernels, composed from tfjs ops; operand order is TF's (y or x first, then dy).
binary("SqrtGrad", F, ["Multiply", "RealDiv"], (tf, y, dy) => tf.div(tf.mul(dy, 0.5), y));
binary("TanhGrad", F, ["Multiply", "Sub", "Square"], (tf, y, dy) => tf.mul(dy, tf.sub(1, tf.square(y))));
binary("SigmoidGrad", F, ["Multiply", "Sub"], (tf, y, dy) => tf.mul(dy, tf.mul(y, tf.sub(1, y))));
binary("ReciprocalGrad", F, ["Multiply", "Square", "Neg"], (tf, y, dy) => tf.neg(tf.mul(dy, tf.square(y))));
binary("ReluGrad", F, ["Greater", "Select", "ZerosLike"], (tf, dy, y) =>
  tf.where(tf.greater(y, 0), dy, tf.zerosLike(dy)),
);
binary("SoftplusGrad", F, ["Multiply", "Sigmoid"], (tf, dy, x) => tf.mul(dy, tf.sigmoid(x)));

// --- linear algebra, layout ----------------------------------------------------------------
def("MatMul", {
  dtypes: F,
  kernels: ["BatchMatMul"],
  build: (op) => {
    const ta = op.attrBool("transpose_a");
    const tb = op.attrBool("transpose_b");
    // tfjs would batch higher ranks; TF's MatMul rejects them, which the engine reports.
    return (tf, [a, b]) => (a.rank === 2 && b.rank === 2 ? tf.matMul(a, b, ta, tb) : null);
  },
});

const second = () => [1];
def("Transpose", {
  dtypes: FIB,
  kernels: ["Transpose"],
  hostInputs: second,
  build:
    () =>
    (tf, [x], h) =>
      tf.transpose(x, h[1]),
});
def("Reshape", {
  dtypes: FIB,
  kernels: ["Reshape"],
  hostInputs: second,
  build:
    () =>
    (tf, [x], h) =>
      tf.reshape(x, h[1]),
});
def("Tile", {
  dtypes: FIB,
  kernels: ["Tile"],
  hostInputs: second,
  build:
    () =>
    (tf, [x], h) =>
      tf.tile(x, h[1]),
});
def("Slice", {
  dtypes: FIB,
  kernels: ["Slice"],
  hostInputs: () => [1, 2],
  build:
    () =>
    (tf, [x], h) =>
      tf.slice(x, h[1], h[2]),
});
def("ConcatV2", {
  dtypes: FIB,
  kernels: ["Concat"],
  hostInputs: (op) => [op.inputs.length - 1],
  build: (op) => {
    const n = op.inputs.length - 1;
    return (tf, x, h) => {
      const axis = h[n][0];
      return tf.concat(x.slice(0, n), axis < 0 ? axis + x[0].rank : axis);
    };
  },
});
def("Select", {
  dtypes: FIB,
  kernels: ["Select", "Reshape"],
  build:
    () =>
    (tf, [c, x, y]) => {
      // TF 1.x Select: a condition shaped like x, or a vector picking rows; x and y alike.
      if (!same(x.shape, y.shape)) return null;
      if (same(c.shape, x.shape)) return tf.where(c, x, y);
      if (c.rank === 1 && x.rank > 1 && c.shape[0] === x.shape[0]) {
        return tf.where(tf.reshape(c, [c.shape[0], ...x.shape.slice(1).map(() => 1)]), x, y);
      }
      return null;
    },
});
def("AddN", { dtypes: FI, kernels: ["AddN"], build: () => (tf, x) => tf.addN(x) });
def("Cast", {
  dtypes: FIB,
  kernels: ["Cast", "NotEqual"],
  build: (op) => {
    const dst = op.attrType("DstT").name as "float32" | "int32" | "bool";
    // tfjs-wasm casts float->bool through an int (-0.2 gives false); TF tests x != 0.
    if (dst === "bool") return (tf, [x]) => (x.dtype === "bool" ? x : tf.notEqual(x, 0));
    return (tf, [x]) => tf.cast(x, dst);
  },
});

// --- reductions ----------------------------------------------------------------------------
function reduction(
  type: string,
  dtypes: readonly DType[],
  kernel: string,
  f: (tf: Tfjs, x: T, axes: number[], keep: boolean) => T,
) {
  def(type, {
    dtypes,
    kernels: [kernel],
    hostInputs: second,
    build: (op) => {
      const keep = op.attrBool("keep_dims");
      return (tf, [x], h) => f(tf, x, normAxes(h[1], x.rank), keep);
    },
  });
}
reduction("Sum", FI, "Sum", (tf, x, a, k) => tf.sum(x, a, k));
// tfjs's mean of int32 gives float32; TF's truncates, so only floats go to tfjs.
reduction("Mean", F, "Mean", (tf, x, a, k) => tf.mean(x, a, k));
reduction("Max", FI, "Max", (tf, x, a, k) => tf.max(x, a, k));
reduction("Min", FI, "Min", (tf, x, a, k) => tf.min(x, a, k));
reduction("Prod", FI, "Prod", (tf, x, a, k) => tf.prod(x, a, k));
reduction("All", B, "All", (tf, x, a, k) => tf.all(x, a, k));
reduction("Any", B, "Any", (tf, x, a, k) => tf.any(x, a, k));

for (const [type, kernel] of [
  ["ArgMax", "ArgMax"],
  ["ArgMin", "ArgMin"],
] as const) {
  def(type, {
    dtypes: FI,
    kernels: [kernel],
    hostInputs: second,
    int64Output: true,
    build:
      () =>
      (tf, [x], h) => {
        const axis = h[1][0] < 0 ? h[1][0] + x.rank : h[1][0];
        return type === "ArgMax" ? tf.argMax(x, axis) : tf.argMin(x, axis);
      },
  });
}
