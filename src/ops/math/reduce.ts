import { bool, int32, int64 } from "../../base/dtypes";
import { StaticShape } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { NDArray } from "../../base/ndarray/ndarray";
import { ValueError } from "../../base/errors";
import { constant, convertToTensor } from "../array/constant";
import { range } from "../array/shapeOps";
import { attr } from "../attrs";
import { constantNumbers } from "../constantValue";
import { createOp, inOpScope } from "../createOp";
import { Reducer, normalizeAxes, reduceKernel, reducedStaticShape } from "../../base/kernels/reduce";
import { registerOp } from "../registry";
import { memoizedByValue } from "../../base/kernels/memo";
import { optionalArgs } from "../../base/optionalArgs";

const nums = (a: NDArray) => Array.from(a.data as Int32Array);

function reductionOutputShape(x: Tensor, axesT: Tensor, keepDims: boolean): StaticShape {
  if (axesT.shape !== null && axesT.shape.length > 1) {
    throw new ValueError(`Shape must be at most rank 1 but is rank ${axesT.shape.length}`);
  }
  const axes = constantNumbers(axesT);
  if (x.shape === null) return null;
  if (!axes) return keepDims ? x.shape.map(() => null) : null;
  // TF's shape function: a bad constant axis is caught while building, as a ValueError.
  const rank = x.shape.length;
  const bad = axes.find((a) => a < -rank || a >= rank);
  if (bad !== undefined)
    throw new ValueError(`Invalid reduction dimension ${bad} for input with ${rank} dimensions.`);
  return reducedStaticShape(x.shape as number[], normalizeAxes(axes, x.shape.length), keepDims).map((d) =>
    d === null ? null : d,
  );
}

/** A reduction op; All and Any are non-differentiable, the others get theirs from reduceGrad.ts. */
function defineReduction(type: string, how: Reducer, gradient?: null, isBool = false) {
  registerOp({
    type,
    outputs: ([x, axes], attrs) => [
      {
        dtype: isBool ? bool : x.dtype,
        shape: reductionOutputShape(x, axes, attrs.keep_dims?.kind === "b" && attrs.keep_dims.value),
      },
    ],
    kernel: (op, options) => reduceKernel(how, op.attrBool("keep_dims"), options),
    gradient,
  });
}

defineReduction("Sum", "sum");
defineReduction("Mean", "mean");
defineReduction("Max", "max");
defineReduction("Min", "min");
defineReduction("Prod", "prod");
defineReduction("All", "all", null, true);
defineReduction("Any", "any", null, true);

registerOp({
  type: "DynamicStitch",
  outputs: (inputs) => [{ dtype: inputs[inputs.length - 1].dtype, shape: [null] }],
  kernel: () =>
    memoizedByValue((inputs) => {
      const n = inputs.length / 2;
      const out: number[] = [];
      for (let k = 0; k < n; k++) {
        const idx = nums(inputs[k]);
        const data = Array.from(inputs[n + k].data as Int32Array);
        idx.forEach((i, j) => (out[i] = data[j]));
      }
      return [new NDArray(inputs[n].dtype, [out.length], Int32Array.from(out))];
    }),
  gradient: null,
});

/** TF's DynamicStitch op: interleaves `data` by `indices` (the gradients build shapes with it). */
export function dynamicStitch(indices: Tensor[], data: Tensor[]): Tensor {
  return inOpScope(
    "DynamicStitch",
    [...indices, ...data],
    (opName, graph) =>
      createOp(graph, "DynamicStitch", opName, [...indices, ...data], {
        N: attr.int(indices.length),
        T: attr.type(data[0].dtype),
      }).outputs[0],
  );
}

registerOp({
  type: "BroadcastGradientArgs",
  outputs: () => [
    { dtype: int32, shape: [null] },
    { dtype: int32, shape: [null] },
  ],
  kernel: () =>
    memoizedByValue(([s0, s1]) => {
      const a = nums(s0);
      const b = nums(s1);
      const rank = Math.max(a.length, b.length);
      const pa = [...new Array(rank - a.length).fill(1), ...a];
      const pb = [...new Array(rank - b.length).fill(1), ...b];
      const r0: number[] = [];
      const r1: number[] = [];
      for (let i = 0; i < rank; i++) {
        const out = pa[i] === 1 ? pb[i] : pa[i];
        if (pa[i] === 1 && (out !== 1 || i < rank - a.length)) r0.push(i);
        if (pb[i] === 1 && (out !== 1 || i < rank - b.length)) r1.push(i);
      }
      return [
        new NDArray(int32, [r0.length], Int32Array.from(r0)),
        new NDArray(int32, [r1.length], Int32Array.from(r1)),
      ];
    }),
  gradient: null,
});

export function broadcastGradientArgs(s0: Tensor, s1: Tensor): [Tensor, Tensor] {
  return inOpScope("BroadcastGradientArgs", [s0, s1], (opName, graph) => {
    const op = createOp(graph, "BroadcastGradientArgs", opName, [s0, s1], { T: attr.type(int32) });
    return [op.outputs[0], op.outputs[1]] as [Tensor, Tensor];
  });
}

