/**
 * Reads a checkpoint (any number of shards) with every check TF's BundleReader makes: table
 * CRCs, header version and endianness, entry sizes, and the CRC32C of each tensor's bytes.
 */
import * as fs from "fs";
import { DType, dtypeFromProto, string } from "../../base/dtypes";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { DataLossError, InvalidArgumentError, NotFoundError, UnimplementedError } from "../../base/errors";
import { crc32c, unmaskCrc } from "../crc32c";
import {
  BundleEntryProto,
  BundleHeaderProto,
  Endianness,
  decodeBundleEntry,
  decodeBundleHeader,
} from "../proto/bundle";
import { tensorFromBytes } from "../tensorBytes";
import { dataFileName, indexFileName } from "./naming";
import { decodeStringTensor } from "./stringTensor";
import { readTable } from "./tableReader";
import { TENSOR_BUNDLE_VERSION } from "./bundleEncoder";

/** Name, dtype and shape of a tensor stored in a checkpoint. */
export interface CheckpointTensorInfo {
  /** The tensor's key. */
  key: string;
  /** Its element type. */
  dtype: DType;
  /** Its shape. */
  shape: number[];
}

/** Read a whole file, turning "no such file" into TF's NotFoundError naming it. */
export function readFileOrNotFound(path: string): Uint8Array {
  try {
    const buf = fs.readFileSync(path);
    // A plain Uint8Array view, so that slice() copies as everywhere else (Buffer's slice does not).
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new NotFoundError(`${path}; No such file or directory`);
    throw e;
  }
}

const utf8 = new TextDecoder();

/**
 * Reads a checkpoint (any number of shards) with every check TF's reader makes. Mirrors TF's
 * `BundleReader` (tensorflow/core/util/tensor_bundle/tensor_bundle.cc); Python reaches it through
 * `tf.train.NewCheckpointReader`.
 * @example
 * ```ts
 * import { BundleReader } from "tensorlings/io";
 * const reader = new BundleReader("/tmp/my_model_final.ckpt");
 * const theta = reader.get("theta");
 * ```
 */
export class BundleReader {
  /** The header entry of the index (shard count, endianness, version). */
  readonly header: BundleHeaderProto;
  private readonly entries = new Map<string, BundleEntryProto>();
  /** Data files are read on first use and kept (a restore reads every tensor). */
  private readonly shards = new Map<number, Uint8Array>();

  /**
   * Opens `<prefix>.index` and checks its header; data files are read on first use.
   * @param prefix - The checkpoint prefix.
   * @throws `NotFoundError` when the index file is missing.
   * @throws `DataLossError` when the index is corrupt.
   * @throws `UnimplementedError` or `InvalidArgumentError` for a version or byte order TF would refuse.
   */
  constructor(
    /** The checkpoint prefix. */
    readonly prefix: string,
  ) {
    const indexFile = indexFileName(prefix);
    const table = readTable(readFileOrNotFound(indexFile), indexFile);
    if (table.length === 0 || table[0].key.length !== 0) {
      throw new DataLossError(`Unable to read file (${indexFile}): the header entry is missing`);
    }
    this.header = decodeBundleHeader(table[0].value);
    this.checkHeader(indexFile);
    for (const { key, value } of table.slice(1)) {
      const name = utf8.decode(key);
      this.entries.set(name, decodeBundleEntry(value, name));
    }
  }

  private checkHeader(indexFile: string): void {
    const { numShards, endianness, version } = this.header;
    if (endianness !== Endianness.LITTLE) {
      throw new UnimplementedError(
        "Reading a bundle with different endianness from the reader is unsupported.",
      );
    }
    if ((version.minConsumer ?? 0) > TENSOR_BUNDLE_VERSION) {
      throw new InvalidArgumentError(
        `Checkpoint min consumer version ${version.minConsumer} above current version ${TENSOR_BUNDLE_VERSION} for checkpoint (${indexFile})`,
      );
    }
    if (version.badConsumers?.includes(TENSOR_BUNDLE_VERSION)) {
      throw new InvalidArgumentError(
        `Checkpoint disallows consumer version ${TENSOR_BUNDLE_VERSION} (${indexFile})`,
      );
    }
    if (numShards < 1)
      throw new DataLossError(`Unable to read file (${indexFile}): the header says ${numShards} shards`);
  }

