import { DType, allocStorage } from "../../graph/dtypes";
import { InvalidArgumentError } from "../../errors";
import { NDArray, shapeSize } from "../../runtime/ndarray";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Output shape of a broadcast, with TF's kernel error on mismatch. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new InvalidArgumentError(`Incompatible shapes: [${a.join(",")}] vs. [${b.join(",")}]`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides of `shape` laid out against `outShape` (0 where the dim is broadcast). */
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array(rank).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const o = i + rank - shape.length;
    strides[o] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

/** Elementwise binary op with NumPy broadcasting and fast paths for equal shapes and scalars. */
export function binaryKernel(f: (a: number, b: number) => number, outDtype?: DType) {
  return (a: NDArray, b: NDArray): NDArray => {
    const dtype = outDtype ?? a.dtype;
    const ad = a.data as Num;
    const bd = b.data as Num;
    if (a.size === b.size && sameShape(a.shape, b.shape)) {
      const out = allocStorage(dtype, a.size) as Num;
      for (let i = 0; i < out.length; i++) out[i] = f(ad[i], bd[i]);
      return new NDArray(dtype, [...a.shape], out);
    }
    const shape = broadcastShapes(a.shape, b.shape);
    const size = shapeSize(shape);
    const out = allocStorage(dtype, size) as Num;
    if (b.size === 1 && a.size === size) {
      const bv = bd[0];
      for (let i = 0; i < size; i++) out[i] = f(ad[i], bv);
    } else if (a.size === 1 && b.size === size) {
      const av = ad[0];
      for (let i = 0; i < size; i++) out[i] = f(av, bd[i]);
    } else {
      const sa = broadcastStrides(a.shape, shape);
      const sb = broadcastStrides(b.shape, shape);
      const rank = shape.length;
      const idx = new Array(rank).fill(0);
      let ia = 0;
      let ib = 0;
      for (let i = 0; i < size; i++) {
        out[i] = f(ad[ia], bd[ib]);
        for (let d = rank - 1; d >= 0; d--) {
          idx[d]++;
          ia += sa[d];
          ib += sb[d];
          if (idx[d] < shape[d]) break;
          ia -= sa[d] * shape[d];
          ib -= sb[d] * shape[d];
          idx[d] = 0;
        }
      }
    }
    return new NDArray(dtype, shape, out);
  };
}

export function unaryKernel(f: (a: number) => number, outDtype?: DType) {
  return (a: NDArray): NDArray => {
    const dtype = outDtype ?? a.dtype;
    const ad = a.data as Num;
    const out = allocStorage(dtype, a.size) as Num;
    for (let i = 0; i < out.length; i++) out[i] = f(ad[i]);
    return new NDArray(dtype, [...a.shape], out);
  };
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