/** Options of the reductions ({@link Reduction}). */
export interface ReduceOptions {
  /** Keep each reduced dimension with length 1 (TF's `keepdims`; default false). */
  keepDims?: boolean;
  /** The op's name (default the op type: "Sum", "Mean", ...). */
  name?: string;
}

/** The axes to reduce: one axis, a list, or an int32 tensor; negative axes count from the end. */
export type Axis = number | readonly number[] | Tensor;

/**
 * The call signature of `tf.reduceSum` and the other reductions (TF's
 * `tf.reduce_*(input_tensor, axis=None, keepdims=None, name=None)`): the options may stand in for any
 * omitted optional. Without `axis` the axes constant is made in the current scope before the op
 * (`loss/Const`, then `loss/mse`), as TF does.
 */
export interface Reduction {
  /**
   * Reduces every axis.
   * @param x - the tensor to reduce
   * @param options - `keepDims` and `name`
   */
  (x: unknown, options?: ReduceOptions): Tensor;
  /**
   * Reduces the given axes.
   * @param x - the tensor to reduce
   * @param axis - the axes (all when null/undefined)
   * @param options - `keepDims` and `name`
   */
  (x: unknown, axis: Axis | null | undefined, options?: ReduceOptions): Tensor;
  /**
   * Reduces the given axes, keeping them as length-1 dimensions when `keepDims` is true.
   * @param x - the tensor to reduce
   * @param axis - the axes (all when null/undefined)
   * @param keepDims - keep reduced dimensions (false when null/undefined)
   * @param options - `name`
   */
  (
    x: unknown,
    axis: Axis | null | undefined,
    keepDims: boolean | null | undefined,
    options?: ReduceOptions,
  ): Tensor;
}

/**
 * `tf.reduce_sum(x, axis=None, keepdims=False)` and friends. Without `axis` the axes constant is
 * made in the *current* scope before the op (`loss/Const`, then `loss/mse`), as TF does.
 */
function reduction(type: string, defaultName: string, publicName: string): Reduction {
  const spec = { fn: `tf.${publicName}`, names: ["axis", "keepDims"] };
  return (x: unknown, ...rest: unknown[]): Tensor => {
    const { values, options } = optionalArgs<ReduceOptions>(spec, rest);
    const axis = values[0] as Axis | undefined;
    const keepDims = (values[1] as boolean | undefined) ?? options.keepDims ?? false;
    const t = convertToTensor(x);
    let axes: Tensor | readonly number[];
    if (axis === undefined) {
      axes =
        t.shape !== null
          ? constant(
              NDArray.from(
                t.shape.map((_, i) => i),
                int32,
              ),
            )
          : range(0, rank(t), 1);
    } else {
      axes = typeof axis === "number" ? [axis] : axis;
    }
    return inOpScope(options.name ?? defaultName, [t, axes], (opName, graph) => {
      const a = convertToTensor(axes, { name: "reduction_indices", dtype: int32 });
      const out = createOp(graph, type, opName, [t, a], {
        keep_dims: attr.bool(keepDims),
        T: attr.type(t.dtype),
        Tidx: attr.type(int32),
      }).outputs[0];
      // TF's _may_reduce_to_scalar: reducing every axis without keepdims is a scalar, rank known or not.
      if ((axis === undefined || axis === null) && !keepDims && out.shape === null) out.setShape([]);
      return out;
    });
  };
}

/**
 * The sum of the elements of `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_sum` (tensorflow/python/ops/math_ops.py, `reduce_sum`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const s = tf.reduceSum(tf.constant([[1, 2], [3, 4]]), 1); // [3, 7]
 * ```
 */
export const reduceSum = reduction("Sum", "Sum", "reduceSum");
/**
 * The mean of the elements of `x` across the given axes (all axes by default); integer inputs give an integer mean, as in TF.
 * Mirrors TF 1.x `tf.reduce_mean` (tensorflow/python/ops/math_ops.py, `reduce_mean`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const mse = tf.reduceMean(tf.square(tf.constant([1, -2, 3])), { name: "mse" });
 * ```
 */
export const reduceMean = reduction("Mean", "Mean", "reduceMean");
/**
 * The largest element of `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_max` (tensorflow/python/ops/math_ops.py, `reduce_max`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const m = tf.reduceMax(tf.constant([[1, 5], [7, 2]]), 0, true); // [[7, 5]]
 * ```
 */
export const reduceMax = reduction("Max", "Max", "reduceMax");
/**
 * The smallest element of `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_min` (tensorflow/python/ops/math_ops.py, `reduce_min`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const m = tf.reduceMin(tf.constant([[1, 5], [7, 2]]), { keepDims: true }); // [[1]]
 * ```
 */
export const reduceMin = reduction("Min", "Min", "reduceMin");
/**
 * The product of the elements of `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_prod` (tensorflow/python/ops/math_ops.py, `reduce_prod`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const p = tf.reduceProd(tf.constant([1, 2, 3, 4])); // 24
 * ```
 */
