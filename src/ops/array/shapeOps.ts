import { DType, int32 } from "../../base/dtypes";
import { StaticShape, isFullyDefined } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { constantNumbers } from "../constantValue";
import { createOp, inOpScope } from "../createOp";
import { concatArrays, transposeArray } from "../../base/kernels/layout";
import { reshapeKernel, resolveReshape, tileKernel } from "../../base/kernels/shapeKernels";
import { memoizedByShape, memoizedByValue } from "../../base/kernels/memo";
import { registerOp } from "../registry";
import { constant, convertToTensor } from "./constant";
import { subtract } from "../math/binary";
import { checkRequired, optionalArgs } from "../../base/optionalArgs";

import type { NameOption as NameOptions } from "../math/binary";

const intVec = (v: number[]) => new NDArray(int32, [v.length], Int32Array.from(v));
const nums = (a: NDArray) => Array.from(a.data as Int32Array);

// --- Shape, Rank, Size ---------------------------------------------------------------

registerOp({
  type: "Shape",
  outputs: ([x]) => [{ dtype: int32, shape: [x.shape === null ? null : x.shape.length] }],
  kernel: () => memoizedByShape((x) => intVec(x.shape)),
  gradient: null,
});
registerOp({
  type: "Rank",
  outputs: () => [{ dtype: int32, shape: [] }],
  kernel: () => memoizedByShape((x) => NDArray.from(x.shape.length, int32)),
  gradient: null,
});
registerOp({
  type: "Size",
  outputs: () => [{ dtype: int32, shape: [] }],
  kernel: () => memoizedByShape((x) => NDArray.from(x.size, int32)),
  gradient: null,
});

/**
 * The shape of `x` as an int32 vector: a `Const` when the static shape is fully known (TF's
 * `optimize=True`), else a `Shape` op evaluated at run time.
 * Mirrors TF 1.x `tf.shape` (tensorflow/python/ops/array_ops.py, `shape` / `shape_internal`).
 * @param x - a tensor or JS value
 * @param options.name - the op's name (default "Shape")
 * @returns an int32 tensor of shape `[rank]`
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const X = tf.placeholder(tf.float32, [null, 3]);
 * const rows = tf.shape(X); // evaluates to [batchSize, 3]
 * ```
 */
export function shape(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Shape", [x], (opName, graph) => {
    const t = convertToTensor(x);
    if (isFullyDefined(t.shape)) return constant(intVec(t.shape), { name: `${opName}/`, dtype: int32 });
    return createOp(graph, "Shape", opName, [t], { T: attr.type(t.dtype), out_type: attr.type(int32) })
      .outputs[0];
  });
}

/**
 * The number of dimensions of `x`, as an int32 scalar computed by a `Rank` op.
 * Mirrors TF 1.x `tf.rank` (tensorflow/python/ops/array_ops.py, `rank`).
 * @param x - a tensor or JS value
 * @param options.name - the op's name (default "Rank")
 * @returns an int32 scalar tensor
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const r = tf.rank(tf.constant([[1, 2, 3]])); // 2
 * ```
 */
export function rank(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Rank", [x], (opName, graph) => {
    const t = convertToTensor(x);
    return createOp(graph, "Rank", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

/**
 * The number of elements of `x` as an int32 scalar: a `Const` when the static shape is fully known,
 * else a `Size` op.
 * Mirrors TF 1.x `tf.size` (tensorflow/python/ops/array_ops.py, `size` / `size_internal`).
 * @param x - a tensor or JS value
 * @param options.name - the op's name (default "Size")
 * @returns an int32 scalar tensor
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const n = tf.size(tf.zeros([4, 5])); // 20
 * ```
 */
export function size(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Size", [x], (opName, graph) => {
    const t = convertToTensor(x);
    if (isFullyDefined(t.shape)) return constant(shapeSize(t.shape), { dtype: int32, name: `${opName}/` });
    return createOp(graph, "Size", opName, [t], { T: attr.type(t.dtype), out_type: attr.type(int32) })
      .outputs[0];
  });
}

// --- Reshape -------------------------------------------------------------------------

