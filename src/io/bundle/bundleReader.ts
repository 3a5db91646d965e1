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

export interface CheckpointTensorInfo {
  key: string;
  dtype: DType;
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

export class BundleReader {
  readonly header: BundleHeaderProto;
  private readonly entries = new Map<string, BundleEntryProto>();
  /** Data files are read on first use and kept (a restore reads every tensor). */
  private readonly shards = new Map<number, Uint8Array>();

  constructor(readonly prefix: string) {
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

  /** Tensor keys in the checkpoint's (byte) order. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  entry(key: string): BundleEntryProto {
    const e = this.entries.get(key);
    if (!e) throw new NotFoundError(`Key ${key} not found in checkpoint`);
    return e;
  }

  info(key: string): CheckpointTensorInfo {
    const e = this.entry(key);
    return { key, dtype: entryDType(key, e), shape: [...e.shape] };
  }

  list(): CheckpointTensorInfo[] {
    return this.keys().map((k) => this.info(k));
  }

  /** The value stored under `key`, after checking its size and CRC32C. */
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
