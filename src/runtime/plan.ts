import type { Operation } from "../graph/operation";
import type { Tensor } from "../graph/tensor";
import type { Kernel } from "../ops/registry";
import type { Backend } from "./backends/backend";
import { getActiveBackend } from "./backends/backend";
import type { NDArray } from "../base/ndarray/ndarray";
import { planBuffers } from "./optimize/bufferPlanning";
import { Rewrites, getRewrites, optimizePlanGraph } from "./optimize/index";
import { PlanGraph, PlanNode, PlanValue, buildPlanGraph } from "./optimize/ir";
import { isAlias } from "./optimize/opTraits";

/** How a step runs: its kernel; a copy of its input's slot (Identity); only the initialized check. */
export const enum StepKind {
  Kernel = 0,
  Alias = 1,
  Check = 2,
}

/** One step of a plan: where its inputs come from and its outputs go (value slots). */
export interface Step {
  readonly kind: StepKind;
  /** The op it runs (for fused chains, the last one); errors carry its name. */
  readonly op: Operation;
  readonly kernel: Kernel | null;
  readonly inputSlots: Int32Array;
  readonly outputSlots: Int32Array;
  /** 1 where the input must hold an initialized value (0 for ref inputs of Assign-like ops). */
  readonly needsValue: Uint8Array;
  /** For an uninitialized input: the op that produced it and the node that read it. */
  readonly inputNames: readonly string[];
  readonly readerNames: readonly string[];
  /** The argument array handed to the kernel, refilled on every run. */
  readonly args: NDArray[];
  /** The kernel writes into the same output buffers on every run (see optimize/bufferPlanning.ts). */
  readonly reusesOutputs: boolean;
  /**
   * Slots of the variables this step updates through a ref input (Assign, Apply*), with their
   * variable ops: refreshed after the step, so later readers see the new value as TF's refs do.
   */
  readonly refSlots: Int32Array;
  readonly refVariables: readonly Operation[];
}

/** A compiled execution plan for one (fetches, feeds) signature; built once, reused on every run. */
export interface Plan {
  readonly steps: Step[];
  readonly slotCount: number;
  /**
   * Slot storage, reused by every run of the plan (runs never interleave: JavaScript runs each
   * `sess.run` to completion). Constant slots are filled once, here.
   */
  readonly values: NDArray[];
  /** Slot of each feed, in the order of the feeds given to `compilePlan`. */
  readonly feedSlots: Int32Array;
  readonly fetchSlots: Int32Array;
  /** Name of the op producing each fetch (for the uninitialized-fetch error). */
  readonly fetchNames: readonly string[];
  readonly backend: Backend;
  /** The feed shapes the plan is specialised for, or null for any shapes. */
  readonly feedShapes: readonly (readonly number[])[] | null;
}

export interface CompileOptions {
  /** Rewrite switches (default: the current global ones, see optimize/index.ts). */
  rewrites?: Readonly<Rewrites>;
  /**
   * Specialise the plan for feeds of exactly these shapes (in feed order): shape arithmetic then
   * folds into constants. The caller must only run it with feeds of these shapes.
   */
  feedShapes?: readonly (readonly number[])[];
}

/**
 * Prune the graph to what the fetches and targets need, stopping at fed tensors, order it
 * (inputs before consumers, control inputs before dependents), apply the rewrites of
 * ./optimize, and lower the result to steps over numbered slots.
 */
export function compilePlan(
  fetchTensors: readonly Tensor[],
  targets: readonly Operation[],
  feeds: readonly Tensor[],
  options: CompileOptions = {},
): Plan {
  const rewrites = options.rewrites ?? getRewrites();
  const backend = getActiveBackend();
  const graph = buildPlanGraph(fetchTensors, targets, feeds, backend, options.feedShapes ?? null);
  optimizePlanGraph(graph, rewrites);
  for (const n of graph.nodes) if (runsAsAlias(n)) n.kind = "alias";
  return lower(graph, rewrites.reuseBuffers, options.feedShapes ?? null);
}

/** Pass-through ops (Identity & co.) run as a copy of the input's slot: no kernel call, no arrays. */
function runsAsAlias(n: PlanNode): boolean {
  return (
    n.kind === "kernel" &&
    n.engineKernel &&
    isAlias(n.op.type) &&
    n.inputs.length === 1 &&
    n.outputs.length === 1
  );
}

function lower(
  graph: PlanGraph,
  reuseBuffers: boolean,
  feedShapes: readonly (readonly number[])[] | null,
): Plan {
  const slotOf = new Map<PlanValue, number>();
  const slot = (v: PlanValue): number => {
    let s = slotOf.get(v);
    if (s === undefined) slotOf.set(v, (s = slotOf.size));
    return s;
  };
  const feedSlots = Int32Array.from(graph.feeds.map(slot));
  const options = planBuffers(graph, reuseBuffers);
  const steps = graph.nodes.map((n): Step => {
    const kind = n.kind === "alias" ? StepKind.Alias : n.kind === "check" ? StepKind.Check : StepKind.Kernel;
    const kernelOptions = options.get(n) ?? {};
    const refs = n.inputs
      .map((v, i) => ({ v, i }))
      .filter(({ v, i }) => kind === StepKind.Kernel && !n.needsValue[i] && v.producer?.op.type === "VariableV2");
    return {
      refSlots: Int32Array.from(refs.map(({ v }) => slot(v))),
      refVariables: refs.map(({ v }) => (v.producer as PlanNode).op),
      kind,
      op: n.op,
      kernel: kind === StepKind.Kernel ? n.makeKernel(kernelOptions) : null,
      reusesOutputs: kernelOptions.reuseOutputs === true,
      inputSlots: Int32Array.from(n.inputs.map(slot)),
      outputSlots: Int32Array.from(n.outputs.map(slot)),
      needsValue: Uint8Array.from(n.needsValue.map((b) => (b ? 1 : 0))),
      inputNames: n.inputs.map((v) => v.tensor?.op.name ?? "?"),
      readerNames: n.inputs.map((_, i) => n.inputReaders?.[i] ?? n.op.name),
      args: new Array(n.inputs.length),
    };
  });
  const fetchSlots = Int32Array.from(graph.fetches.map(slot));
  const fetchNames = graph.fetches.map((v) => v.tensor?.op.name ?? "?");
  const values = new Array<NDArray>(slotOf.size).fill(null as unknown as NDArray);
  for (const [v, s] of slotOf) if (v.constant !== null) values[s] = v.constant;
  return {
    steps,
    slotCount: slotOf.size,
    values,
    feedSlots,
    fetchSlots,
    fetchNames,
    backend: graph.backend,
    feedShapes,
  };
}
