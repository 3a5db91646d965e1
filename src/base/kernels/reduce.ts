import { DType, allocStorage } from "../dtypes";
import { InvalidArgumentError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import type { Kernel, KernelOptions } from "./kernel";
import { sameShape } from "./elementwise";

export type Reducer = "sum" | "mean" | "max" | "min" | "prod" | "all" | "any";

/** Normalise axes (negative allowed), with TF's error for out-of-range ones. */
export function normalizeAxes(axes: number[], rank: number): number[] {
  return [
    ...new Set(
      axes.map((a) => {
        if (a < -rank || a >= rank) {
          throw new InvalidArgumentError(
            `Invalid reduction dimension (${a} for input with ${rank} dimension(s)`,
          );
        }
        return a < 0 ? a + rank : a;
      }),
    ),
  ].sort((a, b) => a - b);
}

export function reducedStaticShape(shape: readonly number[], axes: number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

/** Everything about a reduction that depends only on the input shape and the axes. */
interface Layout {
  inShape: number[];
  rawAxes: number[];
  outShape: number[];
  outSize: number;
  /** Output stride of each input dim (0 for reduced dims); null when everything folds into one value. */
  outStrides: number[] | null;
  /** Index counter scratch for the strided walk. */
  idx: number[];
}

function layoutOf(shape: readonly number[], rawAxes: number[], keepDims: boolean): Layout {
  const rank = shape.length;
  const axes = normalizeAxes(rawAxes, rank);
  const outShape = reducedStaticShape(shape, axes, keepDims);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  let outStrides: number[] | null = null;
  if (axes.length !== rank && outSize !== 1) {
    outStrides = new Array(rank).fill(0);
    let s = 1;
    for (let d = rank - 1; d >= 0; d--) {
      if (!axes.includes(d)) {
        outStrides[d] = s;
        s *= shape[d];
      }
    }
  }
  return { inShape: [...shape], rawAxes, outShape, outSize, outStrides, idx: new Array(rank).fill(0) };
}

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * One reduction op's state: the layout of its last call (reused while shape and axes stay the
 * same) and, when the plan allows it, its accumulator and output buffers.
 */
class Reduction {
  private layout: Layout | null = null;
  private acc: Float64Array | null = null;
  private out: NDArray | null = null;

  constructor(
    private readonly how: Reducer,
    private readonly keepDims: boolean,
    private readonly outDtype: DType | undefined,
    private readonly reuse: boolean,
  ) {}

  run(x: NDArray, axes: ArrayLike<number>): NDArray {
    let layout = this.layout;
    if (layout === null || !sameShape(layout.inShape, x.shape) || !sameValues(layout.rawAxes, axes)) {
      layout = this.layout = layoutOf(x.shape, Array.from(axes), this.keepDims);
    }
    const { how } = this;
    const outSize = layout.outSize;
    let acc = this.acc;
    if (!this.reuse || acc === null || acc.length !== outSize) acc = new Float64Array(outSize);
    if (this.reuse) this.acc = acc;
    const init =
      how === "max" ? -Infinity : how === "min" ? Infinity : how === "prod" || how === "all" ? 1 : 0;
    acc.fill(init);
    const src = x.data as Float32Array;
    const n = src.length;
    const strides = layout.outStrides;
    if (strides === null) {
      let a = init;
      if (how === "sum" || how === "mean") for (let i = 0; i < n; i++) a += src[i];
      else for (let i = 0; i < n; i++) a = combine(how, a, src[i]);
      acc[0] = a;
    } else {
      // Walk the input in order with an index counter, moving the output position by stride.
      const shape = layout.inShape;
      const rank = shape.length;
      const idx = layout.idx.fill(0);
      let o = 0;
      for (let i = 0; i < n; i++) {
        acc[o] = combine(how, acc[o], src[i]);
        for (let d = rank - 1; d >= 0; d--) {
          idx[d]++;
          o += strides[d];
          if (idx[d] < shape[d]) break;
          o -= strides[d] * shape[d];
          idx[d] = 0;
        }
      }
    }
    const dtype = this.outDtype ?? x.dtype;
    let result = this.out;
    if (
      !this.reuse ||
      result === null ||
      result.dtype !== dtype ||
      !sameShape(result.shape, layout.outShape)
    ) {
      result = new NDArray(dtype, [...layout.outShape], allocStorage(dtype, outSize));
    }
    if (this.reuse) this.out = result;
    const out = result.data as Float32Array;
    if (how === "mean") {
      const count = n / Math.max(outSize, 1);
      for (let i = 0; i < outSize; i++)
        out[i] = dtype.isInteger ? Math.trunc(acc[i] / count) : acc[i] / count;
    } else {
      out.set(acc);
    }
    return result;
  }
}

/** The kernel of a reduction op (inputs: the array and its int32 axes). */
export function reduceKernel(how: Reducer, keepDims: boolean, options: KernelOptions = {}): Kernel {
  const reduction = new Reduction(how, keepDims, undefined, options.reuseOutputs === true);
  const outs: NDArray[] = [];
  return ([x, axes]) => {
    outs[0] = reduction.run(x, axes.data as Int32Array);
    return outs;
  };
}

function combine(how: Reducer, a: number, v: number): number {
  switch (how) {
    case "sum":
    case "mean":
      return a + v;
    case "max":
      return v > a || Number.isNaN(v) ? v : a;
    case "min":
      return v < a || Number.isNaN(v) ? v : a;
    case "prod":
      return a * v;
    case "all":
      return a && v ? 1 : 0;
    case "any":
      return a || v ? 1 : 0;
  }
}
