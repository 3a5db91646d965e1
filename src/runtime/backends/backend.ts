import type { Operation } from "../../graph/operation";
import type { Kernel } from "../../ops/registry";

/**
 * A backend can supply its own kernel for an op; ops it does not cover fall back to the engine's
 * CPU kernel (the one in the op's definition).
 */
export interface Backend {
  readonly name: string;
  kernelFor(op: Operation): Kernel | null;
}

/** The engine's own typed-array kernels: it supplies nothing extra. */
export const cpuBackend: Backend = { name: "cpu", kernelFor: () => null };

let active: Backend = cpuBackend;

export function getActiveBackend(): Backend {
  return active;
}
export function setActiveBackend(b: Backend): void {
  active = b;
}