registerOp({
  type: "Reshape",
  outputs: ([x, s]) => {
    const target = constantNumbers(s);
    let out: StaticShape = null;
    if (target) {
      out = target.map((d) => (d === -1 ? null : d));
      if (isFullyDefined(x.shape) && target.includes(-1)) out = resolveReshape(target, shapeSize(x.shape));
    } else if (s.shape && s.shape[0] !== null) {
      out = new Array(s.shape[0]).fill(null);
    }
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: () => reshapeKernel(),
});

/**
 * The same values in a new shape; one dimension of `newShape` may be -1, to be inferred.
 * Mirrors TF 1.x `tf.reshape` (tensorflow/core/ops/array_ops.cc, `Reshape`; Python wrapper generated in
 * gen_array_ops.py, `reshape`).
 * @param x - the tensor to reshape
 * @param newShape - the target shape: an int array or int32 tensor
 * @param options.name - the op's name (default "Reshape")
 * @returns a tensor with `x`'s values in `newShape`
 * @throws {@link InvalidArgumentError} when the element counts differ (while building when the shapes are
 *   known, else from `sess.run`)
 * @example
 * ```ts
 * const flat = tf.reshape(tf.constant([[1, 2], [3, 4]]), [-1]); // [1, 2, 3, 4]
 * ```
 */
export function reshape(x: unknown, newShape: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Reshape", [x, newShape], (opName, graph) => {
    const t = convertToTensor(x, { name: "tensor" });
    const s = convertToTensor(newShape, { name: "shape", dtype: int32 });
    return createOp(graph, "Reshape", opName, [t, s], { T: attr.type(t.dtype), Tshape: attr.type(int32) })
      .outputs[0];
  });
}

// --- Fill, zeros, ones ---------------------------------------------------------------

registerOp({
  type: "Fill",
  outputs: ([dims, value]) => {
    const d = constantNumbers(dims);
    if (d && d.some((x) => x < 0)) throw new ValueError("Fill dimensions must be >= 0");
    return [
      {
        dtype: value.dtype,
        shape: d ?? (dims.shape?.[0] != null ? new Array(dims.shape[0]).fill(null) : null),
      },
    ];
  },
  kernel: () =>
    memoizedByValue(([dims, value]) => {
      const bad = nums(dims).find((d) => d < 0);
      if (bad !== undefined) throw new InvalidArgumentError(`Dimension ${bad} must be >= 0`);
      const out = NDArray.zeros(value.dtype, nums(dims));
      // typed arrays and the string storage (an Array) both have fill()
      (out.data as { fill(v: unknown): unknown }).fill((value.data as ArrayLike<unknown>)[0]);
      return [out];
    }),
});

/**
 * A tensor of shape `dims` with every element equal to the scalar `value`.
 * Mirrors TF 1.x `tf.fill` (tensorflow/python/ops/array_ops.py, `fill`; op `Fill` in
 * tensorflow/core/ops/array_ops.cc).
 * @param dims - the shape: an int array or int32 tensor
 * @param value - the scalar to repeat; its dtype is the result's
 * @param options.name - the op's name (default "Fill")
 * @returns the filled tensor
 * @throws {@link ValueError} when a known dimension is negative; {@link InvalidArgumentError} from
 *   `sess.run` when a fed one is
 * @example
 * ```ts
 * const sevens = tf.fill([2, 3], 7); // float32 [[7, 7, 7], [7, 7, 7]]
 * ```
 */
export function fill(dims: unknown, value: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Fill", [dims, value], (opName, graph) => {
    const d = convertToTensor(dims, { name: "dims", dtype: int32 });
    const v = convertToTensor(value, { name: "value" });
    return createOp(graph, "Fill", opName, [d, v], { T: attr.type(v.dtype), index_type: attr.type(int32) })
      .outputs[0];
  });
}

function filled(value: number, dims: number[] | Tensor, dtype: DType | undefined, name: string): Tensor {
  return inOpScope(name, [dims], (opName) => {
    if (Array.isArray(dims)) {
      return constant(value, { dtype, shape: dims, name: `${opName}/` });
    }
    return fill(dims, constant(value, { dtype }), { name: `${opName}/` });
  });
}

/**
 * The call signature of {@link zeros} and {@link ones}: a shape, then an optional dtype (float32 by
 * default) and options, which may stand in for the dtype.
 */
