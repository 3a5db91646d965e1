/**
 * Helpers for exercise suites (`<suites>/exNN.test.ts`). The grader copies this folder next to the
 * suite for every run, so suites import it as `../harness`.
 *
 * - `submission()` loads the learner's module *inside* a test body. Loading it lazily means any
 *   top-level code in it runs after Jest and the grader's guards are in place.
 * - `submitAnswer()` hands a structured answer to the grader; the parent judges it against the
 *   manifest's hashed key (the key never reaches this process).
 * - `rng()` gives seeded inputs, so expected values are computed, not written in the suite.
 */

const ANSWER_HOOK = Symbol.for("tensorlings.grader.submitAnswer");

/** The learner's module `@submission/<file>` (file name without `.ts`, or a folder). */
export function submission<T = Record<string, unknown>>(file: string): T {
  if (!/^[A-Za-z0-9_./-]+$/.test(file) || file.split("/").includes(".."))
    throw new Error(`bad submission module name "${file}"`);
  return require(`@submission/${file}`) as T;
}

/** Sends the learner's answer to question `question` of exercise `exercise` to the grader. */
export function submitAnswer(exercise: number, question: string, value: unknown): void {
  const hook = (globalThis as Record<symbol, unknown>)[ANSWER_HOOK];
  if (typeof hook !== "function")
    throw new Error("structured answers are judged by the grader: run this suite through `npm run grade`");
  hook(exercise, question, value);
}

/** The run's seed (recorded in the result), so a regrade sees the same inputs. */
export function seed(): number {
  const s = Number(process.env.TENSORLINGS_SEED);
  return Number.isInteger(s) ? s : 1;
}

/** A small seeded PRNG (mulberry32) returning floats in [0, 1); `salt` separates streams. */
export function rng(salt = 0): () => number {
  let a = (seed() ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded integer in [lo, hi]. */
export function randomInt(next: () => number, lo: number, hi: number): number {
  return lo + Math.floor(next() * (hi - lo + 1));
}
