/**
 * Matrix · vector products with the short dimension unrolled: lesson 5's X·θ has 9 columns and
 * exercise 12's 7, so a loop over them spends more on loop overhead than on arithmetic. Sources
 * are generated once per length (≤ MAX_UNROLLED) and cached.
 *
 * Each output is `0 + a₀b₀ + a₁b₁ + …` summed in float64 in index order, exactly as the generic
 * MatMul loops sum it, so the results are bit-identical to theirs.
 */
import { compileSource } from "./specialize";

type Num = Float32Array | Float64Array;
export type RowDots = (A: Num, b: Num, out: Num, rows: number) => void;
export type ColumnDots = (A: Num, b: Num, out: Num, depth: number) => void;
/** Null where code generation is disallowed (see specialize.ts): MatMul then uses its generic loops. */

export const MAX_UNROLLED = 32;

const rowCache = new Map<string, RowDots | null>();
const columnCache = new Map<string, ColumnDots | null>();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `out[i] = Σ_p A[i·k + p] · b[p]` for a k-column row-major A (k ≤ MAX_UNROLLED). */
export function rowDots(k: number, variant: string): RowDots | null {
  const key = `${k}:${variant}`;
  let fn = rowCache.get(key);
  if (fn === undefined) {
    const loads = range(k)
      .map((p) => `const b${p} = b[${p}];`)
      .join(" ");
    const sum = range(k)
      .map((p) => `acc += A[o + ${p}] * b${p};`)
      .join(" ");
    fn = compileSource<RowDots>(
      [],
      `return function rowDots${k}(A, b, out, rows) {
      ${loads}
      for (let i = 0, o = 0; i < rows; i++, o += ${k}) { let acc = 0; ${sum} out[i] = acc; }
    };`,
      [],
    );
    rowCache.set(key, fn);
  }
  return fn;
}

/** `out[i] = Σ_p A[p·m + i] · b[p]` (Aᵀ·b) for an m-column row-major A (m ≤ MAX_UNROLLED), one pass over A. */
export function columnDots(m: number, variant: string): ColumnDots | null {
  const key = `${m}:${variant}`;
  let fn = columnCache.get(key);
  if (fn === undefined) {
    const init = range(m)
      .map((i) => `let s${i} = 0;`)
      .join(" ");
    const step = range(m)
      .map((i) => `s${i} += A[o + ${i}] * bv;`)
      .join(" ");
    const store = range(m)
      .map((i) => `out[${i}] = s${i};`)
      .join(" ");
    fn = compileSource<ColumnDots>(
      [],
      `return function columnDots${m}(A, b, out, depth) {
      ${init}
      for (let p = 0, o = 0; p < depth; p++, o += ${m}) { const bv = b[p]; ${step} }
      ${store}
    };`,
      [],
    );
    columnCache.set(key, fn);
  }
  return fn;
}