export interface FilledFn {
  /**
   * @param dims - the shape: an int array (a `Const` is built) or an int32 tensor (a `Fill` op)
   * @param options.name - the op's name scope
   */
  (dims: readonly number[] | Tensor, options?: NameOptions): Tensor;
  /**
   * @param dims - the shape: an int array (a `Const` is built) or an int32 tensor (a `Fill` op)
   * @param dtype - the element type (float32 when null/undefined)
   * @param options.name - the op's name scope
   */
  (dims: readonly number[] | Tensor, dtype: DType | null | undefined, options?: NameOptions): Tensor;
}
const filledFn = (value: number, publicName: string, defaultName: string): FilledFn => {
  const spec = { fn: `tf.${publicName}`, names: ["dtype"] };
  return (dims: readonly number[] | Tensor, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<NameOptions>(spec, rest);
    return filled(
      value,
      dims as number[] | Tensor,
      values[0] as DType | undefined,
      options.name ?? defaultName,
    );
  };
};
/**
 * A tensor of the given shape filled with zeros (float32 unless a dtype is given); a `Const` when the
 * shape is an array, as TF builds for known shapes.
 * Mirrors TF 1.x `tf.zeros` (tensorflow/python/ops/array_ops.py, `zeros`).
 * @throws TypeError when options are misplaced or `dtype` is given twice
 * @example
 * ```ts
 * const b = tf.zeros([3]);
 * const counts = tf.zeros([2, 2], tf.int32, { name: "counts" });
 * ```
 */
export const zeros = filledFn(0, "zeros", "zeros");
/**
 * A tensor of the given shape filled with ones (float32 unless a dtype is given).
 * Mirrors TF 1.x `tf.ones` (tensorflow/python/ops/array_ops.py, `ones`).
 * @throws TypeError when options are misplaced or `dtype` is given twice
 * @example
 * ```ts
 * const bias = tf.ones([1, 3]);
 * ```
 */
export const ones = filledFn(1, "ones", "ones");

registerOp({
  type: "ZerosLike",
  outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
  kernel: () => memoizedByShape((x) => NDArray.zeros(x.dtype, x.shape)),
  gradient: null,
});
registerOp({
  type: "OnesLike",
  outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
  kernel: () =>
    memoizedByShape((x) => {
      const out = NDArray.zeros(x.dtype, x.shape);
      (out.data as Float32Array).fill(1);
      return out;
    }),
  gradient: null,
});

function likeOp(type: string, value: number, x: unknown, dtype: DType | undefined, name: string): Tensor {
  return inOpScope(name, [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "tensor" });
    if (isFullyDefined(t.shape) && (!dtype || dtype === t.dtype)) {
      return constant(value, { dtype: dtype ?? t.dtype, shape: t.shape, name: `${opName}/` });
    }
    return createOp(graph, type, opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}
/**
 * The call signature of {@link zerosLike} and {@link onesLike}: a tensor, then an optional dtype
 * (the tensor's own by default) and options, which may stand in for the dtype.
 */
export interface LikeFn {
  /**
   * @param x - the tensor whose shape (and dtype) to copy
   * @param options.name - the op's name scope
   */
  (x: unknown, options?: NameOptions): Tensor;
  /**
   * @param x - the tensor whose shape to copy
   * @param dtype - the result's element type (`x`'s when null/undefined)
   * @param options.name - the op's name scope
   */
  (x: unknown, dtype: DType | null | undefined, options?: NameOptions): Tensor;
}
const likeFn = (type: string, value: number, publicName: string, defaultName: string): LikeFn => {
  const spec = { fn: `tf.${publicName}`, names: ["dtype"] };
  return (x: unknown, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<NameOptions>(spec, rest);
    return likeOp(type, value, x, values[0] as DType | undefined, options.name ?? defaultName);
  };
};
/**
 * Zeros with the shape of `x`: a `Const` when that shape is fully known, else a `ZerosLike` op.
 * Mirrors TF 1.x `tf.zeros_like` (tensorflow/python/ops/array_ops.py, `zeros_like`).
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const w = tf.constant([[1, 2], [3, 4]]);
 * const z = tf.zerosLike(w); // [[0, 0], [0, 0]]
 * ```
 */
export const zerosLike = likeFn("ZerosLike", 0, "zerosLike", "zeros_like");
/**
 * Ones with the shape of `x`: a `Const` when that shape is fully known, else a `OnesLike` op.
 * Mirrors TF 1.x `tf.ones_like` (tensorflow/python/ops/array_ops.py, `ones_like`).
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const o = tf.onesLike(tf.placeholder(tf.float32, [null, 2]));
 * ```
 */
export const onesLike = likeFn("OnesLike", 1, "onesLike", "ones_like");

// --- Tile, Range, Transpose, Concat, ExpandDims, Squeeze, Pack ---------------------------

registerOp({
  type: "Tile",
  outputs: ([x, m]) => {
    const mult = constantNumbers(m);
    const shape =
      x.shape && mult
        ? x.shape.map((d, i) => (d === null ? null : d * mult[i]))
        : x.shape && x.shape.map(() => null);
    return [{ dtype: x.dtype, shape }];
  },
  kernel: (_op, options) => tileKernel(options),
});

/**
 * Repeats `x` along each dimension: dimension `i` of the result is `multiples[i]` copies of `x`'s.
 * Mirrors TF 1.x `tf.tile` (tensorflow/core/ops/array_ops.cc, `Tile`; generated `tile` in gen_array_ops.py).
 * @param x - the tensor to repeat
 * @param multiples - one repeat count per dimension (int array or int32 tensor)
 * @param options.name - the op's name (default "Tile")
 * @returns the tiled tensor
 * @throws {@link InvalidArgumentError} from `sess.run` when `multiples` doesn't have one entry per dimension
 * @example
 * ```ts
 * const t = tf.tile(tf.constant([[1, 2]]), [2, 1]); // [[1, 2], [1, 2]]
 * ```
 */
export function tile(x: unknown, multiples: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Tile", [x, multiples], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    const m = convertToTensor(multiples, { name: "multiples", dtype: int32 });
    return createOp(graph, "Tile", opName, [t, m], { T: attr.type(t.dtype), Tmultiples: attr.type(int32) })
      .outputs[0];
  });
}

