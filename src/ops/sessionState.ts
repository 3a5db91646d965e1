import type { Operation } from "../graph/operation";
import { float32 } from "../base/dtypes";
import { NDArray } from "../base/ndarray/ndarray";

/** Marks a variable that has no value yet in this session. */
export const UNINITIALIZED = new NDArray(float32, [0], new Float32Array(0));

/** Per-session mutable state: variable values and random-kernel generators (TF keeps both per session). */
export class SessionState {
  readonly variables = new Map<Operation, NDArray>();
  /** Keyed by op; the value is whatever the random kernels keep between runs. */
  readonly kernelState = new Map<Operation, unknown>();

  readVariable(op: Operation): NDArray {
    return this.variables.get(op) ?? UNINITIALIZED;
  }
}
