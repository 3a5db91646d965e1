/**
 * CRC-32C (Castagnoli) and TF's CRC masking (`crc32c::Value`, `Mask`, `Unmask`,
 * tensorflow/core/lib/hash/crc32c.h). Every checksum in checkpoints and
 * event files goes through here. Results are unsigned 32-bit numbers.
 */
import * as CRC32C from "crc-32/crc32c";

/** CRC-32C of `bytes`; pass a previous result as `crc` to extend it over more bytes. */
export function crc32c(bytes: Uint8Array, crc = 0): number {
  return CRC32C.buf(bytes, crc) >>> 0;
}

const MASK_DELTA = 0xa282ead8;

/**
 * Stored CRCs are masked (rotated right by 15 bits, plus a constant) because a CRC computed over
 * data that itself contains CRCs is weak.
 */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

/** `maskCrc(crc32c(bytes))`, the form written to files. */
export function maskedCrc32c(bytes: Uint8Array): number {
  return maskCrc(crc32c(bytes));
}