registerOp({
  type: "Range",
  outputs: ([start, limit, delta]) => {
    const [s, l, d] = [start, limit, delta].map(constantNumbers);
    const n = s && l && d ? Math.max(0, Math.ceil((l[0] - s[0]) / d[0])) : null;
    return [{ dtype: start.dtype, shape: [n] }];
  },
  kernel: () =>
    memoizedByValue(([s, l, d]) => {
      const [a, b, c] = [s, l, d].map((x) => (x.data as Int32Array)[0]);
      const n = Math.max(0, Math.ceil((b - a) / c));
      const out = NDArray.zeros(s.dtype, [n]);
      for (let i = 0; i < n; i++) (out.data as Int32Array)[i] = a + i * c;
      return [out];
    }),
  gradient: null,
});

/**
 * The int32 sequence `start, start + delta, ...` stopping before `limit`; with one argument it counts from
 * 0, as Python's `range` does.
 * Mirrors TF 1.x `tf.range` (tensorflow/python/ops/math_ops.py, `range`).
 * @param limit - the exclusive end (counting from 0 in this one-number form)
 * @param options.name - the op's name (default "Range")
 * @returns an int32 vector
 * @throws TypeError when options are misplaced or an argument is given twice
 * @example
 * ```ts
 * const a = tf.range(5);         // [0, 1, 2, 3, 4]
 * const b = tf.range(1, 10, 3);  // [1, 4, 7]
 * ```
 */
export function range(limit: unknown, options?: NameOptions): Tensor;
/**
 * `tf.range(start, limit)`: counts up by 1 from `start` to before `limit`.
 * @param start - the first value
 * @param limit - the exclusive end
 * @param options.name - the op's name (default "Range")
 */
export function range(start: unknown, limit: unknown, options?: NameOptions): Tensor;
/**
 * `tf.range(start, limit, delta)`: steps by `delta` from `start` to before `limit`.
 * @param start - the first value
 * @param limit - the exclusive end
 * @param delta - the step
 * @param options.name - the op's name (default "Range")
 */
export function range(start: unknown, limit: unknown, delta: unknown, options?: NameOptions): Tensor;
export function range(first: unknown, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<NameOptions>({ fn: "tf.range", names: ["limit", "delta"] }, rest);
  const [start, limit] = values[0] === undefined ? [0, first] : [first, values[0]];
  const delta = values[1] ?? 1;
  return inOpScope(options.name ?? "Range", [start, limit, delta], (opName, graph) => {
    const s = convertToTensor(start, { name: "start", dtype: int32 });
    const l = convertToTensor(limit, { name: "limit", dtype: int32 });
    const d = convertToTensor(delta, { name: "delta", dtype: int32 });
    return createOp(graph, "Range", opName, [s, l, d], { Tidx: attr.type(int32) }).outputs[0];
  });
}

