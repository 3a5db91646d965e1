/**
 * scikit-learn's `make_moons`: two interleaving half circles with labels 0 (outer) and 1
 * (inner), optionally shuffled and jittered with Gaussian noise, drawing from the same NumPy
 * random stream as scikit-learn so a seed gives the book's points.
 */
import { Matrix, matrix } from "./matrix";
import { RandomState, npRandom } from "./randomState";

/** Keyword arguments of {@link makeMoons} (scikit-learn's `noise=`, `random_state=`, `shuffle=`). */
export interface MakeMoonsOptions {
  /** Standard deviation of the Gaussian noise added to every coordinate; none when omitted. */
  noise?: number;
  /** A seed for a fresh `RandomState`, or a generator to draw from; the shared `npRandom` when omitted. */
  randomState?: number | RandomState;
  /** Shuffle the samples (default true), as scikit-learn does. */
  shuffle?: boolean;
}

/**
 * Two interleaving half circles, labelled 0 (outer) and 1 (inner), drawn from the same NumPy stream as
 * scikit-learn, so a seed gives the book's points. Mirrors scikit-learn's
 * `make_moons(n_samples=100, shuffle=True, noise=None, random_state=None)`
 * (sklearn/datasets/_samples_generator.py).
 * @param nSamples - The total (the outer moon gets the smaller half) or `[nOuter, nInner]`.
 * @param options.noise - Standard deviation of Gaussian noise added to every coordinate.
 * @param options.randomState - A seed, or a {@link RandomState} to draw from (the shared `npRandom`).
 * @param options.shuffle - Shuffle the samples (true).
 * @returns X (n×2) and the labels y.
 * @throws RangeError when `nSamples` or `noise` is invalid.
 * @example
 * ```ts
 * import { makeMoons } from "tensorlings/datasets";
 * const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
 * ```
 */
export function makeMoons(
  nSamples: number | readonly [number, number] = 100,
  options: MakeMoonsOptions = {},
): {
  /** The points, n × 2. */
  X: Matrix;
  /** Their labels, 0 or 1. */
  y: Int32Array;
} {
  const [nOut, nIn] = splitCounts(nSamples);
  const { noise, shuffle = true } = options;
  if (noise !== undefined && !(noise >= 0 && Number.isFinite(noise))) {
    throw new RangeError(`makeMoons: noise must be a non-negative number, got ${noise}`);
  }
  const rng = toRandomState(options.randomState);
  const n = nOut + nIn;
  const X = matrix(n, 2);
  const y = new Int32Array(n);
  const outer = linspace(0, Math.PI, nOut);
  const inner = linspace(0, Math.PI, nIn);
  outer.forEach((t, i) => {
    X.data[2 * i] = Math.cos(t);
    X.data[2 * i + 1] = Math.sin(t);
  });
  inner.forEach((t, i) => {
    const k = nOut + i;
    X.data[2 * k] = 1 - Math.cos(t);
    X.data[2 * k + 1] = 1 - Math.sin(t) - 0.5;
    y[k] = 1;
  });
  if (shuffle) {
    // scikit-learn shuffles an index array and gathers rows; the same swaps on X and y directly give the same result.
    const order = rng.permutation(n);
    const Xs = X.data.slice();
    const ys = y.slice();
    order.forEach((src, dst) => {
      X.data[2 * dst] = Xs[2 * src];
      X.data[2 * dst + 1] = Xs[2 * src + 1];
      y[dst] = ys[src];
    });
  }
  if (noise !== undefined) {
    const jitter = rng.normal(0, noise, [n, 2]);
    for (let k = 0; k < X.data.length; k++) X.data[k] += jitter[k];
  }
  return { X, y };
}

/** NumPy's `linspace(start, stop, num)`: start + i·step, with the last point exactly `stop`. */
function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) out[0] = start;
  if (num < 2) return out;
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}

function splitCounts(nSamples: number | readonly [number, number]): [number, number] {
  if (typeof nSamples === "number") {
    if (!Number.isInteger(nSamples) || nSamples < 1)
      throw new RangeError(`makeMoons: nSamples must be a positive integer, got ${nSamples}`);
    const nOut = Math.floor(nSamples / 2);
    return [nOut, nSamples - nOut];
  }
  if (
    !Array.isArray(nSamples) ||
    nSamples.length !== 2 ||
    !nSamples.every((v) => Number.isInteger(v) && v >= 0)
  ) {
    throw new RangeError(
      `makeMoons: nSamples must be a positive integer or a pair [nOuter, nInner] of non-negative integers, got ${JSON.stringify(nSamples)}`,
    );
  }
  return [nSamples[0], nSamples[1]];
}

function toRandomState(randomState: number | RandomState | undefined): RandomState {
  if (randomState === undefined) return npRandom;
  if (randomState instanceof RandomState) return randomState;
  return new RandomState(randomState);
}
