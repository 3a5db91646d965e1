/**
 * BundleHeaderProto and BundleEntryProto (tensorflow/core/protobuf/tensor_bundle.proto): the
 * values stored in a checkpoint's `.index` table.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { parseMessage, toInt64 } from "./codec";
import * as pb from "./gen/tensor_bundle_pb";
import { versionDefFromProto, versionDefToProto, type VersionDefProto } from "./graph";
import { knownShape, tensorShapeToProto } from "./tensor";

export const Endianness = {
  LITTLE: pb.BundleHeaderProto_Endianness.LITTLE,
  BIG: pb.BundleHeaderProto_Endianness.BIG,
} as const;

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

export function encodeBundleHeader(h: BundleHeaderProto): Uint8Array {
  return toBinary(
    pb.BundleHeaderProtoSchema,
    create(pb.BundleHeaderProtoSchema, {
      numShards: h.numShards,
      endianness: h.endianness,
      version: versionDefToProto(h.version),
    }),
  );
}

export function decodeBundleHeader(bytes: Uint8Array): BundleHeaderProto {
  const p = parseMessage(pb.BundleHeaderProtoSchema, bytes);
  return {
    numShards: p.numShards,
    endianness: p.endianness,
    version: p.version ? versionDefFromProto(p.version) : { producer: 0 },
  };
}

/** `shape` is always written (`12 00` for a scalar); zero offsets are left out. */
export function encodeBundleEntry(e: BundleEntryProto): Uint8Array {
  return toBinary(
    pb.BundleEntryProtoSchema,
    create(pb.BundleEntryProtoSchema, {
      dtype: e.dtype,
      shape: tensorShapeToProto(e.shape),
      shardId: e.shardId,
      offset: toInt64(e.offset),
      size: toInt64(e.size),
      crc32c: e.crc32c,
    }),
  );
}

export function decodeBundleEntry(bytes: Uint8Array, key: string): BundleEntryProto {
  const p = parseMessage(pb.BundleEntryProtoSchema, bytes, `the entry for key ${key}`);
  return {
    dtype: p.dtype,
    shape: knownShape(p.shape, `Entry for key ${key}`),
    shardId: p.shardId,
    offset: Number(p.offset),
    size: Number(p.size),
    crc32c: p.crc32c,
    slices: p.slices.length,
  };
}
