/** Constants and small codecs shared by the table writer and reader (`Footer` and `BlockHandle`,
 * tensorflow/core/lib/io/format.cc). */
import { DataLossError } from "../../base/errors";

/** Footer: two block handles padded to 40 bytes, then the 8-byte magic number. */
export const FOOTER_SIZE = 48;
/** After each block: a type byte (0 = uncompressed) and a masked CRC32C of block + type. */
export const BLOCK_TRAILER_SIZE = 5;
/** `0xdb4775248b80fb57` as two little-endian words, low word first. */
export const MAGIC_LO = 0x8b80fb57;
export const MAGIC_HI = 0xdb477524;
export const NO_COMPRESSION = 0;

/** Options TF's bundle writer uses (table_options.h defaults). */
export const DEFAULT_BLOCK_SIZE = 262144;
export const DEFAULT_RESTART_INTERVAL = 16;

export interface BlockHandle {
  offset: number;
  size: number;
}

/** Unsigned varint at `pos` (before `end`); returns the value and the position after it. A bad one raises DataLossError(errorMessage). */
export function readVarint(
  bytes: Uint8Array,
  pos: number,
  end: number,
  errorMessage: string,
): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new DataLossError(errorMessage);
    const b = bytes[pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, pos];
    scale *= 0x80;
  }
  throw new DataLossError(errorMessage);
}

export function readFixed32(bytes: Uint8Array, pos: number): number {
  return (bytes[pos] | (bytes[pos + 1] << 8) | (bytes[pos + 2] << 16) | (bytes[pos + 3] << 24)) >>> 0;
}

/** Smallest key >= `key` made by incrementing its first byte that is not 0xff and cutting after it. */
export function shortSuccessor(key: Uint8Array): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0xff) {
      const out = key.slice(0, i + 1);
      out[i]++;
      return out;
    }
  }
  return key;
}

/**
 * A short key k with `start <= k < limit`, used to separate two data blocks in the index:
 * increment the first differing byte of `start` when that keeps it below `limit`.
 */
export function shortestSeparator(start: Uint8Array, limit: Uint8Array): Uint8Array {
  const minLength = Math.min(start.length, limit.length);
  let diff = 0;
  while (diff < minLength && start[diff] === limit[diff]) diff++;
  if (diff >= minLength) return start; // one is a prefix of the other
  const byte = start[diff];
  if (byte < 0xff && byte + 1 < limit[diff]) {
    const out = start.slice(0, diff + 1);
    out[diff]++;
    return out;
  }
  return start;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
