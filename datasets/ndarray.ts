/** Hands dataset arrays to the engine as `NDArray`s (float64 matrices, float64 or int32 vectors). */
import { float64, int32 } from "../src/base/dtypes";
import { NDArray } from "../src/base/ndarray/ndarray";
import { Matrix, Vector } from "./matrix";

/**
 * A matrix becomes a [rows, cols] float64 array; a vector a [n] array, or [n, 1] with
 * `asColumn` (the book's `y.reshape(-1, 1)`). The data is shared, not copied. Plays the part of passing a
 * NumPy array to `tf.constant` or a feed dict.
 * @param value - A matrix or a vector.
 * @param options.asColumn - Give a vector the shape [n, 1].
 * @returns The NDArray (float64, or int32 for an Int32Array).
 * @example
 * ```ts
 * import { makeMoons, toNDArray } from "tensorlings/datasets";
 * const { X, y } = makeMoons(100, { randomState: 42 });
 * const XFed = toNDArray(X);
 * const yFed = toNDArray(y, { asColumn: true });
 * ```
 */
export function toNDArray(value: Matrix | Vector, options: { asColumn?: boolean } = {}): NDArray {
  if (value instanceof Float64Array || value instanceof Int32Array) {
    const shape = options.asColumn ? [value.length, 1] : [value.length];
    return new NDArray(value instanceof Float64Array ? float64 : int32, shape, value);
  }
  return new NDArray(float64, [value.rows, value.cols], value.data);
}