registerOp({
  type: "Transpose",
  outputs: ([x, p]) => {
    const perm = constantNumbers(p);
    const shape =
      x.shape && (perm ? perm.map((i) => (x.shape as (number | null)[])[i]) : x.shape.map(() => null));
    return [{ dtype: x.dtype, shape }];
  },
  kernel:
    () =>
    ([x, p]) => [transposeArray(x, nums(p))],
});

registerOp({
  type: "InvertPermutation",
  outputs: ([p]) => [{ dtype: p.dtype, shape: p.shape }],
  kernel: () =>
    memoizedByValue(([p]) => {
      const v = nums(p);
      const inv = new Array(v.length);
      v.forEach((x, i) => (inv[x] = i));
      return [intVec(inv)];
    }),
  gradient: null,
});

export function invertPermutation(p: Tensor): Tensor {
  return inOpScope(
    "InvertPermutation",
    [p],
    (opName, graph) => createOp(graph, "InvertPermutation", opName, [p], { T: attr.type(int32) }).outputs[0],
  );
}

/**
 * Permutes the dimensions of `a`: dimension `i` of the result is dimension `perm[i]` of `a`. Without `perm`
 * the order is reversed; TF then builds `perm = (rank - 1) - range(rank)` as graph ops
 * (`transpose/Rank`, `transpose/sub`, `transpose/Range`, `transpose/sub_1`), and so does this.
 * Mirrors TF 1.x `tf.transpose` (tensorflow/python/ops/array_ops.py, `transpose`).
 * @param a - the tensor to transpose (its dimensions reversed in this form)
 * @param options.name - the op's name (default "transpose")
 * @returns the transposed tensor
 * @throws {@link InvalidArgumentError} from `sess.run` when `perm` has the wrong length
 * @example
 * ```ts
 * const m = tf.constant([[1, 2, 3], [4, 5, 6]]);
 * const mT = tf.transpose(m); // shape (3, 2)
 * const same = tf.transpose(m, [0, 1]);
 * ```
 */
export function transpose(a: unknown, options?: NameOptions): Tensor;
/**
 * `tf.transpose(a, perm)`: dimension `i` of the result is dimension `perm[i]` of `a`.
 * @param a - the tensor to transpose
 * @param perm - the permutation (int array or int32 tensor); reversed dimensions when null/undefined
 * @param options.name - the op's name (default "transpose")
 */
export function transpose(
  a: unknown,
  perm: readonly number[] | Tensor | null | undefined,
  options?: NameOptions,
): Tensor;
export function transpose(a: unknown, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<NameOptions>({ fn: "tf.transpose", names: ["perm"] }, rest);
  const perm = values[0] as readonly number[] | Tensor | undefined;
  return inOpScope(options.name ?? "transpose", [a], (opName, graph) => {
    const t = convertToTensor(a, { name: "a" });
    let p: Tensor;
    if (perm === undefined) {
      const r = rank(t);
      p = subtract(subtract(r, 1, { name: "sub" }), range(0, r, 1), { name: "sub" });
    } else {
      p = convertToTensor(perm, { name: "perm", dtype: int32 });
    }
    const out = createOp(graph, "Transpose", opName, [t, p], {
      T: attr.type(t.dtype),
      Tperm: attr.type(int32),
    }).outputs[0];
    // The computed perm hides the result's shape from inference; TF sets the reversed dims itself.
    if (perm === undefined && t.shape !== null) out.setShape([...t.shape].reverse());
    return out;
  });
}

