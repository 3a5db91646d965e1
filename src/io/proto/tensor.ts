/**
 * TensorShapeProto and TensorProto (tensorflow/core/framework/tensor.proto, tensor_shape.proto),
 * mapped to `ShapeLike` and `NDArray`.
 *
 * TensorProto is written the way Python's `make_tensor_proto` fills a Const: numeric arrays with
 * more than one element as raw `tensor_content`, single values in the typed `*_val` field, bools
 * and strings always in `bool_val` / `string_val`.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import {
  DType,
  allocStorage,
  bool,
  dtypeFromProto,
  float32,
  float64,
  int32,
  int64,
  string,
} from "../../base/dtypes";
import type { ShapeLike } from "../../base/graphdef";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { DataLossError } from "../../base/errors";
import { tensorFromBytes, tensorToBytes } from "../tensorBytes";
import { parseMessage, toInt64 } from "./codec";
import * as pb from "./gen/tensor_pb";

// ---------------------------------------------------------------- TensorShapeProto

/** A shape as TF writes it: unknown dims are -1, an unknown rank sets `unknown_rank`. */
export function tensorShapeToProto(shape: ShapeLike): pb.TensorShapeProto {
  if (shape === null) return create(pb.TensorShapeProtoSchema, { unknownRank: true });
  return create(pb.TensorShapeProtoSchema, { dim: shape.map((d) => ({ size: BigInt(d ?? -1) })) });
}

/** A shape from its generated message: -1 dims become null, an unknown rank null. */
export function tensorShapeFromProto(p: pb.TensorShapeProto): ShapeLike {
  if (p.unknownRank) return null;
  return p.dim.map((d) => (d.size < 0 ? null : Number(d.size)));
}

/**
 * Serializes a static shape. Mirrors TF 1.x's `TensorShapeProto.SerializeToString`
 * (tensorflow/core/framework/tensor_shape.proto), as `TensorShape.as_proto` fills it.
 * @param shape - dims with null for unknown ones, or null for an unknown rank
 * @returns the serialized TensorShapeProto
 * @example
 * ```ts
 * import { encodeTensorShape } from "tensorlings/io";
 * const bytes = encodeTensorShape([null, 9]); // an unknown dim is written as -1
 * ```
 */
export function encodeTensorShape(shape: ShapeLike): Uint8Array {
  return toBinary(pb.TensorShapeProtoSchema, tensorShapeToProto(shape));
}

/**
 * Parses a serialized TensorShapeProto. Mirrors TF 1.x's `TensorShapeProto.FromString`.
 * @param bytes - the serialized message
 * @returns the dims (null for -1), or null for an unknown rank
 * @throws `DataLossError` when the bytes are not a TensorShapeProto
 * @example
 * ```ts
 * import { decodeTensorShape } from "tensorlings/io";
 * const shape = decodeTensorShape(Uint8Array.from([0x12, 0x02, 0x08, 0x09])); // [9]
 * ```
 */
export function decodeTensorShape(bytes: Uint8Array): ShapeLike {
  return tensorShapeFromProto(parseMessage(pb.TensorShapeProtoSchema, bytes));
}

/** A fully known shape (a missing one is a scalar's); unknown dims or rank are an error (tensors and checkpoint entries). */
export function knownShape(p: pb.TensorShapeProto | undefined, what: string): number[] {
  const shape = p ? tensorShapeFromProto(p) : [];
  if (shape === null || shape.some((d) => d === null)) {
    throw new DataLossError(`${what} has a partially known shape`);
  }
  return shape as number[];
}

// ---------------------------------------------------------------- TensorProto

/** The typed value list each numeric dtype uses, written by `make_tensor_proto` and read by `Tensor::FromProto`. */
const VALUE_LISTS = new Map<
  DType,
  { put(p: pb.TensorProto, v: ArrayLike<number>): void; get(p: pb.TensorProto): number[] }
