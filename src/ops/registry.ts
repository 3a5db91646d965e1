import type { Attrs, Operation, OutputSpec } from "../graph/operation";
import type { Tensor } from "../graph/tensor";
import type { NDArray } from "../base/ndarray/ndarray";
import type { SessionState } from "./sessionState";

/** Runs one op on concrete inputs. Built once per execution plan, so attr parsing stays off the hot path. */
export type Kernel = (inputs: NDArray[], ctx: KernelContext) => NDArray[];

export interface KernelContext {
  readonly state: SessionState;
}

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

/** Builds the gradient nodes of one op: `grads[i]` is d(ys)/d(output i), or null if nothing flows back. */
export type GradFn = (op: Operation, grads: (Tensor | null)[]) => (Tensor | null)[];

/**
 * One definition per op: shape inference, kernel and gradient side by side.
 * `gradient: null` declares the op non-differentiable; leaving it out means "no gradient defined".
 */
export interface OpDef {
  type: string;
  outputs(inputs: Tensor[], attrs: Attrs): OutputSpec[];
  kernel(op: Operation, options?: KernelOptions): Kernel;
  gradient?: GradFn | null;
  /** Inputs that receive a variable reference rather than its value (Assign, Apply*). */
  refInputs?: readonly number[];
  /** Ops with side effects or hidden state; never folded or cached. */
  stateful?: boolean;
}

const registry = new Map<string, OpDef>();

export function registerOp(def: OpDef): OpDef {
  if (registry.has(def.type)) throw new Error(`Op type registered twice: ${def.type}`);
  registry.set(def.type, def);
  return def;
}

export function getOpDef(type: string): OpDef {
  const def = registry.get(type);
  if (!def) throw new Error(`Op type not registered '${type}'`);
  return def;
}

export function registeredOpTypes(): string[] {
  return [...registry.keys()].sort();
}
