import type { NDArray } from "./ndarray";

// Placeholder: NumPy-faithful printing is being written (see tests/runtime/format.test.ts).
export function formatNDArray(a: NDArray): string {
  return JSON.stringify(a.toArray());
}

export function reprNDArray(a: NDArray): string {
  return `array(${formatNDArray(a)}, dtype=${a.dtype.name})`;
}
