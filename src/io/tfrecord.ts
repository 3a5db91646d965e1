/**
 * TFRecord framing (`RecordWriter::WriteRecord`, tensorflow/core/lib/io/record_writer.cc): `uint64 length |
 * masked CRC32C of those 8 bytes | data | masked CRC32C of data`.
 *
 * Readers accept a file that ends in the middle of a record (its writer may still be running, or
 * was killed while appending): they stop before that record. A checksum that does not match is
 * corruption and raises DataLossError.
 */
import * as fs from "fs";
import { DataLossError } from "../base/errors";
import { crc32c, maskCrc, unmaskCrc } from "./crc32c";

const HEADER_SIZE = 12;
const FOOTER_SIZE = 4;

/**
 * The framed record for `data`, ready to be appended with a single write. Mirrors TF's
 * `RecordWriter::WriteRecord` (tensorflow/core/lib/io/record_writer.cc).
 * @param data - The payload (a serialized Event, for event files).
 * @returns Length, masked CRC of the length, payload, masked CRC of the payload.
 * @example
 * ```ts
 * import { encodeRecord } from "tensorlings/io";
 * const framed = encodeRecord(new TextEncoder().encode("hello")); // 8 + 4 + 5 + 4 bytes
 * ```
 */
export function encodeRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_SIZE + data.length + FOOTER_SIZE);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskCrc(crc32c(out.subarray(0, 8))), true);
  out.set(data, HEADER_SIZE);
  view.setUint32(HEADER_SIZE + data.length, maskCrc(crc32c(data)), true);
  return out;
}

/** What {@link scanRecords} found in a buffer. */
export interface RecordScan {
  /** Payloads of the complete records. */
  records: Uint8Array[];
  /** Bytes consumed by complete records; anything after is an incomplete last record. */
  consumed: number;
}

/**
 * Splits `buf` into records, checking both CRCs of each. An incomplete last record is left unread.
 * Mirrors TF's `RecordReader::ReadRecord` (tensorflow/core/lib/io/record_reader.cc).
 * @param buf - The bytes of a record file (or of its new part).
 * @param fileName - Names the file in error messages.
 * @param startOffset - Offset of `buf` in the file, for error messages.
 * @returns The complete records and the number of bytes they used.
 * @throws `DataLossError` when a CRC does not match.
 * @example
 * ```ts
 * import { encodeRecord, scanRecords } from "tensorlings/io";
 * const { records, consumed } = scanRecords(encodeRecord(new Uint8Array([1, 2])), "<memory>");
 * ```
 */
export function scanRecords(buf: Uint8Array, fileName: string, startOffset = 0): RecordScan {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const records: Uint8Array[] = [];
  let pos = 0;
  while (pos + HEADER_SIZE <= buf.length) {
    const where = `corrupted record at ${startOffset + pos} in ${fileName}`;
    const lengthCrc = unmaskCrc(view.getUint32(pos + 8, true));
    if (lengthCrc !== crc32c(buf.subarray(pos, pos + 8)))
      throw new DataLossError(`${where}: the length checksum does not match`);
    const length = Number(view.getBigUint64(pos, true));
    const end = pos + HEADER_SIZE + length + FOOTER_SIZE;
    if (end > buf.length) break;
    const data = buf.subarray(pos + HEADER_SIZE, pos + HEADER_SIZE + length);
    if (unmaskCrc(view.getUint32(end - FOOTER_SIZE, true)) !== crc32c(data)) {
      throw new DataLossError(`${where}: the data checksum does not match`);
    }
    records.push(data);
    pos = end;
  }
  return { records, consumed: pos };
}

/**
 * The payloads of all complete records in `buf` (see {@link scanRecords}); like TF 1.x
 * `tf.python_io.tf_record_iterator` (tensorflow/python/lib/io/tf_record.py) on bytes already in memory.
 * @param buf - The bytes of a record file.
 * @param fileName - Names the file in error messages.
 * @returns The payloads.
 * @throws `DataLossError` when a CRC does not match.
 * @example
 * ```ts
 * import * as fs from "fs";
 * import { readRecords } from "tensorlings/io";
 * const payloads = readRecords(fs.readFileSync("events.out.tfevents.1.host"));
 * ```
 */
export function readRecords(buf: Uint8Array, fileName = "<buffer>"): Uint8Array[] {
  return scanRecords(buf, fileName).records;
}

/**
 * Reads a record file that may still be growing: each `readNew()` returns the records completed
 * since the last call (a partial record at the end is picked up once its writer finishes it).
 * TensorBoard reads growing event files the same way
 * (tensorboard/backend/event_processing/event_file_loader.py).
 * @example
 * ```ts
 * import { RecordFileReader } from "tensorlings/io";
 * const reader = new RecordFileReader("tf_logs/run-1/events.out.tfevents.1.host");
 * const fresh = reader.readNew();
 * ```
 */
export class RecordFileReader {
  private offset = 0;

  /** @param path - The record file; it need not be complete. */
  constructor(
    /** The record file. */
    readonly path: string,
  ) {}

  /** Bytes of the file consumed so far (complete records only). */
  get position(): number {
    return this.offset;
  }

  /**
   * The payloads of the records completed since the last call.
   * @returns The new payloads (empty when nothing was added).
   * @throws `DataLossError` when a CRC does not match.
   * @throws Error (a Node.js system error) when the file does not exist.
   */
  readNew(): Uint8Array[] {
    const size = fs.statSync(this.path).size;
    if (size <= this.offset) return [];
    const buf = new Uint8Array(size - this.offset);
    const fd = fs.openSync(this.path, "r");
    let got = 0;
    try {
      while (got < buf.length) {
        const n = fs.readSync(fd, buf, got, buf.length - got, this.offset + got);
        if (n === 0) break;
        got += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    const { records, consumed } = scanRecords(buf.subarray(0, got), this.path, this.offset);
    this.offset += consumed;
    return records;
  }
}
