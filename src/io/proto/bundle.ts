/**
 * BundleHeaderProto and BundleEntryProto (tensorflow/core/protobuf/tensor_bundle.proto): the values stored in
 * a checkpoint's `.index` table.
 */
import { decodeVersionDef, writeVersionDef, type VersionDefProto } from "./graph";
import { decodeKnownShape, writeTensorShape } from "./tensor";
import {
  BinaryWriter,
  encodeWith,
  putFixed32,
  putInt32,
  putInt64,
  putMessage,
  readFields,
  readInt64,
} from "./wire";

export const Endianness = { LITTLE: 0, BIG: 1 } as const;

export interface BundleHeaderProto {
  numShards: number;
  endianness: number;
  version: VersionDefProto;
}

export interface BundleEntryProto {
  /** DataType enum value (DT_FLOAT = 1, ...). */
  dtype: number;
  shape: number[];
  shardId: number;
  /** Byte offset of the tensor in its data file. */
  offset: number;
  /** Number of bytes the tensor takes in its data file. */
  size: number;
  /** `maskCrc(crc32c(tensor bytes))`. */
  crc32c: number;
  /** Number of TensorSliceProtos: non-zero only for partitioned variables, which the kit does not read. */
  slices: number;
}

export function writeBundleHeader(w: BinaryWriter, h: BundleHeaderProto): void {
  putInt32(w, 1, h.numShards);
  putInt32(w, 2, h.endianness);
  putMessage(w, 3, (w) => writeVersionDef(w, h.version));
}

export function encodeBundleHeader(h: BundleHeaderProto): Uint8Array {
  return encodeWith(writeBundleHeader, h);
}

export function decodeBundleHeader(bytes: Uint8Array): BundleHeaderProto {
  const h: BundleHeaderProto = { numShards: 0, endianness: 0, version: { producer: 0 } };
  readFields(bytes, "BundleHeaderProto", (field, _wt, r) => {
    if (field === 1) h.numShards = r.int32();
    else if (field === 2) h.endianness = r.int32();
    else if (field === 3) h.version = decodeVersionDef(r.bytes());
    else return false;
    return true;
  });
  return h;
}

/** Entry fields in number order; `shape` is always written (`12 00` for a scalar), zero offsets are left out. */
export function writeBundleEntry(w: BinaryWriter, e: BundleEntryProto): void {
  putInt32(w, 1, e.dtype);
  putMessage(w, 2, (w) => writeTensorShape(w, e.shape));
  putInt32(w, 3, e.shardId);
  putInt64(w, 4, e.offset);
  putInt64(w, 5, e.size);
  putFixed32(w, 6, e.crc32c);
}

export function encodeBundleEntry(e: BundleEntryProto): Uint8Array {
  return encodeWith(writeBundleEntry, e);
}

export function decodeBundleEntry(bytes: Uint8Array, key: string): BundleEntryProto {
  const e: BundleEntryProto = { dtype: 0, shape: [], shardId: 0, offset: 0, size: 0, crc32c: 0, slices: 0 };
  readFields(bytes, `the entry for key ${key}`, (field, _wt, r) => {
    switch (field) {
      case 1:
        e.dtype = r.int32();
        return true;
      case 2:
        e.shape = decodeKnownShape(r.bytes(), `Entry for key ${key}`);
        return true;
      case 3:
        e.shardId = r.int32();
        return true;
      case 4:
        e.offset = readInt64(r);
        return true;
      case 5:
        e.size = readInt64(r);
        return true;
      case 6:
        e.crc32c = r.fixed32();
        return true;
      case 7:
        e.slices++;
        r.bytes();
        return true;
      default:
        return false;
    }
  });
  return e;
}
