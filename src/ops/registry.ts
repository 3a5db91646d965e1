import type { Attrs, Operation, OutputSpec } from "../graph/operation";
import type { Tensor } from "../graph/tensor";
import type { Kernel as ArrayKernel, KernelOptions } from "../base/kernels/kernel";
import type { SessionState } from "./sessionState";

/** A kernel of the engine: array code (src/base/kernels) that may read the session's state. */
export type Kernel = ArrayKernel<KernelContext>;
export type { KernelOptions };

export interface KernelContext {
  readonly state: SessionState;
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

/**
 * Attaches the gradient of an op registered earlier. Gradients live in their own modules
 * (ops/math/binaryGrad.ts & co., loaded by ops/gradients.ts after every forward op), as TF's
 * math_grad.py registers them apart from math_ops.py, so forward ops never import each other's
 * gradient helpers.
 */
export function registerGradient(type: string, gradient: GradFn): void {
  const def = getOpDef(type);
  if (def.gradient !== undefined) throw new Error(`Gradient of op type '${type}' registered twice`);
  def.gradient = gradient;
}

export function getOpDef(type: string): OpDef {
  const def = registry.get(type);
  if (!def) throw new Error(`Op type not registered '${type}'`);
  return def;
}

/**
 * The op types the engine implements (`"Add"`, `"MatMul"`, ...), sorted: every one has a shape function,
 * a kernel and a gradient entry. A tensorlings helper with no TF 1.x counterpart; TF keeps its list in the
 * C++ op registry (tensorflow/core/framework/op.h, `OpRegistry`).
 * @returns the type names
 * @example
 * ```ts
 * const hasMatMul = tf.registeredOpTypes().includes("MatMul");
 * ```
 */
export function registeredOpTypes(): string[] {
  return [...registry.keys()].sort();
}
