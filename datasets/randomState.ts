/**
 * `RandomState`: NumPy's legacy `np.random.RandomState`, draw for draw. Same seed, same calls,
 * same numbers: the book's `np.random.seed(...)` + `np.random.randint(...)` batches come out
 * identical, and so does scikit-learn's `make_moons`.
 *
 * Return types: a call without `size` returns a number; with `size` (a length or a shape) it
 * returns the values flat in row-major order, `Float64Array` for real-valued draws and
 * `number[]` for integers (exact up to 2^53).
 */
import { randomFillSync } from "node:crypto";
import { MT19937 } from "./mt19937";
import { preciseLog } from "./preciseLog";

/** NumPy's `size=` argument: a length, or a shape whose elements are returned flat. */
export type Size = number | readonly number[];

const TWO_POW_32 = 4294967296;

/** Something `shuffle` can permute in place: an array, a typed array, or a matrix (by rows). */
export type Shuffleable =
  | {
      /** Number of elements. */
      length: number;
      [index: number]: unknown;
    }
  | {
      /** Number of rows (what is permuted). */
      rows: number;
      /** Number of columns. */
      cols: number;
      /** Row-major values. */
      data: Float64Array;
    };

/**
 * NumPy's legacy Mersenne-Twister generator, draw for draw: the same seed and calls give the same numbers
 * as `np.random.RandomState` (numpy/random/mtrand.pyx, class `RandomState`).
 * @example
 * ```ts
 * import { RandomState } from "tensorlings/datasets";
 * const rng = new RandomState(42);
 * const indices = rng.randint(0, 100, 5); // the same five integers NumPy gives
 * ```
 */
export class RandomState {
  private readonly mt = new MT19937();
  /** The second value of the last polar-method pair, kept for the next normal draw. */
  private cachedGauss: number | null = null;

  /**
   * @param seed - An integer in [0, 2^32 − 1], an array of such integers, or nothing (fresh entropy).
   * @throws TypeError or RangeError for a seed NumPy would refuse.
   */
  constructor(seed?: number | readonly number[]) {
    this.seed(seed);
  }

  /**
   * Reseeds like `np.random.seed`: an integer in [0, 2^32 − 1], an array of such integers, or
   * nothing (fresh entropy). Also forgets a cached normal value, as NumPy does.
   */
  seed(seed?: number | readonly number[]): void {
    if (seed === undefined) {
      this.mt.seedArray(randomFillSync(new Uint32Array(624)));
    } else if (typeof seed === "number") {
      checkSeedWord(seed);
      this.mt.seedInt(seed);
    } else if (Array.isArray(seed) || ArrayBuffer.isView(seed)) {
      if (seed.length === 0) throw new RangeError("Seed must be non-empty");
      seed.forEach(checkSeedWord);
      this.mt.seedArray(seed);
    } else {
      throw new TypeError(`seed must be an integer or an array of integers, got ${describe(seed)}`);
    }
    this.cachedGauss = null;
  }

  /** Uniform doubles in [0, 1) with 53 random bits, like `random_sample`. */
  randomSample(): number;
  randomSample(size: Size): Float64Array;
  randomSample(size?: Size): number | Float64Array {
    return this.fill(size, () => this.nextDouble());
  }

  /** `rand(d0, d1, …)`: `randomSample` with the shape given as separate arguments. */
  rand(): number;
  rand(...shape: number[]): Float64Array;
  rand(...shape: number[]): number | Float64Array {
    return shape.length === 0 ? this.nextDouble() : this.randomSample(shape);
  }

