/**
 * Kernel-level fills of a flat output buffer, following TF's `FillPhiloxRandom`
 * (tensorflow/core/kernels/random_op.cc): outputs come in groups; fixed-size distributions (uniform, normal)
 * use one Philox call per group in order, while truncated normal, which needs a variable number of words,
 * restarts every group from the run's base generator skipped to a reserved block. The base generator is never
 * mutated.
 */
import { boxMullerDoubleInto, boxMullerFloatInto, uint32ToFloat, uint64ToDouble } from "./distributions";
import { Philox } from "./philox";

export type RandomFloatDType = "float32" | "float64";
export type RandomIntDType = "int32" | "int64";

/** Philox calls reserved per output element and run (TF's kReservedSamplesPerOutput). */
export const RESERVED_SAMPLES_PER_OUTPUT = 256;
/** Words produced by one Philox call. */
const WORDS_PER_CALL = 4;
/** Truncated normal keeps values strictly inside (-2, 2). */
const TRUNCATE_AT = 2;

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what}: element count must be a non-negative integer, got ${n}`);
}

function floatBuffer(n: number, dtype: RandomFloatDType): Float32Array | Float64Array {
  if (dtype === "float32") return new Float32Array(n);
  if (dtype === "float64") return new Float64Array(n);
  throw new TypeError(`random fill: unsupported dtype ${String(dtype)}, expected float32 or float64`);
}

/** Uniform [0, 1): float32 takes 4 values per call (one per word), float64 2 (two words each). */
export function fillUniform(gen: Philox, n: number, dtype: "float32"): Float32Array;
export function fillUniform(gen: Philox, n: number, dtype: "float64"): Float64Array;
export function fillUniform(gen: Philox, n: number, dtype: RandomFloatDType): Float32Array | Float64Array;
export function fillUniform(gen: Philox, n: number, dtype: RandomFloatDType): Float32Array | Float64Array {
  checkCount(n, "fillUniform");
  const out = floatBuffer(n, dtype);
  const g = gen.clone();
  const w = new Uint32Array(WORDS_PER_CALL);
  if (dtype === "float32") {
    for (let i = 0; i < n; i += 4) {
      g.nextInto(w);
      const m = Math.min(4, n - i);
      for (let j = 0; j < m; j++) out[i + j] = uint32ToFloat(w[j]);
    }
  } else {
    for (let i = 0; i < n; i += 2) {
      g.nextInto(w);
      out[i] = uint64ToDouble(w[0], w[1]);
      if (i + 1 < n) out[i + 1] = uint64ToDouble(w[2], w[3]);
    }
  }
  return out;
}

/** Standard normal: float32 makes 4 per call (Box–Muller on words 0,1 and 2,3), float64 2 per call. */
export function fillStandardNormal(gen: Philox, n: number, dtype: "float32"): Float32Array;
export function fillStandardNormal(gen: Philox, n: number, dtype: "float64"): Float64Array;
export function fillStandardNormal(
  gen: Philox,
  n: number,
  dtype: RandomFloatDType,
): Float32Array | Float64Array;
export function fillStandardNormal(
  gen: Philox,
  n: number,
  dtype: RandomFloatDType,
): Float32Array | Float64Array {
  checkCount(n, "fillStandardNormal");
  const out = floatBuffer(n, dtype);
  const g = gen.clone();
  const w = new Uint32Array(WORDS_PER_CALL);
  const group = new Float64Array(4);
  if (dtype === "float32") {
    for (let i = 0; i < n; i += 4) {
      g.nextInto(w);
      boxMullerFloatInto(w[0], w[1], group, 0);
      boxMullerFloatInto(w[2], w[3], group, 2);
      const m = Math.min(4, n - i);
      for (let j = 0; j < m; j++) out[i + j] = group[j];
    }
  } else {
    for (let i = 0; i < n; i += 2) {
      g.nextInto(w);
      boxMullerDoubleInto(w[0], w[1], w[2], w[3], group, 0);
      out[i] = group[0];
      if (i + 1 < n) out[i + 1] = group[1];
    }
  }
  return out;
}

/**
 * Truncated standard normal (|x| < 2). Group g (4 float32 or 2 float64 outputs) draws single words
 * from the base generator skipped by g * groupSize * 256 / 4 calls, Box–Muller on consecutive
 * pairs (float32) or quadruples (float64) of words, keeping accepted values in order.
 * Matches the reference oracle; not verified against TF output.
 */
export function fillTruncatedNormal(gen: Philox, n: number, dtype: "float32"): Float32Array;
export function fillTruncatedNormal(gen: Philox, n: number, dtype: "float64"): Float64Array;
export function fillTruncatedNormal(
  gen: Philox,
  n: number,
  dtype: RandomFloatDType,
): Float32Array | Float64Array;
export function fillTruncatedNormal(
  gen: Philox,
  n: number,
  dtype: RandomFloatDType,
): Float32Array | Float64Array {
  checkCount(n, "fillTruncatedNormal");
  const out = floatBuffer(n, dtype);
  const groupSize = dtype === "float32" ? 4 : 2;
  const skipPerGroup = (groupSize * RESERVED_SAMPLES_PER_OUTPUT) / WORDS_PER_CALL;
  const g = new Philox();
  const w = new Uint32Array(WORDS_PER_CALL);
  const pair = new Float64Array(2);
  let used = WORDS_PER_CALL;
  // Single-word stream over g (TF's SingleSampleAdapter): a new call whenever the 4 words run out.
  const nextWord = (): number => {
    if (used === WORDS_PER_CALL) {
      g.nextInto(w);
      used = 0;
    }
    return w[used++];
  };

  for (let start = 0, groupIndex = 0; start < n; start += groupSize, groupIndex++) {
    g.copyFrom(gen).skip(groupIndex * skipPerGroup);
    used = WORDS_PER_CALL;
    let accepted = 0;
    while (accepted < groupSize) {
      if (groupSize === 4) {
        const x0 = nextWord();
        const x1 = nextWord();
        boxMullerFloatInto(x0, x1, pair, 0);
      } else {
        const x0 = nextWord();
        const x1 = nextWord();
        const x2 = nextWord();
        const x3 = nextWord();
        boxMullerDoubleInto(x0, x1, x2, x3, pair, 0);
      }
      for (let k = 0; k < 2 && accepted < groupSize; k++) {
        if (Math.abs(pair[k]) < TRUNCATE_AT) {
          if (start + accepted < n) out[start + accepted] = pair[k];
          accepted++;
        }
      }
    }
  }
  return out;
}

/**
 * Uniform integers in [lo, hi) as TF's RandomUniformInt: `lo + word % (hi - lo)` with an unsigned
 * range; int32 takes one word per value (4 per call), int64 two words per value (2 per call).
 * Values are returned in the dtype's storage (Int32Array, or Float64Array for int64).
 */
export function fillUniformInt(gen: Philox, n: number, lo: number, hi: number, dtype: "int32"): Int32Array;
export function fillUniformInt(gen: Philox, n: number, lo: number, hi: number, dtype: "int64"): Float64Array;
export function fillUniformInt(gen: Philox, n: number, lo: number, hi: number): Int32Array;
export function fillUniformInt(
  gen: Philox,
  n: number,
  lo: number,
  hi: number,
  dtype?: RandomIntDType,
): Int32Array | Float64Array;
export function fillUniformInt(
  gen: Philox,
  n: number,
  lo: number,
  hi: number,
  dtype: RandomIntDType = "int32",
): Int32Array | Float64Array {
  checkCount(n, "fillUniformInt");
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) {
    throw new TypeError(`fillUniformInt: minval and maxval must be integers, got ${lo} and ${hi}`);
  }
  if (!(lo < hi)) throw new RangeError(`Need minval < maxval, got ${lo} >= ${hi}`);
  const g = gen.clone();
  const w = new Uint32Array(WORDS_PER_CALL);
  if (dtype === "int32") {
    if (lo < -2147483648 || hi > 2147483647) {
      throw new RangeError(`fillUniformInt: bounds ${lo}, ${hi} do not fit int32`);
    }
    const range = (hi - lo) >>> 0;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i += 4) {
      g.nextInto(w);
      const m = Math.min(4, n - i);
      for (let j = 0; j < m; j++) out[i + j] = lo + (w[j] % range);
    }
    return out;
  }
  if (dtype !== "int64")
    throw new TypeError(`fillUniformInt: unsupported dtype ${String(dtype)}, expected int32 or int64`);
  const range = BigInt(hi) - BigInt(lo);
  const low = BigInt(lo);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    g.nextInto(w);
    out[i] = Number(low + ((BigInt(w[0]) | (BigInt(w[1]) << 32n)) % range));
    if (i + 1 < n) out[i + 1] = Number(low + ((BigInt(w[2]) | (BigInt(w[3]) << 32n)) % range));
  }
  return out;
}
