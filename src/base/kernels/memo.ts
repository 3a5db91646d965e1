/**
 * Result caches for kernels whose inputs are small and usually the same from run to run (shape
 * arithmetic in gradients: Shape, BroadcastGradientArgs, DynamicStitch...). A cached result is
 * an array no kernel ever writes into again, so handing the same one out twice is safe.
 */
import type { DType } from "../dtypes";
import type { NDArray } from "../ndarray/ndarray";
import type { Kernel } from "./kernel";
import { sameShape } from "./elementwise";

/** Inputs larger than this are not remembered (comparing them would cost more than it saves). */
const MAX_REMEMBERED = 64;

interface Seen {
  dtype: DType;
  shape: number[];
  data: number[];
}

function matches(seen: Seen, a: NDArray): boolean {
  if (seen.dtype !== a.dtype || !sameShape(seen.shape, a.shape)) return false;
  const d = a.data as ArrayLike<number>;
  for (let i = 0; i < seen.data.length; i++) if (seen.data[i] !== d[i]) return false;
  return true;
}

/** `kernel` (pure, deterministic, numeric inputs) answering from its last call when the input values repeat. */
export function memoizedByValue<Ctx>(kernel: Kernel<Ctx>): Kernel<Ctx> {
  let seen: Seen[] | null = null;
  let result: NDArray[] | null = null;
  return (inputs, ctx) => {
    if (seen !== null && result !== null && seen.length === inputs.length) {
      let same = true;
      for (let i = 0; i < inputs.length && same; i++) same = matches(seen[i], inputs[i]);
      if (same) return result;
    }
    const out = kernel(inputs, ctx);
    const small = inputs.every((a) => a.size <= MAX_REMEMBERED && !Array.isArray(a.data));
    seen = small
      ? inputs.map((a) => ({
          dtype: a.dtype,
          shape: [...a.shape],
          data: Array.from(a.data as ArrayLike<number>),
        }))
      : null;
    result = small ? [...out] : null;
    return out;
  };
}

/** A kernel whose result depends only on its first input's dtype and shape (Shape, Size, OnesLike...). */
export function memoizedByShape(compute: (x: NDArray) => NDArray): Kernel {
  let dtype: DType | null = null;
  let shape: number[] = [];
  const outs: NDArray[] = [];
  return (inputs) => {
    const x = inputs[0];
    if (outs.length === 0 || x.dtype !== dtype || !sameShape(shape, x.shape)) {
      outs[0] = compute(x);
      dtype = x.dtype;
      shape = [...x.shape];
    }
    return outs;
  };
}
