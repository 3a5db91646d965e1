/** Loads the JSON vectors written by tests/fixtures/datasets/generate_fixtures.py. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures", "datasets");

export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, name), "utf8")) as T;
}

/** base64 of little-endian float64 bytes → Float64Array. */
export function f64(b64: string): Float64Array {
  const buf = Buffer.from(b64, "base64");
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** base64 of little-endian int32 bytes → plain numbers. */
export function i32(b64: string): number[] {
  const buf = Buffer.from(b64, "base64");
  return Array.from(new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
}

/** Index of the first position where two sequences differ, or -1 (a readable failure beats a 1,000-line diff). */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) return i;
  return -1;
}