registerOp({
  type: "ConcatV2",
  outputs: (inputs) => {
    const parts = inputs.slice(0, -1);
    const axis = constantNumbers(inputs[inputs.length - 1]);
    const first = parts[0].shape;
    if (!first || !axis) return [{ dtype: parts[0].dtype, shape: first && first.map(() => null) }];
    const ax = axis[0] < 0 ? axis[0] + first.length : axis[0];
    const shape = first.map((d, i) => {
      if (i !== ax) return d ?? parts.map((p) => p.shape?.[i] ?? null).find((x) => x !== null) ?? null;
      const dims = parts.map((p) => p.shape?.[i] ?? null);
      return dims.includes(null) ? null : (dims as number[]).reduce((a, b) => a + b, 0);
    });
    return [{ dtype: parts[0].dtype, shape }];
  },
  kernel: () => (inputs) => {
    const parts = inputs.slice(0, -1);
    let axis = (inputs[inputs.length - 1].data as Int32Array)[0];
    if (axis < 0) axis += parts[0].shape.length;
    for (const p of parts) {
      if (
        p.shape.length !== parts[0].shape.length ||
        p.shape.some((d, i) => i !== axis && d !== parts[0].shape[i])
      ) {
        throw new InvalidArgumentError(
          `ConcatOp : Dimensions of inputs should match: shape[0] = [${parts[0].shape.join(",")}] vs. shape[1] = [${p.shape.join(",")}]`,
        );
      }
    }
    return [concatArrays(parts, axis)];
  },
});

/**
 * Joins tensors along an existing dimension `axis` (negative counts from the end); a single tensor passes
 * through an `Identity`.
 * Mirrors TF 1.x `tf.concat` (tensorflow/python/ops/array_ops.py, `concat`; op `ConcatV2`).
 * @param values - the tensors to join: same dtype, same shape except along `axis`
 * @param axis - the dimension to join along
 * @param options.name - the op's name (default "concat")
 * @returns the joined tensor
 * @throws TypeError when `axis` is missing, or the dtypes differ
 * @throws {@link InvalidArgumentError} from `sess.run` when the other dimensions don't match
 * @example
 * ```ts
 * const Xb = tf.concat([tf.ones([4, 1]), tf.zeros([4, 2])], 1); // shape (4, 3)
 * ```
 */
export function concat(values: unknown[], axis: number, options: { name?: string } = {}): Tensor {
  checkRequired("tf.concat", "axis", axis);
  return inOpScope(options.name ?? "concat", values, (opName, graph) => {
    const ts = values.map((v) => convertToTensor(v, { name: "values" }));
    if (ts.length === 1) {
      // TF's degenerate case: the axis is still converted (`concat/concat_dim`), the value passes through an Identity.
      constant(axis, { dtype: int32, name: "concat_dim" });
      return createOp(graph, "Identity", opName, [ts[0]], { T: attr.type(ts[0].dtype) }).outputs[0];
    }
    const ax = constant(axis, { dtype: int32, name: "axis" });
    return createOp(graph, "ConcatV2", opName, [...ts, ax], {
      N: attr.int(ts.length),
      T: attr.type(ts[0].dtype),
      Tidx: attr.type(int32),
    }).outputs[0];
  });
}

registerOp({
  type: "Slice",
  outputs: ([x, b, s]) => {
    const sizes = constantNumbers(s);
    const begin = constantNumbers(b);
    // A size of -1 runs to the end of the dim: known only when the dim and the begin are.
    const rest = (i: number) => {
      const d = x.shape?.[i] ?? null;
      return d === null || begin === null ? null : d - begin[i];
    };
    return [{ dtype: x.dtype, shape: sizes ? sizes.map((d, i) => (d === -1 ? rest(i) : d)) : null }];
  },
  kernel:
    () =>
    ([x, b, s]) => {
      const begin = nums(b);
      const sizes = nums(s).map((d, i) => (d === -1 ? x.shape[i] - begin[i] : d));
      const out = NDArray.zeros(x.dtype, sizes);
      const inStrides = x.shape.map((_, i) => shapeSize(x.shape.slice(i + 1)));
      const rank = sizes.length;
      const idx = new Array(rank).fill(0);
      for (let i = 0; i < out.size; i++) {
        let off = 0;
        for (let d = 0; d < rank; d++) off += (begin[d] + idx[d]) * inStrides[d];
        (out.data as unknown[])[i] = (x.data as unknown[])[off];
        for (let d = rank - 1; d >= 0; d--) {
          if (++idx[d] < sizes[d]) break;
          idx[d] = 0;
        }
      }
      return [out];
    },
});

