/**
 * Measuring on a shared, noisy machine: contenders are timed in turns (A B C, B C A, C A B...),
 * several rounds, and compared through medians taken in the same run. A ratio of medians from
 * interleaved rounds survives a neighbour's load far better than absolute times do.
 */

export interface Contender {
  name: string;
  /** Runs before each of this contender's samples, untimed (e.g. switch the tfjs backend). */
  prepare?: () => Promise<void> | void;
  /**
   * Runs the work once and returns how many units it did (runs, epochs...): the sample is the
   * elapsed time per unit. A contender that times itself (e.g. up to a child's first output)
   * returns `{ ms }` instead, recorded as is.
   */
  run: () => Promise<number | { ms: number }> | number | { ms: number };
}

export interface Measurement {
  /** Per-unit time of each round, in milliseconds. */
  samples: number[];
  median: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * `rounds` interleaved rounds after `warmup` untimed ones; the starting contender rotates every
 * round so none always runs right after the same neighbour.
 */
export async function interleave(
  contenders: readonly Contender[],
  options: { rounds: number; warmup?: number },
): Promise<Record<string, Measurement>> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const total = (options.warmup ?? 1) + options.rounds;
  for (let round = 0; round < total; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length];
      await c.prepare?.();
      const t0 = nowMs();
      const done = await c.run();
      const elapsed = nowMs() - t0;
      const sample = typeof done === "number" ? elapsed / done : done.ms;
      if (round >= (options.warmup ?? 1)) samples[c.name].push(sample);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, { samples: s.map(round3), median: round3(median(s)) }]),
  );
}

/** How many repetitions of `fn` fill about `targetMs` (at least 1). */
export function calibrate(fn: () => void, targetMs: number): number {
  let n = 1;
  for (;;) {
    const t0 = nowMs();
    for (let i = 0; i < n; i++) fn();
    const elapsed = nowMs() - t0;
    if (elapsed >= targetMs / 4 || n >= 1 << 24)
      return Math.max(1, Math.round((n * targetMs) / Math.max(elapsed, 1e-3)));
    n *= 4;
  }
}

function round3(x: number): number {
  return Number(x.toPrecision(4));
}
