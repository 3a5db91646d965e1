import { DType, allocStorage } from "../../graph/dtypes";
import { InvalidArgumentError } from "../../errors";
import { NDArray } from "../../runtime/ndarray";

export type Reducer = "sum" | "mean" | "max" | "min" | "prod" | "all" | "any";

/** Normalise axes (negative allowed), with TF's error for out-of-range ones. */
export function normalizeAxes(axes: number[], rank: number): number[] {
  return [...new Set(axes.map((a) => {
    if (a < -rank || a >= rank) {
      throw new InvalidArgumentError(`Invalid reduction dimension (${a} for input with ${rank} dimension(s)`);
    }
    return a < 0 ? a + rank : a;
  }))].sort((a, b) => a - b);
}

export function reducedStaticShape(shape: readonly number[], axes: number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

/** Reduce `x` over `axes`; sums accumulate in float64 for accuracy. */
export function reduceArray(x: NDArray, axesIn: number[], keepDims: boolean, how: Reducer, outDtype?: DType): NDArray {
  const rank = x.shape.length;
  const axes = normalizeAxes(axesIn, rank);
  const outShape = reducedStaticShape(x.shape, axes, keepDims);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const acc = new Float64Array(outSize);
  const init = how === "max" ? -Infinity : how === "min" ? Infinity : how === "prod" || how === "all" ? 1 : 0;
  acc.fill(init);
  const src = x.data as Float32Array;
  const n = src.length;
  if (axes.length === rank || outSize === 1) {
    let a = init;
    for (let i = 0; i < n; i++) a = combine(how, a, src[i]);
    acc[0] = a;
  } else {
    // Output stride of each input dim (0 for reduced dims), walked with an index counter.
    const outStrides = new Array(rank).fill(0);
    let s = 1;
    for (let d = rank - 1; d >= 0; d--) {
      if (!axes.includes(d)) {
        outStrides[d] = s;
        s *= x.shape[d];
      }
    }
    const idx = new Array(rank).fill(0);
    let o = 0;
    for (let i = 0; i < n; i++) {
      acc[o] = combine(how, acc[o], src[i]);
      for (let d = rank - 1; d >= 0; d--) {
        idx[d]++;
        o += outStrides[d];
        if (idx[d] < x.shape[d]) break;
        o -= outStrides[d] * x.shape[d];
        idx[d] = 0;
      }
    }
  }
  const dtype = outDtype ?? x.dtype;
  const out = allocStorage(dtype, outSize) as Float32Array;
  if (how === "mean") {
    const count = n / Math.max(outSize, 1);
    for (let i = 0; i < outSize; i++) out[i] = dtype.isInteger ? Math.trunc(acc[i] / count) : acc[i] / count;
  } else {
    out.set(acc);
  }
  return new NDArray(dtype, outShape, out);
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
