/**
 * TF 1.x `random_seed.get_seed(op_seed)` (tensorflow/python/framework/random_seed.py): combine the
 * graph-level seed (`tf.set_random_seed`) and an op's `seed=` argument into the (seed, seed2) attrs of a
 * random op.
 */

/** Graph seed used when only the op seed is given. */
export const DEFAULT_GRAPH_SEED = 87654321;
/** Seeds are reduced modulo this (2**31 - 1) to fit a 32-bit integer. */
export const MAXINT32 = 2147483647;

function truncateSeed(seed: number, what: string): number {
  if (!Number.isInteger(seed)) throw new TypeError(`${what} must be an integer, got ${seed}`);
  // Python's % : the result takes the divisor's sign, so it is never negative here.
  return ((seed % MAXINT32) + MAXINT32) % MAXINT32;
}

/**
 * The (seed, seed2) pair for a new random op.
 * - graph seed set: (graphSeed, opSeed ?? lastId), both reduced mod 2**31 - 1
 * - only op seed: (87654321, opSeed mod 2**31 - 1)
 * - neither: (null, null), which the op turns into attrs 0, 0 (nondeterministic)
 * (0, 0) itself is replaced by (0, 2**31 - 1) so that it keeps meaning "deterministic".
 *
 * `lastId` is the number of operations already in the graph when the random op's seed is taken
 * (after its shape/min/max constants exist, before the op itself).
 */
export function getSeed(
  graphSeed: number | null | undefined,
  opSeed: number | null | undefined,
  lastId: number,
): [number, number] | [null, null] {
  let seeds: [number, number];
  if (graphSeed !== null && graphSeed !== undefined) {
    const op = opSeed ?? lastId;
    seeds = [truncateSeed(graphSeed, "graph seed"), truncateSeed(op, "op seed")];
  } else if (opSeed !== null && opSeed !== undefined) {
    seeds = [DEFAULT_GRAPH_SEED, truncateSeed(opSeed, "op seed")];
  } else {
    return [null, null];
  }
  if (seeds[0] === 0 && seeds[1] === 0) return [0, MAXINT32];
  return seeds;
}
