/**
 * Philox4x32-10, the counter-based generator behind every TF 1.x random op (class `PhiloxRandom`,
 * tensorflow/core/lib/random/philox_random.h).
 * State: a 128-bit counter (four uint32 words, word 0 least significant) and a 64-bit key.
 * Each call encrypts the counter with 10 rounds and yields four uint32 words, then bumps the counter.
 */

const WEYL_A = 0x9e3779b9;
const WEYL_B = 0xbb67ae85;
const MUL_A = 0xd2511f53;
const MUL_B = 0xcd9e8d57;
// The multipliers split in 16-bit halves, for an exact 32x32 -> 64 bit product with doubles.
const MUL_A_LO = MUL_A & 0xffff;
const MUL_A_HI = MUL_A >>> 16;
const MUL_B_LO = MUL_B & 0xffff;
const MUL_B_HI = MUL_B >>> 16;

const TWO_32 = 4294967296;

/** High 32 bits of the 64-bit product of uint32 `x` and a constant given as 16-bit halves. */
function mulHi(x: number, mLo: number, mHi: number): number {
  const xLo = x & 0xffff;
  const xHi = x >>> 16;
  const lolo = xLo * mLo;
  const hilo = xHi * mLo;
  const lohi = xLo * mHi;
  // Every partial sum stays below 2^53, so the arithmetic is exact.
  const cross = (lolo >>> 16) + (hilo & 0xffff) + lohi;
  return (xHi * mHi + (hilo >>> 16) + Math.floor(cross / 65536)) >>> 0;
}

/** A seed as TF's int64 attrs carry it, reinterpreted as uint64 and split into 32-bit halves. */
function splitUint64(seed: number | bigint, what: string): [number, number] {
  if (typeof seed === "number" && !Number.isInteger(seed)) {
    throw new TypeError(`Philox: ${what} must be an integer, got ${seed}`);
  }
  const v = BigInt.asUintN(64, BigInt(seed));
  return [Number(v & 0xffffffffn), Number(v >> 32n)];
}

export class Philox {
  /** Key words (k0, k1). */
  k0: number;
  k1: number;
  /** Counter words, c0 least significant. */
  c0: number;
  c1: number;
  c2: number;
  c3: number;

  /**
   * Seeded as TF's `PhiloxRandom(seed, seed2)`: key = seed (low word first), counter =
   * [0, 0, low(seed2), high(seed2)]. Seeds are uint64 (negative numbers wrap, as int64 attrs do).
   */
  constructor(seed: number | bigint = 0, seed2: number | bigint = 0) {
    [this.k0, this.k1] = splitUint64(seed, "seed");
    const [lo, hi] = splitUint64(seed2, "seed2");
    this.c0 = 0;
    this.c1 = 0;
    this.c2 = lo;
    this.c3 = hi;
  }

  /** A generator with explicit key and counter words (uint32 each). */
  static fromState(key: ArrayLike<number>, counter: ArrayLike<number>): Philox {
    const g = new Philox();
    g.k0 = key[0] >>> 0;
    g.k1 = key[1] >>> 0;
    g.c0 = counter[0] >>> 0;
    g.c1 = counter[1] >>> 0;
    g.c2 = counter[2] >>> 0;
    g.c3 = counter[3] >>> 0;
    return g;
  }

  get key(): [number, number] {
    return [this.k0, this.k1];
  }
  get counter(): [number, number, number, number] {
    return [this.c0, this.c1, this.c2, this.c3];
  }

  clone(): Philox {
    return new Philox().copyFrom(this);
  }

  /** Take over another generator's key and counter (no allocation). */
  copyFrom(other: Philox): this {
    this.k0 = other.k0;
    this.k1 = other.k1;
    this.c0 = other.c0;
    this.c1 = other.c1;
    this.c2 = other.c2;
    this.c3 = other.c3;
    return this;
  }

  /** One call: four uint32 words written to `out[offset..offset+3]`, then the counter advances by one. */
  nextInto(out: Uint32Array | number[], offset = 0): void {
    let c0 = this.c0;
    let c1 = this.c1;
    let c2 = this.c2;
    let c3 = this.c3;
    let k0 = this.k0;
    let k1 = this.k1;
    for (let round = 0; round < 10; round++) {
      const hi0 = mulHi(c0, MUL_A_LO, MUL_A_HI);
      const lo0 = Math.imul(c0, MUL_A) >>> 0;
      const hi1 = mulHi(c2, MUL_B_LO, MUL_B_HI);
      const lo1 = Math.imul(c2, MUL_B) >>> 0;
      c0 = (hi1 ^ c1 ^ k0) >>> 0;
      c1 = lo1;
      c2 = (hi0 ^ c3 ^ k1) >>> 0;
      c3 = lo0;
      // The key is bumped between rounds only (9 times); bumping after the last is harmless
      // because the local copy is discarded.
      k0 = (k0 + WEYL_A) >>> 0;
      k1 = (k1 + WEYL_B) >>> 0;
    }
    out[offset] = c0;
    out[offset + 1] = c1;
    out[offset + 2] = c2;
    out[offset + 3] = c3;
    this.increment();
  }

  /** One call, as a fresh array of four uint32 words. */
  next(): [number, number, number, number] {
    const out = [0, 0, 0, 0];
    this.nextInto(out);
    return out as [number, number, number, number];
  }

  /** Add 1 to the 128-bit counter. */
  private increment(): void {
    this.c0 = (this.c0 + 1) >>> 0;
    if (this.c0 !== 0) return;
    this.c1 = (this.c1 + 1) >>> 0;
    if (this.c1 !== 0) return;
    this.c2 = (this.c2 + 1) >>> 0;
    if (this.c2 !== 0) return;
    this.c3 = (this.c3 + 1) >>> 0;
  }

  /**
   * Skip `count` calls: add a uint64 to the 128-bit counter. (TF's own carry code agrees for every
   * count below 2^64 - 2^32.) Numbers must be non-negative safe integers; use a bigint beyond that.
   */
  skip(count: number | bigint): this {
    let lo: number;
    let hi: number;
    if (typeof count === "bigint") {
      if (count < 0n || count >= 1n << 64n)
        throw new RangeError(`Philox.skip: count ${count} is not a uint64`);
      lo = Number(count & 0xffffffffn);
      hi = Number(count >> 32n);
    } else {
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new RangeError(`Philox.skip: count must be a non-negative safe integer, got ${count}`);
      }
      lo = count % TWO_32;
      hi = Math.floor(count / TWO_32);
    }
    const s0 = this.c0 + lo;
    this.c0 = s0 >>> 0;
    if (s0 >= TWO_32) hi += 1;
    const s1 = this.c1 + hi;
    this.c1 = s1 >>> 0;
    if (s1 >= TWO_32) {
      this.c2 = (this.c2 + 1) >>> 0;
      if (this.c2 === 0) this.c3 = (this.c3 + 1) >>> 0;
    }
    return this;
  }
}
