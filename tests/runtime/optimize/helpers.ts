// Shared helpers for the plan-rewrite tests: run a graph with rewrites on and off, compare bits.
import * as tf from "tensorlings";
import { Rewrites, setRewrites } from "../../../src/runtime/optimize/index";
import { Step, StepKind, compilePlan } from "../../../src/runtime/plan";

export const ALL_OFF: Rewrites = {
  constantFolding: false,
  transposeMatMul: false,
  forwardAliases: false,
  pruneUnread: false,
  elementwiseForms: false,
  fuseElementwise: false,
  reuseBuffers: false,
};

/** Runs `fn` with exactly the given rewrites on (the rest off), restoring the settings after. */
export function withRewrites<T>(on: Partial<Rewrites>, fn: () => T): T {
  const previous = setRewrites({ ...ALL_OFF, ...on });
  try {
    return fn();
  } finally {
    setRewrites(previous);
  }
}

/** The exact bits of an array's values (floats as their IEEE patterns, so -0 and NaN payloads count). */
export function bits(a: tf.NDArray): string {
  const d = a.data;
  if (d instanceof Float32Array)
    return (
      `${a.dtype.name}[${a.shape}]:` +
      Array.from(new Uint32Array(Float32Array.from(d).buffer), (b) => b.toString(16)).join(",")
    );
  if (d instanceof Float64Array)
    return (
      `${a.dtype.name}[${a.shape}]:` +
      Array.from(new BigUint64Array(Float64Array.from(d).buffer), (b) => b.toString(16)).join(",")
    );
  return `${a.dtype.name}[${a.shape}]:${Array.from(d as ArrayLike<unknown>).join(",")}`;
}

/** Bits of every array in a (possibly nested) `sess.run` result. */
export function allBits(result: unknown): unknown {
  if (result instanceof tf.NDArray) return bits(result);
  if (Array.isArray(result)) return result.map(allBits);
  return result;
}

/** The steps a session would run for these fetches and feeds under the given rewrites. */
export function planSteps(
  on: Partial<Rewrites>,
  fetches: tf.Tensor[],
  targets: tf.Operation[] = [],
  feeds: [tf.Tensor, number[]][] = [],
): Step[] {
  return withRewrites(
    on,
    () =>
      compilePlan(
        fetches,
        targets,
        feeds.map(([t]) => t),
        { feedShapes: feeds.length ? feeds.map(([, s]) => s) : undefined },
      ).steps,
  );
}

/** `type:name` of the steps that call a kernel. */
export const kernelSteps = (steps: Step[]) =>
  steps.filter((s) => s.kind === StepKind.Kernel).map((s) => `${s.op.type}:${s.op.name}`);

/** Float32 values with the cases that tell arithmetic orders apart: signed zeros, NaN, infinities, tiny and huge. */
export const AWKWARD = [
  0,
  -0,
  1,
  -1,
  0.1,
  -2.5,
  1e-38,
  -1e-45,
  3.4e38,
  Infinity,
  -Infinity,
  NaN,
  1 / 3,
  7e-8,
];
