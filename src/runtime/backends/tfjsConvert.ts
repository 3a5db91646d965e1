import type * as TfjsCore from "@tensorflow/tfjs-core";
import { DType, bool, float32, int32 } from "../../base/dtypes";
import { NDArray } from "../../base/ndarray/ndarray";
import type { Tfjs } from "./tfjsLoader";

/** Engine dtypes that map one-to-one onto a tfjs dtype (tfjs has no float64, int64 or byte strings). */
const TFJS_DTYPE = new Map<DType, "float32" | "int32" | "bool">([
  [float32, "float32"],
  [int32, "int32"],
  [bool, "bool"],
]);

export function tfjsDtypeOf(dtype: DType): "float32" | "int32" | "bool" | null {
  return TFJS_DTYPE.get(dtype) ?? null;
}

/** Upload an NDArray. The typed array is handed over as is; tfjs never writes into its inputs. */
export function toTensor(tf: Tfjs, a: NDArray): TfjsCore.Tensor {
  const dtype = tfjsDtypeOf(a.dtype);
  if (!dtype) throw new TypeError(`tfjs has no ${a.dtype.name} tensors`);
  return tf.tensor(a.data as Float32Array | Int32Array | Uint8Array, a.shape, dtype);
}

/**
 * Download a tensor as an NDArray of `dtype` (the op's output dtype). Values are copied into the
 * engine's storage when tfjs hands back a different array type (int64 lives in Float64Array) and
 * bools are normalised to 0/1 (the wasm backend's Cast writes 255 for true).
 */
export function fromTensor(t: TfjsCore.Tensor, dtype: DType): NDArray {
  const values = t.dataSync() as Float32Array | Int32Array | Uint8Array;
  const shape = [...t.shape];
  if (dtype === bool) {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < out.length; i++) out[i] = values[i] ? 1 : 0;
    return new NDArray(bool, shape, out);
  }
  const Storage = dtype === float32 ? Float32Array : dtype === int32 ? Int32Array : Float64Array;
  if (values instanceof Storage) return new NDArray(dtype, shape, values);
  const storage = new Storage(values.length);
  storage.set(values);
  return new NDArray(dtype, shape, storage);
}
