import type * as TfjsCore from "@tensorflow/tfjs-core";
import { DType, int64 } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import { Kernel, getOpDef } from "../../ops/registry";
import type { NDArray } from "../../base/ndarray/ndarray";
import type { Backend } from "./backend";
import { fromTensor, tfjsDtypeOf, toTensor } from "./tfjsConvert";
import { TFJS_OPS, TfjsOpSpec } from "./tfjsKernels";
import { TfjsRuntime, activate } from "./tfjsLoader";

export interface TfjsBackendStats {
  /** Kernel calls answered by tfjs. */
  tfjsCalls: number;
  /** Kernel calls handed back to the engine's kernel at run time (tfjs refused or declined the inputs). */
  fallbacks: number;
}

export interface TfjsBackend extends Backend {
  readonly runtime: TfjsRuntime;
  readonly stats: TfjsBackendStats;
  /** Op types this backend runs on tfjs (for some dtypes: see `kernelFor`). */
  coveredOpTypes(): string[];
}

/** The dtype an op is typed by: its `T` attr, else its first input's dtype (Cast's SrcT). */
function typeDtype(op: Operation): DType | null {
  const t = op.attrs.T;
  if (t?.kind === "type") return t.value;
  return op.inputs[0]?.dtype ?? null;
}

function isCovered(spec: TfjsOpSpec, op: Operation, runtime: TfjsRuntime): boolean {
  const dtype = typeDtype(op);
  if (!dtype || !spec.dtypes.includes(dtype)) return false;
  const host = spec.hostInputs?.(op) ?? [];
  if (op.inputs.some((t, i) => !host.includes(i) && !tfjsDtypeOf(t.dtype))) return false;
  if (op.outputs.length !== 1) return false;
  const out = op.outputs[0].dtype;
  if (!tfjsDtypeOf(out) && !(spec.int64Output && out === int64)) return false;
  return spec.kernels.every((k) => runtime.tf.getKernel(k, runtime.tfBackend) !== undefined);
}

/**
 * A Backend that runs the ops of `TFJS_OPS` on one tfjs backend, converting NDArrays to tfjs
 * tensors and back around each op (the plan between ops stays in NDArrays). float64, int64 and
 * string ops get no kernel, so the engine's run instead.
 *
 * Inputs tfjs rejects (incompatible shapes, bad axes...) are handed to the engine's kernel, which
 * raises TF's own error text; tfjs's messages never reach the user.
 */
export function createTfjsBackend(name: string, runtime: TfjsRuntime): TfjsBackend {
  const stats: TfjsBackendStats = { tfjsCalls: 0, fallbacks: 0 };

  function kernelFor(op: Operation): Kernel | null {
    const spec = TFJS_OPS.get(op.type);
    if (!spec || !isCovered(spec, op, runtime)) return null;
    const { tf, tfBackend } = runtime;
    const hostInputs = spec.hostInputs?.(op) ?? [];
    const isHost = (i: number) => hostInputs.includes(i);
    const compute = spec.build(op);
    const outDtype = op.outputs[0].dtype;
    const tfOut = tfjsDtypeOf(outDtype) ?? "int32";
    let engineKernel: Kernel | null = null;

    return (inputs: NDArray[], ctx) => {
      // Two tfjs backends (wasm, cpu) share one tfjs engine; make ours the active one.
      if (tf.getBackend() !== tfBackend) activate(tf, tfBackend);
      let result: TfjsCore.Tensor | undefined;
      try {
        result = tf.tidy(() => {
          const x: TfjsCore.Tensor[] = [];
          const host: number[][] = [];
          inputs.forEach((a, i) => {
            if (isHost(i)) host[i] = Array.from(a.data as Int32Array);
            else x[i] = toTensor(tf, a);
          });
          const r = compute(tf, x, host);
          if (!r) return undefined;
          return r.dtype === tfOut ? r : tf.cast(r, tfOut);
        });
      } catch {
        result = undefined;
      }
      if (!result) {
        stats.fallbacks++;
        engineKernel ??= getOpDef(op.type).kernel(op);
        return engineKernel(inputs, ctx);
      }
      try {
        stats.tfjsCalls++;
        return [fromTensor(result, outDtype)];
      } finally {
        result.dispose();
      }
    };
  }

  return {
    name,
    runtime,
    stats,
    kernelFor,
    coveredOpTypes: () => [...TFJS_OPS.keys()].sort(),
  };
}
