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

type NameOptions = { name?: string };

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

/** `tf.shape(x)`: a Const when the static shape is fully known (TF's optimize=True), else a Shape op. */
export function shape(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Shape", [x], (opName, graph) => {
    const t = convertToTensor(x);
    if (isFullyDefined(t.shape)) return constant(intVec(t.shape), { name: `${opName}/`, dtype: int32 });
    return createOp(graph, "Shape", opName, [t], { T: attr.type(t.dtype), out_type: attr.type(int32) })
      .outputs[0];
  });
}

export function rank(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Rank", [x], (opName, graph) => {
    const t = convertToTensor(x);
    return createOp(graph, "Rank", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

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

/** `tf.zeros(shape, dtype=float32)` (a Const for known shapes, as TF does for small ones). */
/** `tf.zeros(shape, dtype=float32, name=None)` and `tf.ones`: the options may stand in for `dtype`. */
export interface FilledFn {
  (dims: readonly number[] | Tensor, options?: NameOptions): Tensor;
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
export const zeros = filledFn(0, "zeros", "zeros");
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
/** `tf.zeros_like(tensor, dtype=None, name=None)` and `tf.ones_like`. */
export interface LikeFn {
  (x: unknown, options?: NameOptions): Tensor;
  (x: unknown, dtype: DType | null | undefined, options?: NameOptions): Tensor;
}
const likeFn = (type: string, value: number, publicName: string, defaultName: string): LikeFn => {
  const spec = { fn: `tf.${publicName}`, names: ["dtype"] };
  return (x: unknown, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<NameOptions>(spec, rest);
    return likeOp(type, value, x, values[0] as DType | undefined, options.name ?? defaultName);
  };
};
export const zerosLike = likeFn("ZerosLike", 0, "zerosLike", "zeros_like");
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

/** `tf.range(start, limit=None, delta=1, name=None)`: `range(n)` counts from 0 to n, as in Python. */
export function range(limit: unknown, options?: NameOptions): Tensor;
export function range(start: unknown, limit: unknown, options?: NameOptions): Tensor;
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
 * `tf.transpose(a, perm=None)`. Without `perm` TF builds `perm = (rank - 1) - range(rank)`
 * as graph ops (`transpose/Rank`, `transpose/sub`, `transpose/Range`, `transpose/sub_1`).
 */
export function transpose(a: unknown, options?: NameOptions): Tensor;
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

/** `tf.slice(input, begin, size)`: `size[i] = -1` takes the rest of dim i. */
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

/** `tf.squeeze(input, axis=None, name=None)`. */
export function squeeze(x: unknown, options?: NameOptions): Tensor;
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
