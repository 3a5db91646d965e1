/**
 * Per-function copies of hot loops.
 *
 * V8 shares the type feedback of a function among all closures created from the same source, so
 * a single generic loop that calls `f` for Add, Mul, Sigmoid... sees many targets and keeps each
 * call indirect (no inlining), several times slower than a loop written for one `f`. Compiling the
 * loop source anew for each function gives every op its own monomorphic loop. Sources here are
 * fixed strings from this package; only functions are passed in, never text from users.
 */
const cache = new WeakMap<object, Map<string, Map<string, unknown>>>();
let codeGeneration = true;

/**
 * `new Function(...params, body)(...args)`, or null where code generation from strings is
 * disallowed (`node --disallow-code-generation-from-strings`, some sandboxes): callers then use
 * their plain, unspecialised loops, which compute the same results more slowly.
 */
export function compileSource<T>(params: string[], body: string, args: unknown[]): T | null {
  if (!codeGeneration) return null;
  try {
    return new Function(...params, body)(...args) as T;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    codeGeneration = false;
    return null;
  }
}

/**
 * `source` is a function body that sees the parameter `f` (and `fround`) and returns an object of
 * loops; the result is cached per (`f`, `variant`, source), so each combination is compiled once.
 * `variant` separates dtype combinations, keeping the typed-array accesses monomorphic too.
 * `fallback` gives the same loops without code generation.
 */
export function compileLoops<T>(source: string, f: object, variant: string, fallback: () => T): T {
  let bySource = cache.get(f);
  if (!bySource) cache.set(f, (bySource = new Map()));
  let byVariant = bySource.get(source);
  if (!byVariant) bySource.set(source, (byVariant = new Map()));
  let loops = byVariant.get(variant) as T | undefined;
  if (!loops) {
    loops = compileSource<T>(["f", "fround"], source, [f, Math.fround]) ?? fallback();
    byVariant.set(variant, loops);
  }
  return loops;
}