  /**
   * Integers in [low, high), or [0, low) when `high` is omitted, like NumPy's legacy `randint`
   * (default int64 dtype): masked rejection sampling on 32-bit draws, 64-bit draws for ranges
   * wider than 2^32. A range of a single value draws nothing.
   */
  randint(low: number, high?: number | null): number;
  randint(low: number, high: number | null | undefined, size: Size): number[];
  randint(low: number, high?: number | null, size?: Size): number | number[] {
    if (high === undefined || high === null) {
      checkInteger("randint", "high", low);
      if (low <= 0) throw new RangeError("high <= 0");
      high = low;
      low = 0;
    } else {
      checkInteger("randint", "low", low);
      checkInteger("randint", "high", high);
      if (low >= high) throw new RangeError("low >= high");
    }
    if (high - low > Number.MAX_SAFE_INTEGER)
      throw new RangeError(`randint: the range [${low}, ${high}) is wider than 2^53 − 1`);
    const span = high - 1 - low; // largest offset, as NumPy's closed-interval `rng`
    const lo = low;
    return this.fillInts(size, () => lo + this.boundedOffset(span));
  }

  /** `normal(loc, scale, size)`: NumPy's legacy polar (Marsaglia) method, one cached value per pair. */
  normal(loc?: number, scale?: number): number;
  normal(loc: number | undefined, scale: number | undefined, size: Size): Float64Array;
  normal(loc = 0, scale = 1, size?: Size): number | Float64Array {
    checkNumber("normal", "loc", loc);
    checkNumber("normal", "scale", scale);
    if (scale < 0) throw new RangeError("scale < 0");
    return this.fill(size, () => loc + scale * this.gauss());
  }

  /** Standard normal draws (`standard_normal`), the same stream `normal(0, 1)` uses. */
  standardNormal(): number;
  standardNormal(size: Size): Float64Array;
  standardNormal(size?: Size): number | Float64Array {
    return this.fill(size, () => this.gauss());
  }

  /** `randn(d0, d1, …)`: `standardNormal` with the shape as separate arguments. */
  randn(): number;
  randn(...shape: number[]): Float64Array;
  randn(...shape: number[]): number | Float64Array {
    return shape.length === 0 ? this.gauss() : this.standardNormal(shape);
  }

