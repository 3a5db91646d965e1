/**
 * CRC-32C (Castagnoli) and TF's CRC masking (`crc32c::Value`, `Mask`, `Unmask`,
 * tensorflow/core/lib/hash/crc32c.h). Every checksum in checkpoints and
 * event files goes through here. Results are unsigned 32-bit numbers.
 */
import * as CRC32C from "crc-32/crc32c";

/**
 * CRC-32C of `bytes`; pass a previous result as `crc` to extend it over more bytes.
 * Mirrors TF's `crc32c::Value` / `crc32c::Extend` (tensorflow/core/lib/hash/crc32c.h).
 * @param bytes - The data.
 * @param crc - The CRC of the data before `bytes` (0 to start).
 * @returns The unsigned 32-bit CRC.
 * @example
 * ```ts
 * import { crc32c } from "tensorlings/io";
 * const c = crc32c(new TextEncoder().encode("123456789")); // 0xe3069283
 * ```
 */
export function crc32c(bytes: Uint8Array, crc = 0): number {
  return CRC32C.buf(bytes, crc) >>> 0;
}

const MASK_DELTA = 0xa282ead8;

/**
 * Stored CRCs are masked (rotated right by 15 bits, plus a constant) because a CRC computed over
 * data that itself contains CRCs is weak. Mirrors TF's `crc32c::Mask` (tensorflow/core/lib/hash/crc32c.h).
 * @param crc - An unsigned CRC.
 * @returns The masked CRC.
 * @example
 * ```ts
 * import { maskCrc, unmaskCrc } from "tensorlings/io";
 * const same = unmaskCrc(maskCrc(42)) === 42;
 * ```
 */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/**
 * Undoes {@link maskCrc}. Mirrors TF's `crc32c::Unmask` (tensorflow/core/lib/hash/crc32c.h).
 * @param masked - A CRC read from a file.
 * @returns The plain CRC.
 * @example
 * ```ts
 * import { unmaskCrc } from "tensorlings/io";
 * const crc = unmaskCrc(0x1f273806);
 * ```
 */
export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

/**
 * `maskCrc(crc32c(bytes))`, the form written to files.
 * @param bytes - The data.
 * @returns The masked CRC.
 * @example
 * ```ts
 * import { maskedCrc32c } from "tensorlings/io";
 * const stored = maskedCrc32c(new Uint8Array([0, 0, 0, 63]));
 * ```
 */
export function maskedCrc32c(bytes: Uint8Array): number {
  return maskCrc(crc32c(bytes));
}
