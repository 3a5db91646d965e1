import type { NDArray } from "../ndarray/ndarray";

/**
 * Runs one op on concrete inputs. Built once per execution plan, so attr parsing stays off the hot
 * path. `Ctx` is what the session hands every kernel (ops/registry's `KernelContext`); the array
 * kernels of this folder never read it, so they stay free of the graph.
 */
export type Kernel<Ctx = unknown> = (inputs: NDArray[], ctx: Ctx) => NDArray[];

/**
 * What an execution plan guarantees a kernel it builds (src/runtime/plan.ts decides). Kernels may
 * ignore it; the default (false) is what any caller outside a plan gets.
 */
export interface KernelOptions {
  /**
   * The outputs are only read until the end of the run and never stored (not in a variable, not
   * handed to the user uncopied): the kernel may write into the same buffers on every call.
   */
  reuseOutputs?: boolean;
}
