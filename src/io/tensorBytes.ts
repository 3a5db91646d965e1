/**
 * Raw little-endian bytes of numeric tensors, the layout TF uses both in a TensorProto's
 * `tensor_content` and in a checkpoint's data file.
 */
import { DType, bool, float32, float64, int32, int64 } from "../base/dtypes";
import { NDArray, shapeSize } from "../base/ndarray/ndarray";
import { DataLossError } from "../base/errors";

// Typed arrays use the host byte order; TF's files are little-endian. Every platform Node supports
// in practice is little-endian, so refuse to run (rather than write wrong files) anywhere else.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error("tensorlings io: big-endian hosts are not supported");
}

function asBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * The raw bytes of a numeric or bool tensor: a view of the storage when it already has the file
 * layout, a converted copy otherwise (int64 values live in doubles, bools may be any non-zero byte).
 * The layout of TF's `Tensor::tensor_data()` (tensorflow/core/framework/tensor.cc).
 * @param t - A numeric or bool tensor.
 * @returns Its little-endian bytes.
 * @throws TypeError for a string tensor, which has no fixed-width layout.
 * @example
 * ```ts
 * import { tensorToBytes } from "tensorlings/io";
 * const bytes = tensorToBytes(tf.NDArray.from([1, 2])); // 8 bytes of float32
 * ```
 */
export function tensorToBytes(t: NDArray): Uint8Array {
  const data = t.data as ArrayLike<number>;
  switch (t.dtype.name) {
    case "float32":
      return asBytes(data instanceof Float32Array ? data : Float32Array.from(data));
    case "float64":
      return asBytes(data instanceof Float64Array ? data : Float64Array.from(data));
    case "int32":
      return asBytes(data instanceof Int32Array ? data : Int32Array.from(data));
    case "bool": {
      const out = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = data[i] ? 1 : 0;
      return out;
    }
    case "int64": {
      const out = new BigInt64Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = BigInt(Math.trunc(data[i]));
      return asBytes(out);
    }
    case "string":
      throw new TypeError("string tensors have no fixed-width byte layout");
  }
}

/** Copy `bytes` into a fresh, aligned buffer (typed arrays need an offset that is a multiple of the element size). */
function aligned(bytes: Uint8Array): ArrayBuffer {
  // `new Uint8Array(view)` copies; `slice()` would not on a Node Buffer.
  return new Uint8Array(bytes).buffer;
}

/**
 * Rebuilds a numeric or bool tensor from its raw little-endian bytes (the inverse of {@link tensorToBytes}).
 * @param dtype - The element type.
 * @param shape - The dimensions.
 * @param bytes - Exactly `size * dtype.byteSize` bytes.
 * @returns The tensor.
 * @throws `DataLossError` when the byte count does not match the shape.
 * @throws TypeError for a dtype without a fixed-width layout (string).
 * @example
 * ```ts
 * import { tensorFromBytes, tensorToBytes } from "tensorlings/io";
 * const back = tensorFromBytes(tf.float32, [2], tensorToBytes(tf.NDArray.from([1, 2])));
 * ```
 */
export function tensorFromBytes(dtype: DType, shape: number[], bytes: Uint8Array): NDArray {
  const count = shapeSize(shape);
  if (bytes.length !== count * dtype.byteSize) {
    throw new DataLossError(
      `${bytes.length} bytes cannot hold a ${dtype.name} tensor of shape [${shape.join(",")}] (${count * dtype.byteSize} bytes expected)`,
    );
  }
  switch (dtype) {
    case float32:
      return new NDArray(dtype, shape, new Float32Array(aligned(bytes)));
    case float64:
      return new NDArray(dtype, shape, new Float64Array(aligned(bytes)));
    case int32:
      return new NDArray(dtype, shape, new Int32Array(aligned(bytes)));
    case bool: {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = bytes[i] !== 0 ? 1 : 0;
      return new NDArray(dtype, shape, out);
    }
    case int64: {
      const src = new BigInt64Array(aligned(bytes));
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = Number(src[i]);
      return new NDArray(dtype, shape, out);
    }
    default:
      throw new TypeError(`${dtype.name} tensors have no fixed-width byte layout`);
  }
}
