/**
 * TensorShapeProto and TensorProto (tensorflow/core/framework/tensor_shape.proto, tensor.proto), mapped to
 * `ShapeLike` and `NDArray`.
 *
 * TensorProto is written the way Python's `make_tensor_proto` fills a Const: numeric arrays with
 * more than one element as raw `tensor_content`, single values in the typed `*_val` field, bools
 * and strings always in `bool_val` / `string_val`.
 */
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
import {
  BinaryWriter,
  WireType,
  encodeWith,
  putBool,
  putBytes,
  putInt32,
  putInt64,
  putMessage,
  putPacked,
  readBool,
  readDouble,
  readFields,
  readFloat,
  readInt32,
  readInt64,
  readRepeated,
  writeBool,
  writeDouble,
  writeFloat,
  writeInt32,
  writeInt64,
} from "./wire";

// ---------------------------------------------------------------- TensorShapeProto

/** Fields of a TensorShapeProto: `dim = 2` {size = 1, name = 2}, `unknown_rank = 3`. Unknown dims are -1. */
export function writeTensorShape(w: BinaryWriter, shape: ShapeLike): void {
  if (shape === null) {
    putBool(w, 3, true);
    return;
  }
  for (const d of shape) putMessage(w, 2, (w) => putInt64(w, 1, d === null ? -1 : d));
}

export function encodeTensorShape(shape: ShapeLike): Uint8Array {
  return encodeWith(writeTensorShape, shape);
}

export function decodeTensorShape(bytes: Uint8Array): ShapeLike {
  const dims: (number | null)[] = [];
  let unknownRank = false;
  readFields(bytes, "TensorShapeProto", (field, _wt, r) => {
    if (field === 2) {
      let size = 0;
      readFields(r.bytes(), "TensorShapeProto.Dim", (f, _w, rd) => {
        if (f !== 1) return false;
        size = readInt64(rd);
        return true;
      });
      dims.push(size < 0 ? null : size);
    } else if (field === 3) unknownRank = r.bool();
    else return false;
    return true;
  });
  return unknownRank ? null : dims;
}

/** A fully known shape from its proto; unknown dims or rank are an error (tensors and checkpoint entries). */
export function decodeKnownShape(bytes: Uint8Array, what: string): number[] {
  const shape = decodeTensorShape(bytes);
  if (shape === null || shape.some((d) => d === null)) {
    throw new DataLossError(`${what} has a partially known shape`);
  }
  return shape as number[];
}

// ---------------------------------------------------------------- TensorProto

/** Field numbers of the typed value lists. */
const FLOAT_VAL = 5;
const DOUBLE_VAL = 6;
const INT_VAL = 7;
const STRING_VAL = 8;
const INT64_VAL = 10;
const BOOL_VAL = 11;

export function writeTensorProto(w: BinaryWriter, t: NDArray): void {
  putInt32(w, 1, t.dtype.protoEnum);
  putMessage(w, 2, (w) => writeTensorShape(w, t.shape));
  if (t.dtype === string) {
    for (const s of t.data as Uint8Array[]) w.tag(STRING_VAL, WireType.LengthDelimited).bytes(s);
    return;
  }
  if (t.dtype !== bool && t.size > 1) {
    putBytes(w, 4, tensorToBytes(t));
    return;
  }
  const values = t.data as ArrayLike<number>;
  switch (t.dtype) {
    case float32:
      return putPacked(w, FLOAT_VAL, values, writeFloat);
    case float64:
      return putPacked(w, DOUBLE_VAL, values, writeDouble);
    case int32:
      return putPacked(w, INT_VAL, values, writeInt32);
    case int64:
      return putPacked(w, INT64_VAL, Array.from(values, Math.trunc), writeInt64);
    case bool:
      return putPacked(
        w,
        BOOL_VAL,
        Array.from(values, (v) => v !== 0),
        writeBool,
      );
  }
}

export function encodeTensorProto(t: NDArray): Uint8Array {
  return encodeWith(writeTensorProto, t);
}

export function decodeTensorProto(bytes: Uint8Array): NDArray {
  let dtypeEnum = 0;
  let shape: number[] = [];
  let content: Uint8Array | undefined;
  const numbers: number[] = [];
  const strings: Uint8Array[] = [];
  readFields(bytes, "TensorProto", (field, wt, r) => {
    switch (field) {
      case 1:
        dtypeEnum = r.int32();
        return true;
      case 2:
        shape = decodeKnownShape(r.bytes(), "TensorProto");
        return true;
      case 4:
        content = r.bytes();
        return true;
      case FLOAT_VAL:
        readRepeated(r, wt, readFloat, numbers);
        return true;
      case DOUBLE_VAL:
        readRepeated(r, wt, readDouble, numbers);
        return true;
      case INT_VAL:
        readRepeated(r, wt, readInt32, numbers);
        return true;
      case INT64_VAL:
        readRepeated(r, wt, readInt64, numbers);
        return true;
      case BOOL_VAL: {
        const bools: boolean[] = [];
        readRepeated(r, wt, readBool, bools);
        for (const b of bools) numbers.push(b ? 1 : 0);
        return true;
      }
      case STRING_VAL:
        strings.push(r.bytes());
        return true;
      default:
        return false;
    }
  });
  const dtype = tensorDType(dtypeEnum);
  if (content !== undefined && dtype !== string) return tensorFromBytes(dtype, shape, content);
  return dtype === string ? fromValueList(dtype, shape, strings) : fromValueList(dtype, shape, numbers);
}

function tensorDType(value: number): DType {
  try {
    return dtypeFromProto(value);
  } catch {
    throw new DataLossError(`TensorProto has an unsupported dtype (DataType enum ${value})`);
  }
}

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
