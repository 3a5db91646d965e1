import { allocStorage } from "../dtypes";
import { InvalidArgumentError } from "../errors";
import { NDArray, shapeSize } from "../ndarray/ndarray";

type Store = Float32Array | Float64Array | Int32Array | Uint8Array | Uint8Array[];

/** Copy with permuted axes. */
export function transposeArray(a: NDArray, perm: number[]): NDArray {
  const rank = a.shape.length;
  if (perm.length !== rank) throw new InvalidArgumentError(`transpose expects a vector of size ${rank}. But input(1) is a vector of size ${perm.length}`);
  const outShape = perm.map((p) => a.shape[p]);
  const size = a.size;
  const out = allocStorage(a.dtype, size) as Store;
  const src = a.data as Store;
  if (rank === 2 && perm[0] === 1) {
    const [r, c] = a.shape;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) (out as Float32Array)[j * r + i] = (src as Float32Array)[i * c + j];
    return new NDArray(a.dtype, outShape, out);
  }
  const inStrides = stridesOf(a.shape);
  const permStrides = perm.map((p) => inStrides[p]);
  const idx = new Array(rank).fill(0);
  let offset = 0;
  for (let i = 0; i < size; i++) {
    (out as unknown[])[i] = (src as unknown[])[offset];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      offset += permStrides[d];
      if (idx[d] < outShape[d]) break;
      offset -= permStrides[d] * outShape[d];
      idx[d] = 0;
    }
  }
  return new NDArray(a.dtype, outShape, out);
}

export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = stride;
    stride *= shape[i];
  }
  return s;
}

/** Repeat `a` `multiples[d]` times along each dim. */
export function tileArray(a: NDArray, multiples: number[]): NDArray {
  const outShape = a.shape.map((d, i) => d * multiples[i]);
  const size = shapeSize(outShape);
  const out = allocStorage(a.dtype, size) as Store;
  const src = a.data as Store;
  if (a.size === 1) {
    for (let i = 0; i < size; i++) (out as unknown[])[i] = (src as unknown[])[0];
    return new NDArray(a.dtype, outShape, out);
  }
  const rank = outShape.length;
  const inStrides = stridesOf(a.shape);
  const idx = new Array(rank).fill(0);
  for (let i = 0; i < size; i++) {
    let off = 0;
    for (let d = 0; d < rank; d++) off += (idx[d] % a.shape[d]) * inStrides[d];
    (out as unknown[])[i] = (src as unknown[])[off];
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < outShape[d]) break;
      idx[d] = 0;
    }
  }
  return new NDArray(a.dtype, outShape, out);
}

/** Concatenate along `axis`. */
export function concatArrays(parts: NDArray[], axis: number): NDArray {
  const first = parts[0];
  const outShape = [...first.shape];
  outShape[axis] = parts.reduce((s, p) => s + p.shape[axis], 0);
  const out = allocStorage(first.dtype, shapeSize(outShape)) as Store;
  const outer = shapeSize(first.shape.slice(0, axis));
  let pos = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const chunk = shapeSize(p.shape.slice(axis));
      const src = p.data as Store;
      for (let k = 0; k < chunk; k++) (out as unknown[])[pos++] = (src as unknown[])[o * chunk + k];
    }
  }
  return new NDArray(first.dtype, outShape, out);
}
