/**
 * BundleHeaderProto and BundleEntryProto (tensorflow/core/protobuf/tensor_bundle.proto): the
 * values stored in a checkpoint's `.index` table.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { parseMessage, toInt64 } from "./codec";
import * as pb from "./gen/tensor_bundle_pb";
import { versionDefFromProto, versionDefToProto, type VersionDefProto } from "./graph";
import { knownShape, tensorShapeToProto } from "./tensor";

/**
 * The byte orders a checkpoint's header can name; the kit reads and writes little-endian only.
 * Mirrors TF 1.x's `BundleHeaderProto.Endianness` enum (tensorflow/core/protobuf/tensor_bundle.proto).
 * @example
 * ```ts
 * import { Endianness, encodeBundleHeader } from "tensorlings/io";
 * const header = encodeBundleHeader({ numShards: 1, endianness: Endianness.LITTLE, version: { producer: 1 } });
 * ```
 */
export const Endianness = {
  /** Little-endian, what TF writes on x86 and ARM. */
  LITTLE: 0,
  /** Big-endian. */
  BIG: 1,
} as const;

/**
 * The header of a checkpoint's `.index` table (its entry under the empty key). Mirrors TF 1.x's
 * `BundleHeaderProto` message (tensorflow/core/protobuf/tensor_bundle.proto).
 */
export interface BundleHeaderProto {
  /** Number of data files (`.data-0000i-of-0000n`). */
  numShards: number;
  /** One of {@link Endianness}. */
  endianness: number;
  /** The bundle format's version stamp (producer 1). */
  version: VersionDefProto;
}

/**
 * Where one tensor of a checkpoint lies and how to check it: the value of its key in the `.index`
 * table. Mirrors TF 1.x's `BundleEntryProto` message (tensorflow/core/protobuf/tensor_bundle.proto).
 */
export interface BundleEntryProto {
  /** DataType enum value (DT_FLOAT = 1, ...). */
  dtype: number;
  /** The tensor's shape, fully known. */
  shape: number[];
  /** The data file that holds it. */
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

/**
 * Serializes a checkpoint's header. Mirrors TF 1.x's `BundleHeaderProto.SerializeToString`, as
 * `BundleWriter` writes it.
 * @param h - the header
 * @returns the serialized BundleHeaderProto (`08 01 1a 02 08 01` for one little-endian shard)
 * @example
 * ```ts
 * import { encodeBundleHeader } from "tensorlings/io";
 * const bytes = encodeBundleHeader({ numShards: 1, endianness: 0, version: { producer: 1 } });
 * ```
 */
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

/**
 * Parses a checkpoint's header. Mirrors TF 1.x's `BundleHeaderProto.FromString`, as `BundleReader` reads it.
 * @param bytes - the value under the empty key of the `.index` table
 * @returns the header
 * @throws `DataLossError` when the bytes are not a BundleHeaderProto
 * @example
 * ```ts
 * import { decodeBundleHeader } from "tensorlings/io";
 * const { numShards } = decodeBundleHeader(Uint8Array.from([0x08, 0x01, 0x1a, 0x02, 0x08, 0x01]));
 * ```
 */
export function decodeBundleHeader(bytes: Uint8Array): BundleHeaderProto {
  const p = parseMessage(pb.BundleHeaderProtoSchema, bytes);
  return {
    numShards: p.numShards,
    endianness: p.endianness,
    version: p.version ? versionDefFromProto(p.version) : { producer: 0 },
  };
}

/**
 * Serializes one tensor's entry as TF writes it: `shape` always (`12 00` for a scalar), zero
 * offsets left out. Mirrors TF 1.x's `BundleEntryProto.SerializeToString`.
 * @param e - the entry (`slices` is not written: the kit writes no partitioned variables)
 * @returns the serialized BundleEntryProto
 * @example
 * ```ts
 * import { encodeBundleEntry } from "tensorlings/io";
 * const bytes = encodeBundleEntry({ dtype: 1, shape: [], shardId: 0, offset: 0, size: 4, crc32c: 0x1f273806, slices: 0 });
 * ```
 */
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

/**
 * Parses one tensor's entry of a checkpoint's `.index` table. Mirrors TF 1.x's `BundleEntryProto.FromString`.
 * @param bytes - the serialized entry
 * @param key - the tensor's name, for error messages
 * @returns the entry
 * @throws `DataLossError` when the bytes are not a BundleEntryProto, or the shape is not fully known
 * @example
 * ```ts
 * import { decodeBundleEntry } from "tensorlings/io";
 * const { size } = decodeBundleEntry(Uint8Array.from([0x08, 0x01, 0x12, 0x00, 0x28, 0x04]), "theta");
 * ```
 */
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
