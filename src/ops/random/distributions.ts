/**
 * Turning Philox words into numbers, as TF's tensorflow/core/lib/random/random_distributions.h does
 * (`Uint32ToFloat`, `Uint64ToDouble`, `BoxMullerFloat`, `TruncatedNormalDistribution`).
 * Float32 results are rounded with `Math.fround` after each step that TF evaluates in float.
 */

const TWO_POW_23 = 8388608;
const TWO_POW_52 = 4503599627370496;
const TWO_POW_32 = 4294967296;
const FLOAT_EPSILON = Math.fround(1.0e-7);
const DOUBLE_EPSILON = 1.0e-7;
const TWO_PI = 2 * Math.PI;

/**
 * Float in [0, 1) from the low 23 bits of a word: TF builds the float 1.mantissa and subtracts 1,
 * which is exactly mantissa / 2^23.
 */
export function uint32ToFloat(x: number): number {
  return (x & 0x7fffff) / TWO_POW_23;
}

/** Double in [0, 1) from 20 bits of `x0` and all of `x1` (mantissa / 2^52, exact). */
export function uint64ToDouble(x0: number, x1: number): number {
  return ((x0 & 0xfffff) * TWO_POW_32 + (x1 >>> 0)) / TWO_POW_52;
}

/** Box–Muller on two words, writing two float32 normals to `out[offset]`, `out[offset + 1]`. */
export function boxMullerFloatInto(
  x0: number,
  x1: number,
  out: { [i: number]: number },
  offset: number,
): void {
  let u1 = uint32ToFloat(x0);
  if (u1 < FLOAT_EPSILON) u1 = FLOAT_EPSILON;
  // TF multiplies 2*M_PI (a double) by the float, then stores the product as float.
  const v1 = Math.fround(TWO_PI * uint32ToFloat(x1));
  const u2 = Math.fround(Math.sqrt(Math.fround(-2 * Math.fround(Math.log(u1)))));
  out[offset] = Math.fround(Math.fround(Math.sin(v1)) * u2);
  out[offset + 1] = Math.fround(Math.fround(Math.cos(v1)) * u2);
}

/** Box–Muller on two words: a pair of float32 standard normals. */
export function boxMullerFloat(x0: number, x1: number): [number, number] {
  const out: [number, number] = [0, 0];
  boxMullerFloatInto(x0, x1, out, 0);
  return out;
}

/** Box–Muller in double precision on four words (two per uniform), writing two normals. */
export function boxMullerDoubleInto(
  x0: number,
  x1: number,
  x2: number,
  x3: number,
  out: { [i: number]: number },
  offset: number,
): void {
  let u1 = uint64ToDouble(x0, x1);
  if (u1 < DOUBLE_EPSILON) u1 = DOUBLE_EPSILON;
  const v1 = TWO_PI * uint64ToDouble(x2, x3);
  const u2 = Math.sqrt(-2 * Math.log(u1));
  out[offset] = Math.sin(v1) * u2;
  out[offset + 1] = Math.cos(v1) * u2;
}

/** Box–Muller on four words: a pair of float64 standard normals. */
export function boxMullerDouble(x0: number, x1: number, x2: number, x3: number): [number, number] {
  const out: [number, number] = [0, 0];
  boxMullerDoubleInto(x0, x1, x2, x3, out, 0);
  return out;
}
