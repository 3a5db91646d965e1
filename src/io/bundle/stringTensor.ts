/**
 * Layout of a string tensor in a checkpoint's data file (`WriteStringTensor`,
 * tensorflow/core/util/tensor_bundle/tensor_bundle.cc):
 *   varint lengths of every element | masked CRC32C of the lengths | the element bytes.
 * The lengths' CRC (and the entry's CRC) runs over each length as a 4-byte little-endian integer,
 * not over the varint bytes.
 */
import { DataLossError } from "../../base/errors";
import { crc32c, maskCrc, unmaskCrc } from "../crc32c";
import { ByteSink } from "./byteSink";
import { readFixed32, readVarint } from "./tableFormat";

function uint32Bytes(values: number[]): Uint8Array {
  return new Uint8Array(Uint32Array.from(values).buffer);
}

/** The bytes to store and the (unmasked) CRC32C that goes into the entry. */
export function encodeStringTensor(elements: Uint8Array[]): { bytes: Uint8Array; crc: number } {
  const lengths = elements.map((e) => e.length);
  const sink = new ByteSink(lengths.length + 4 + lengths.reduce((a, b) => a + b, 0));
  for (const n of lengths) sink.varint(n);
  let crc = crc32c(uint32Bytes(lengths));
  const lengthChecksum = new ByteSink(4).fixed32(maskCrc(crc)).view();
  sink.bytes(lengthChecksum);
  crc = crc32c(lengthChecksum, crc);
  for (const e of elements) {
    sink.bytes(e);
    crc = crc32c(e, crc);
  }
  return { bytes: sink.view(), crc };
}

/** Parse `count` strings from `bytes` (exactly the tensor's region), returning them and the CRC computed over them. */
export function decodeStringTensor(
  bytes: Uint8Array,
  count: number,
  where: string,
): { elements: Uint8Array[]; crc: number } {
  const truncated = `String tensor ${where} is truncated`;
  const lengths: number[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    let n;
    [n, pos] = readVarint(bytes, pos, bytes.length, truncated);
    lengths.push(n);
  }
  if (pos + 4 > bytes.length) throw new DataLossError(truncated);
  let crc = crc32c(uint32Bytes(lengths));
  const stored = unmaskCrc(readFixed32(bytes, pos));
  if (stored !== crc) {
    const pad = (n: number) => String(n).padStart(8, "0");
    throw new DataLossError(
      `The length checksum does not match: expected ${pad(stored)} but actual is ${pad(crc)}`,
    );
  }
  crc = crc32c(bytes.subarray(pos, pos + 4), crc);
  pos += 4;
  const elements: Uint8Array[] = [];
  for (const n of lengths) {
    if (pos + n > bytes.length) throw new DataLossError(truncated);
    const e = bytes.slice(pos, pos + n);
    crc = crc32c(e, crc);
    elements.push(e);
    pos += n;
  }
  if (pos !== bytes.length)
    throw new DataLossError(`String tensor ${where} has ${bytes.length - pos} unexpected trailing bytes`);
  return { elements, crc };
}