/**
 * The block of `x` that starts at `begin` and spans `sizes`; `sizes[i] = -1` takes the rest of dimension i.
 * Mirrors TF 1.x `tf.slice` (tensorflow/python/ops/array_ops.py, `slice`).
 * @param x - the tensor to cut from
 * @param begin - the start index in each dimension
 * @param sizes - the extent in each dimension (-1: to the end)
 * @param options.name - the op's name (default "Slice")
 * @returns the slice
 * @throws TypeError when `begin` or `sizes` is missing
 * @example
 * ```ts
 * const firstRow = tf.slice(tf.constant([[1, 2], [3, 4]]), [0, 0], [1, -1]); // [[1, 2]]
 * ```
 */
export function slice(
  x: unknown,
  begin: number[] | Tensor,
  sizes: number[] | Tensor,
  options: { name?: string } = {},
): Tensor {
  checkRequired("tf.slice", "begin", begin);
  checkRequired("tf.slice", "size", sizes);
  return sliceOp(x, begin, sizes, options.name);
}

/** A Slice op; begin and size may be tensors (gradients compute them in the graph). */
export function sliceOp(x: unknown, begin: unknown, sizes: unknown, name = "Slice"): Tensor {
  return inOpScope(name, [x, begin, sizes], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    const b = convertToTensor(Array.isArray(begin) ? intVec(begin) : begin, { name: "begin", dtype: int32 });
    const s = convertToTensor(Array.isArray(sizes) ? intVec(sizes) : sizes, { name: "size", dtype: int32 });
    return createOp(graph, "Slice", opName, [t, b, s], { T: attr.type(t.dtype), Index: attr.type(int32) })
      .outputs[0];
  });
}

/**
 * Inserts a dimension of size 1 at `axis` (negative counts from the end), built as a `Reshape`.
 * Mirrors TF 1.x `tf.expand_dims` (tensorflow/python/ops/array_ops.py, `expand_dims`).
 * @param x - the tensor
 * @param axis - where the new dimension goes
 * @param options.name - the op's name (default "ExpandDims")
 * @returns `x` with one more dimension
 * @throws TypeError when `axis` is missing
 * @throws {@link ValueError} when `x`'s rank is unknown
 * @example
 * ```ts
 * const col = tf.expandDims(tf.constant([1, 2, 3]), 1); // shape (3, 1)
 * ```
 */
export function expandDims(x: unknown, axis: number, options: { name?: string } = {}): Tensor {
  checkRequired("tf.expandDims", "axis", axis);
  const t = convertToTensor(x);
  if (!t.shape) throw new ValueError("expandDims needs a known rank");
  const ax = axis < 0 ? axis + t.shape.length + 1 : axis;
  const target = [...t.shape];
  target.splice(ax, 0, 1);
  return reshape(
    t,
    target.map((d) => d ?? -1),
    { name: options.name ?? "ExpandDims" },
  );
}

/**
 * Removes dimensions of size 1: all of them, or only those listed in `axis`; built as a `Reshape`.
 * Mirrors TF 1.x `tf.squeeze` (tensorflow/python/ops/array_ops.py, `squeeze`).
 * @param x - the tensor (all its size-1 dimensions are removed in this form)
 * @param options.name - the op's name (default "Squeeze")
 * @returns `x` without those dimensions
 * @throws {@link ValueError} when `x`'s rank is unknown
 * @example
 * ```ts
 * const v = tf.squeeze(tf.zeros([3, 1])); // shape (3,)
 * ```
 */
export function squeeze(x: unknown, options?: NameOptions): Tensor;
/**
 * `tf.squeeze(x, axis)`: removes only the listed size-1 dimensions.
 * @param x - the tensor
 * @param axis - the dimensions to remove (all size-1 dimensions when null/undefined)
 * @param options.name - the op's name (default "Squeeze")
 */
export function squeeze(
  x: unknown,
  axis: readonly number[] | null | undefined,
  options?: NameOptions,
): Tensor;
export function squeeze(x: unknown, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<NameOptions>({ fn: "tf.squeeze", names: ["axis"] }, rest);
  const axis = values[0] as readonly number[] | undefined;
  const t = convertToTensor(x);
  if (!t.shape) throw new ValueError("squeeze needs a known rank");
  const target = t.shape.filter((d, i) => !(axis ? axis.includes(i) : d === 1));
  return reshape(
    t,
    target.map((d) => d ?? -1),
    { name: options.name ?? "Squeeze" },
  );
}

export { stack, unstack } from "./packOps";