export const reduceProd = reduction("Prod", "Prod", "reduceProd");
/**
 * Logical AND of the bool tensor `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_all` (tensorflow/python/ops/math_ops.py, `reduce_all`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const all = tf.reduceAll(tf.constant([true, false])); // false
 * ```
 */
export const reduceAll = reduction("All", "All", "reduceAll");
/**
 * Logical OR of the bool tensor `x` across the given axes (all axes by default).
 * Mirrors TF 1.x `tf.reduce_any` (tensorflow/python/ops/math_ops.py, `reduce_any`).
 * See {@link Reduction} for the arguments.
 * @throws {@link ValueError} when a constant axis is out of range for `x`'s known rank
 * @throws {@link InvalidArgumentError} from `sess.run` when a fed axis is out of range
 * @example
 * ```ts
 * const any = tf.reduceAny(tf.constant([[true, false], [false, false]]), 1); // [true, false]
 * ```
 */
export const reduceAny = reduction("Any", "Any", "reduceAny");
export const reduceSumAll = (x: Tensor) => reduceSum(x);

function rank(t: Tensor): Tensor {
  return inOpScope(
    "Rank",
    [t],
    (opName, graph) => createOp(graph, "Rank", opName, [t], { T: attr.type(t.dtype) }).outputs[0],
  );
}

// --- ArgMax / ArgMin ---------------------------------------------------------------------

function defineArg(type: string, better: (a: number, b: number) => boolean) {
  registerOp({
    type,
    outputs: ([x, axis]) => {
      const ax = constantNumbers(axis);
      if (!x.shape || !ax) return [{ dtype: int64, shape: null }];
      const a = ax[0] < 0 ? ax[0] + x.shape.length : ax[0];
      return [{ dtype: int64, shape: x.shape.filter((_, i) => i !== a) }];
    },
    kernel:
      () =>
      ([x, axisArr]) => {
        let axis = (axisArr.data as Int32Array)[0];
        if (axis < 0) axis += x.shape.length;
        const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
        const n = x.shape[axis];
        const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
        const out = new Float64Array(outer * inner);
        const d = x.data as Float32Array;
        for (let o = 0; o < outer; o++)
          for (let i = 0; i < inner; i++) {
            let best = 0;
            for (let k = 1; k < n; k++)
              if (better(d[(o * n + k) * inner + i], d[(o * n + best) * inner + i])) best = k;
            out[o * inner + i] = best;
          }
        return [
          new NDArray(
            int64,
            x.shape.filter((_, i) => i !== axis),
            out,
          ),
        ];
      },
    gradient: null,
  });
}
defineArg("ArgMax", (a, b) => a > b);
defineArg("ArgMin", (a, b) => a < b);

/**
 * The call signature of {@link argMax} and {@link argMin} (TF's `tf.argmax(input, axis=None, name=None)`):
 * axis 0 when omitted, as TF 1.x does; the result is int64.
 */
export interface ArgReduction {
  /**
   * Along axis 0.
   * @param x - the tensor
   * @param options.name - the op's name (default "ArgMax" / "ArgMin")
   */
  (x: unknown, options?: { name?: string }): Tensor;
  /**
   * Along the given axis.
   * @param x - the tensor
   * @param axis - the axis to search (0 when null/undefined; negative counts from the end)
   * @param options.name - the op's name (default "ArgMax" / "ArgMin")
   */
  (x: unknown, axis: number | null | undefined, options?: { name?: string }): Tensor;
}

const argOp = (type: string, publicName: string): ArgReduction => {
  const spec = { fn: `tf.${publicName}`, names: ["axis"] };
  return (x: unknown, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<{ name?: string }>(spec, rest);
    const axis = (values[0] as number | undefined) ?? 0;
    return inOpScope(options.name ?? type, [x], (opName, graph) => {
      const t = convertToTensor(x, { name: "input" });
      const a = constant(axis, { dtype: int32, name: "dimension" });
      return createOp(graph, type, opName, [t, a], {
        T: attr.type(t.dtype),
        Tidx: attr.type(int32),
        output_type: attr.type(int64),
      }).outputs[0];
    });
  };
};
/**
 * The index of the largest value along an axis (int64; ties give the first index).
 * Mirrors TF 1.x `tf.argmax` (tensorflow/python/ops/math_ops.py, `argmax`). See {@link ArgReduction}.
 * @throws TypeError when options are misplaced
 * @example
 * ```ts
 * const predicted = tf.argMax(tf.constant([[0.1, 0.9], [0.8, 0.2]]), 1); // [1, 0]
 * ```
 */
export const argMax = argOp("ArgMax", "argMax");
/**
 * The index of the smallest value along an axis (int64; ties give the first index).
 * Mirrors TF 1.x `tf.argmin` (tensorflow/python/ops/math_ops.py, `argmin`). See {@link ArgReduction}.
 * @throws TypeError when options are misplaced
 * @example
 * ```ts
 * const nearest = tf.argMin(tf.constant([3, 1, 2])); // 1
 * ```
 */
export const argMin = argOp("ArgMin", "argMin");
