/**
 * The generator a random op kernel owns inside one session (TF's `GuardedPhiloxRandom::Init` and
 * `ReserveSamples128`, tensorflow/core/util/guarded_philox_random.cc): seeded once from the op's (seed,
 * seed2) attrs; every run works on a copy and moves the stored generator N * 256 calls ahead, so run k of an
 * N-element op starts k * N * 256 calls in, whatever the distribution.
 */
import { randomBytes } from "crypto";
import {
  RESERVED_SAMPLES_PER_OUTPUT,
  RandomFloatDType,
  RandomIntDType,
  fillStandardNormal,
  fillTruncatedNormal,
  fillUniform,
  fillUniformInt,
} from "./fill";
import { Philox } from "./philox";

export class RandomKernelState {
  /** The seeds actually used (random ones when both attrs were 0). */
  readonly seed: bigint;
  readonly seed2: bigint;
  private readonly generator: Philox;

  constructor(seed: number | bigint, seed2: number | bigint) {
    let s = BigInt(seed);
    let s2 = BigInt(seed2);
    if (s === 0n && s2 === 0n) {
      // Both unset: TF draws two fresh 64-bit seeds, so every session sees new numbers.
      const bytes = randomBytes(16);
      s = bytes.readBigUInt64LE(0);
      s2 = bytes.readBigUInt64LE(8);
    }
    this.seed = s;
    this.seed2 = s2;
    this.generator = new Philox(s, s2);
  }

  /** The generator for one run that produces `n` outputs; the stored one advances `n * 256` calls. */
  reserve(n: number): Philox {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`RandomKernelState: element count must be a non-negative integer, got ${n}`);
    const local = this.generator.clone();
    this.generator.skip(n * RESERVED_SAMPLES_PER_OUTPUT);
    return local;
  }

  /** A copy of the stored generator (where the next run will start). */
  peek(): Philox {
    return this.generator.clone();
  }

  uniform(n: number, dtype: RandomFloatDType = "float32"): Float32Array | Float64Array {
    return fillUniform(this.reserve(n), n, dtype);
  }

  standardNormal(n: number, dtype: RandomFloatDType = "float32"): Float32Array | Float64Array {
    return fillStandardNormal(this.reserve(n), n, dtype);
  }

  truncatedNormal(n: number, dtype: RandomFloatDType = "float32"): Float32Array | Float64Array {
    return fillTruncatedNormal(this.reserve(n), n, dtype);
  }

  uniformInt(n: number, lo: number, hi: number, dtype: RandomIntDType = "int32"): Int32Array | Float64Array {
    // Check the bounds before reserving, so a failed run leaves the state untouched.
    if (!(lo < hi)) throw new RangeError(`Need minval < maxval, got ${lo} >= ${hi}`);
    return fillUniformInt(this.reserve(n), n, lo, hi, dtype);
  }
}
