/**
 * Reads an event file without the kit's io layer: TFRecord framing walked by hand, both CRCs recomputed with
 * the crc-32 package and TF's mask (crc32c.h `Mask`; record_writer.cc), and every Event decoded by protobufjs
 * from the repository's .proto files.
 */
import * as fs from "fs";
import * as CRC32C from "crc-32/crc32c";
import { pbDecode } from "../io/protoDecoder";

const mask = (crc: number): number => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
const maskedCrc = (bytes: Uint8Array): number => mask(CRC32C.buf(bytes, 0) >>> 0);

export interface CheckedRecords {
  payloads: Buffer[];
  /** Every length CRC and data CRC matched. */
  crcsOk: boolean;
  /** The file ends exactly after the last record. */
  whole: boolean;
}

export function readRecordsIndependently(file: string): CheckedRecords {
  const buf = fs.readFileSync(file);
  const payloads: Buffer[] = [];
  let crcsOk = true;
  let pos = 0;
  while (pos + 12 <= buf.length) {
    const length = Number(buf.readBigUInt64LE(pos));
    if (buf.readUInt32LE(pos + 8) !== maskedCrc(buf.subarray(pos, pos + 8))) crcsOk = false;
    if (pos + 16 + length > buf.length) break;
    const data = buf.subarray(pos + 12, pos + 12 + length);
    if (buf.readUInt32LE(pos + 12 + length) !== maskedCrc(data)) crcsOk = false;
    payloads.push(data);
    pos += 16 + length;
  }
  return { payloads, crcsOk, whole: pos === buf.length };
}

/** The events of `file`, decoded by protobufjs (int64 as numbers, bytes as number arrays). */
export function decodeEventsIndependently(file: string): any[] {
  const { payloads, crcsOk, whole } = readRecordsIndependently(file);
  if (!crcsOk) throw new Error(`${file}: a record CRC does not match`);
  if (!whole) throw new Error(`${file}: the file does not end on a record boundary`);
  return payloads.map((p) => pbDecode("Event", p));
}
