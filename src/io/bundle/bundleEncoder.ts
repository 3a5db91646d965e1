/**
 * Builds the two files of a single-shard checkpoint in memory, byte for byte as TF's BundleWriter:
 * the data file (every tensor's bytes, in key order, no padding) and the index table (header
 * under the empty key, then one BundleEntryProto per key).
 */
import { string } from "../../base/dtypes";
import type { NDArray } from "../../base/ndarray/ndarray";
import { InvalidArgumentError } from "../../base/errors";
import { crc32c, maskCrc } from "../crc32c";
import { encodeBundleEntry, encodeBundleHeader } from "../proto/bundle";
import { tensorToBytes } from "../tensorBytes";
import { encodeStringTensor } from "./stringTensor";
import { TableBuilder } from "./tableBuilder";
import { compareBytes } from "./tableFormat";

/** `kTensorBundleVersion`: the producer version TF writes in the header. */
export const TENSOR_BUNDLE_VERSION = 1;

/** A tensor to store in a checkpoint under `key`. */
export interface NamedTensor {
  /** The checkpoint key (a variable's name); must not be empty. */
  key: string;
  /** The value to store. */
  value: NDArray;
}

const utf8 = new TextEncoder();

/**
 * The bytes of a single-shard checkpoint, built in memory as TF's `BundleWriter` writes them
 * (tensorflow/core/util/tensor_bundle/tensor_bundle.cc, `BundleWriter::Add` and `BundleWriter::Finish`).
 * @param tensors - The tensors, in any order (they are stored sorted by key).
 * @returns `index`, the `.index` table, and `data`, the `.data-00000-of-00001` file.
 * @throws `InvalidArgumentError` when a key is empty or appears twice.
 * @example
 * ```ts
 * import { encodeCheckpoint } from "tensorlings/io";
 * const { index, data } = encodeCheckpoint([{ key: "w", value: tf.NDArray.from([1, 2]) }]);
 * ```
 */
export function encodeCheckpoint(tensors: readonly NamedTensor[]): {
  /** The `.index` table. */
  index: Uint8Array;
  /** The data file. */
  data: Uint8Array;
} {
  const sorted = tensors
    .map((t) => ({ key: t.key, keyBytes: utf8.encode(t.key), value: t.value }))
    .sort((a, b) => compareBytes(a.keyBytes, b.keyBytes));
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].key === "")
      throw new InvalidArgumentError("A checkpoint key cannot be empty (the empty key holds the header)");
    if (i > 0 && sorted[i].key === sorted[i - 1].key)
      throw new InvalidArgumentError(`Adding duplicate key: ${sorted[i].key}`);
  }

  const table = new TableBuilder();
  table.add(
    new Uint8Array(0),
    encodeBundleHeader({ numShards: 1, endianness: 0, version: { producer: TENSOR_BUNDLE_VERSION } }),
  );
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const { keyBytes, value } of sorted) {
    let bytes: Uint8Array;
    let crc: number;
    if (value.dtype === string) {
      ({ bytes, crc } = encodeStringTensor(value.data as Uint8Array[]));
    } else {
      bytes = tensorToBytes(value);
      crc = crc32c(bytes);
    }
    const entry = {
      dtype: value.dtype.protoEnum,
      shape: value.shape,
      shardId: 0,
      offset,
      size: bytes.length,
      crc32c: maskCrc(crc),
      slices: 0,
    };
    table.add(keyBytes, encodeBundleEntry(entry));
    chunks.push(bytes);
    offset += bytes.length;
  }

  const data = new Uint8Array(offset);
  let pos = 0;
  for (const c of chunks) {
    data.set(c, pos);
    pos += c.length;
  }
  return { index: table.finish(), data };
}