  /** Tensor keys in the checkpoint's (byte) order. Like TF's `BundleReader::Seek`/`Next` over the index. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Whether the checkpoint holds a tensor under `key`. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * The raw index entry of `key` (dtype, shape, shard, offset, size, CRC).
   * @throws `NotFoundError` `Key <key> not found in checkpoint` when it is absent.
   */
  entry(key: string): BundleEntryProto {
    const e = this.entries.get(key);
    if (!e) throw new NotFoundError(`Key ${key} not found in checkpoint`);
    return e;
  }

  /**
   * Name, dtype and shape of `key`, without reading the data.
   * @throws `NotFoundError` when the key is absent.
   */
  info(key: string): CheckpointTensorInfo {
    const e = this.entry(key);
    return { key, dtype: entryDType(key, e), shape: [...e.shape] };
  }

  /** Name, dtype and shape of every tensor, in key order. */
  list(): CheckpointTensorInfo[] {
    return this.keys().map((k) => this.info(k));
  }

  /**
   * The value stored under `key`, after checking its size and CRC32C. Mirrors TF's `BundleReader::Lookup`.
   * @param key - The tensor's key.
   * @returns Its value.
   * @throws `NotFoundError` when the key is absent; `DataLossError` when the bytes are damaged;
   * `UnimplementedError` for a sliced tensor.
   */
  get(key: string): NDArray {
    const e = this.entry(key);
    const dtype = entryDType(key, e);
    if (e.slices > 0)
      throw new UnimplementedError(`Key ${key} holds a partitioned (sliced) tensor, which is not supported`);
    if (e.shardId < 0 || e.shardId >= this.header.numShards) {
      throw new DataLossError(`Entry for key ${key} names shard ${e.shardId} of ${this.header.numShards}`);
    }
    const file = dataFileName(this.prefix, e.shardId, this.header.numShards);
    const data = this.shard(e.shardId, file);
    if (e.offset + e.size > data.length) {
      throw new DataLossError(
        `Tensor ${key} needs bytes ${e.offset}..${e.offset + e.size} but ${file} has only ${data.length} bytes: the file is truncated`,
      );
    }
    const bytes = data.subarray(e.offset, e.offset + e.size);
    const where = `${key} in ${file}`;
    let value: NDArray;
    let actual: number;
    if (dtype === string) {
      const decoded = decodeStringTensor(bytes, shapeSize(e.shape), where);
      value = new NDArray(string, [...e.shape], decoded.elements);
      actual = decoded.crc;
    } else {
      const expected = shapeSize(e.shape) * dtype.byteSize;
      if (e.size !== expected) {
        throw new DataLossError(
          `Entry for key ${key} says ${e.size} bytes, but a ${dtype.name} tensor of shape [${e.shape.join(",")}] takes ${expected} (in ${indexFileName(this.prefix)})`,
        );
      }
      actual = crc32c(bytes);
      value = tensorFromBytes(dtype, [...e.shape], bytes);
    }
    const stored = unmaskCrc(e.crc32c);
    if (stored !== actual) {
      throw new DataLossError(
        `Checksum does not match: stored ${String(stored).padStart(8, "0")} vs. calculated on the restored bytes ${actual}`,
      );
    }
    return value;
  }

  private shard(id: number, file: string): Uint8Array {
    let data = this.shards.get(id);
    if (!data) {
      data = readFileOrNotFound(file);
      this.shards.set(id, data);
    }
    return data;
  }
}

function entryDType(key: string, e: BundleEntryProto): DType {
  try {
    return dtypeFromProto(e.dtype);
  } catch {
    throw new UnimplementedError(
      `Key ${key} holds a tensor of DataType enum ${e.dtype}, which the kit does not support`,
    );
  }
}