  /** `uniform(low, high, size)`: low + (high − low)·u with u from `randomSample`. */
  uniform(low?: number, high?: number): number;
  uniform(low: number | undefined, high: number | undefined, size: Size): Float64Array;
  uniform(low = 0, high = 1, size?: Size): number | Float64Array {
    checkNumber("uniform", "low", low);
    checkNumber("uniform", "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError("Range exceeds valid bounds");
    return this.fill(size, () => low + range * this.nextDouble());
  }

  /**
   * Shuffles in place along the first axis (a matrix by rows), with the same swaps as NumPy's
   * legacy Fisher–Yates: for i from n−1 down to 1, swap i with a uniform j in [0, i].
   */
  shuffle(x: Shuffleable): void {
    if (isMatrix(x)) {
      const { cols, data } = x;
      const tmp = new Float64Array(cols);
      for (let i = x.rows - 1; i > 0; i--) {
        const j = this.boundedOffset(i);
        if (j === i) continue;
        tmp.set(data.subarray(i * cols, (i + 1) * cols));
        data.copyWithin(i * cols, j * cols, (j + 1) * cols);
        data.set(tmp, j * cols);
      }
      return;
    }
    if (typeof x !== "object" || x === null || typeof x.length !== "number") {
      throw new TypeError(`shuffle expects an array, a typed array or a matrix, got ${describe(x)}`);
    }
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.boundedOffset(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** `permutation(n)`: a shuffled `[0, 1, …, n−1]`; `permutation(array)`: a shuffled copy. */
  permutation(n: number): number[];
  permutation<T>(values: readonly T[]): T[];
  permutation<T extends Float64Array | Int32Array>(values: T): T;
  permutation(
    x: number | readonly unknown[] | Float64Array | Int32Array,
  ): unknown[] | Float64Array | Int32Array {
    let out: unknown[] | Float64Array | Int32Array;
    if (typeof x === "number") {
      checkInteger("permutation", "n", x);
      if (x < 0) throw new RangeError(`negative dimensions are not allowed (permutation(${x}))`);
      out = Array.from({ length: x }, (_, i) => i);
    } else if (Array.isArray(x) || x instanceof Float64Array || x instanceof Int32Array) {
      out = x.slice();
    } else {
      throw new IndexError("x must be an integer or at least 1-dimensional");
    }
    this.shuffle(out);
    return out;
  }

  /** The next 53-bit double in [0, 1): 27 bits from one draw and 26 from the next. */
  private nextDouble(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  private gauss(): number {
    if (this.cachedGauss !== null) {
      const g = this.cachedGauss;
      this.cachedGauss = null;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * preciseLog(r2)) / r2);
    this.cachedGauss = f * x1;
    return f * x2;
  }

  /**
   * Uniform integer in [0, max] by masked rejection: draw, keep the bits below the smallest
   * all-ones mask covering `max`, retry while above `max`. NumPy's legacy bounded draws and its
   * shuffle's index draws both work this way.
   */
  private boundedOffset(max: number): number {
    if (max === 0) return 0;
    if (max < TWO_POW_32) {
      const mask = smallestMask32(max);
      let v: number;
      do v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    // Wider ranges draw 64 bits (high word first); `max` < 2^53, so the mask's high word is < 2^21.
    const maskHi = smallestMask32(Math.floor(max / TWO_POW_32));
    let v: number;
    do {
      const hi = (this.mt.nextUint32() & maskHi) >>> 0;
      const lo = this.mt.nextUint32();
      v = hi * TWO_POW_32 + lo;
    } while (v > max);
    return v;
  }

  private fill(size: Size | undefined, draw: () => number): number | Float64Array {
    if (size === undefined) return draw();
    const out = new Float64Array(sizeToLength(size));
    for (let i = 0; i < out.length; i++) out[i] = draw();
    return out;
  }

  private fillInts(size: Size | undefined, draw: () => number): number | number[] {
    if (size === undefined) return draw();
    const n = sizeToLength(size);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = draw();
    return out;
  }
}

/** NumPy raises IndexError for a scalar passed to `permutation`; kept as its own class for that. */
export class IndexError extends Error {
  /** The class name, as printed. */
  override name = "IndexError";
}

/**
 * The generator behind the module-level functions, like the hidden `RandomState` behind
 * `np.random.seed` / `np.random.randint`. Seeded from entropy until someone calls `seed`.
 */
export const npRandom = new RandomState();

function smallestMask32(max: number): number {
  let mask = max >>> 0;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

function sizeToLength(size: Size): number {
  const dims = typeof size === "number" ? [size] : size;
  if (!Array.isArray(dims))
    throw new TypeError(`size must be a number or an array of numbers, got ${describe(size)}`);
  let n = 1;
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError(`size must hold integers, got ${describe(d)}`);
    if (d < 0) throw new RangeError(`negative dimensions are not allowed (size ${JSON.stringify(size)})`);
    n *= d;
  }
  return n;
}

function checkSeedWord(v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    if (typeof v === "number" && !Number.isInteger(v))
      throw new TypeError(`Seed must be an integer, got ${v}`);
    throw new RangeError("Seed must be between 0 and 2**32 - 1");
  }
}

function checkInteger(fn: string, name: string, v: unknown): asserts v is number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) {
    throw new TypeError(`${fn}: ${name} must be an integer within ±(2^53 − 1), got ${describe(v)}`);
  }
}

function checkNumber(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number" || Number.isNaN(v))
    throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
}

function isMatrix(x: unknown): x is { rows: number; cols: number; data: Float64Array } {
  return (
    typeof x === "object" &&
    x !== null &&
    "rows" in x &&
    "cols" in x &&
    (x as { data?: unknown }).data instanceof Float64Array
  );
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `array of ${v.length}`;
  return v === null ? "null" : typeof v === "object" ? (v.constructor?.name ?? "object") : String(v);
}