>([
  [float32, { put: (p, v) => void (p.floatVal = Array.from(v)), get: (p) => p.floatVal }],
  [float64, { put: (p, v) => void (p.doubleVal = Array.from(v)), get: (p) => p.doubleVal }],
  [int32, { put: (p, v) => void (p.intVal = Array.from(v)), get: (p) => p.intVal }],
  [int64, { put: (p, v) => void (p.int64Val = Array.from(v, toInt64)), get: (p) => p.int64Val.map(Number) }],
  [
    bool,
    { put: (p, v) => void (p.boolVal = Array.from(v, (b) => b !== 0)), get: (p) => p.boolVal.map(Number) },
  ],
]);

/** The generated TensorProto message of an array, filled as `make_tensor_proto` fills a Const's value. */
export function tensorToProto(t: NDArray): pb.TensorProto {
  const p = create(pb.TensorProtoSchema, {
    dtype: t.dtype.protoEnum,
    tensorShape: tensorShapeToProto(t.shape),
  });
  if (t.dtype === string) p.stringVal = t.data as Uint8Array[];
  else if (t.dtype !== bool && t.size > 1) p.tensorContent = tensorToBytes(t);
  else VALUE_LISTS.get(t.dtype)?.put(p, t.data as ArrayLike<number>);
  return p;
}

/** An array from its generated TensorProto message. */
export function tensorFromProto(p: pb.TensorProto): NDArray {
  const dtype = tensorDType(p.dtype);
  const shape = knownShape(p.tensorShape, "TensorProto");
  if (dtype === string) return fromValueList(dtype, shape, p.stringVal);
  if (p.tensorContent.length > 0) return tensorFromBytes(dtype, shape, p.tensorContent);
  return fromValueList(dtype, shape, VALUE_LISTS.get(dtype)?.get(p) ?? []);
}

/**
 * Serializes an array as TF 1.x's Python writes a Const's value. Mirrors TF 1.x's
 * `tf.make_tensor_proto` (tensorflow/python/framework/tensor_util.py) followed by `SerializeToString`.
 * @param t - the array
 * @returns the serialized TensorProto
 * @example
 * ```ts
 * import { encodeTensorProto } from "tensorlings/io";
 * import { NDArray, float32 } from "tensorlings";
 * const bytes = encodeTensorProto(NDArray.from([1, 2, 3], float32)); // raw tensor_content
 * ```
 */
export function encodeTensorProto(t: NDArray): Uint8Array {
  return toBinary(pb.TensorProtoSchema, tensorToProto(t));
}

/**
 * Parses a serialized TensorProto into an array; a value list shorter than the shape repeats its
 * last value. Mirrors TF 1.x's `tf.make_ndarray` (tensorflow/python/framework/tensor_util.py).
 * @param bytes - the serialized message
 * @returns the array
 * @throws `DataLossError` when the bytes are not a TensorProto, its dtype is unsupported,
 *   its shape is not fully known, or its values do not fit the shape
 * @example
 * ```ts
 * import { decodeTensorProto, encodeTensorProto } from "tensorlings/io";
 * import { NDArray, float32 } from "tensorlings";
 * const back = decodeTensorProto(encodeTensorProto(NDArray.from(5, float32)));
 * ```
 */
export function decodeTensorProto(bytes: Uint8Array): NDArray {
  return tensorFromProto(parseMessage(pb.TensorProtoSchema, bytes));
}

/** A DataType enum value the kit supports (its `_ref` variant included). */
export function dtypeFromEnum(value: number, what: string): DType {
  try {
    return dtypeFromProto(value);
  } catch {
    throw new DataLossError(`${what} (DataType enum ${value})`);
  }
}

const tensorDType = (value: number): DType => dtypeFromEnum(value, "TensorProto has an unsupported dtype");

/** A value list shorter than the shape repeats its last value, as TF does for broadcast constants. */
function fromValueList<T extends number | Uint8Array>(dtype: DType, shape: number[], values: T[]): NDArray {
  const count = shapeSize(shape);
  if (values.length > count) {
    throw new DataLossError(`TensorProto holds ${values.length} values for shape [${shape.join(",")}]`);
  }
  const data = allocStorage(dtype, count) as unknown as T[];
  for (let i = 0; i < count && values.length > 0; i++) data[i] = values[Math.min(i, values.length - 1)];
  return new NDArray(dtype, shape, data as never);
}
