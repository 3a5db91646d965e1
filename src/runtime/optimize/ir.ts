/**
 * The plan's working form: the pruned, ordered ops of one (fetches, feeds) signature as nodes and
 * values that rewrites may rewire, fold or replace. Rewrites change only this copy: the user's
 * graph (names, GraphDef, gradients) is never touched.
 */
import type { DType } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import type { Tensor } from "../../graph/tensor";
import { isFullyDefined } from "../../base/shape";
import { Kernel, KernelOptions, getOpDef } from "../../ops/registry";
import type { ElementwiseDef } from "../../base/kernels/elementwise";
import type { Backend } from "../backends/backend";
import type { NDArray } from "../../base/ndarray/ndarray";

export interface PlanValue {
  readonly id: number;
  readonly dtype: DType;
  /** The graph tensor whose value this is; null for values a rewrite introduced. */
  readonly tensor: Tensor | null;
  /** Known while compiling: a Const's value or a folded result. Never written to. */
  constant: NDArray | null;
  /** The concrete shape, when known while compiling (see shapeInference.ts). */
  shape: number[] | null;
  /** The node computing it; null for feeds and constants. */
  producer: PlanNode | null;
  readonly fed: boolean;
}

export type KernelFactory = (options: KernelOptions) => Kernel;

/** How a node runs: an op kernel, a pass-through of its input (Identity), or only the initialized check of its inputs. */
export type NodeKind = "kernel" | "alias" | "check";

export interface PlanNode {
  readonly id: number;
  /** The graph op it runs or stands for; errors carry its name. */
  readonly op: Operation;
  inputs: PlanValue[];
  /** One value per op output (an output nobody reads still gets one). */
  outputs: PlanValue[];
  /** Inputs that must hold an initialized value (false for the variable refs of Assign-like ops). */
  needsValue: boolean[];
  kind: NodeKind;
  makeKernel: KernelFactory;
  /** The engine's own kernel runs it (not a backend's): rewrites that swap kernels only touch these. */
  engineKernel: boolean;
  /** Has side effects or hidden state (variables, assignments, random generators). */
  stateful: boolean;
  /** Named by the caller as an op to run. */
  target: boolean;
  /** For error messages of nodes standing for several ops (fused chains): the names of the ops reading each input. */
  inputReaders?: string[];
  /** Set by rewrites on ops that act elementwise though their type is not an elementwise op (fusion reads it). */
  elementwise?: ElementwiseDef;
}

export interface PlanGraph {
  /** Execution order: inputs before consumers, control inputs before dependents. */
  nodes: PlanNode[];
  /** The fed values, in the caller's feed order. */
  feeds: PlanValue[];
  fetches: PlanValue[];
  readonly backend: Backend;
}

/** Ops in execution order: the fetches' and targets' ancestors, stopping at fed tensors. */
export function orderOps(
  fetchTensors: readonly Tensor[],
  targets: readonly Operation[],
  fed: ReadonlySet<Tensor>,
): Operation[] {
  const order: Operation[] = [];
  const state = new Map<Operation, 1 | 2>(); // 1 visiting, 2 done
  const visit = (root: Operation) => {
    const stack: [Operation, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [op, i] = top;
      if (i === 0) {
        if (state.get(op) === 2) {
          stack.pop();
          continue;
        }
        state.set(op, 1);
      }
      const deps = op.inputs.length + op.controlInputs.length;
      if (i < deps) {
        top[1]++;
        const dep = i < op.inputs.length ? op.inputs[i] : null;
        if (dep && fed.has(dep)) continue;
        const depOp = dep ? dep.op : op.controlInputs[i - op.inputs.length];
        // A control dependency on an op whose outputs are all fed is met by the feeds, as in TF.
        if (!dep && depOp.outputs.length > 0 && depOp.outputs.every((t) => fed.has(t))) continue;
        const s = state.get(depOp);
        if (s === 1) throw new Error(`Graph has a cycle through '${depOp.name}'`);
        if (s !== 2) stack.push([depOp, 0]);
        continue;
      }
      state.set(op, 2);
      order.push(op);
      stack.pop();
    }
  };
  for (const t of fetchTensors) if (!fed.has(t)) visit(t.op);
  for (const op of targets) visit(op);
  return order;
}

/** One node per op to run, wired by values; Const outputs start out as constants. */
export function buildPlanGraph(
  fetchTensors: readonly Tensor[],
  targets: readonly Operation[],
  feeds: readonly Tensor[],
  backend: Backend,
  /** The shapes of the fed arrays when the plan is specialised for them. */
  feedShapes: readonly (readonly number[])[] | null = null,
): PlanGraph {
  const fed = new Set(feeds);
  let nextValue = 0;
  const newValue = (tensor: Tensor, isFed: boolean, producer: PlanNode | null): PlanValue => ({
    id: nextValue++,
    dtype: tensor.dtype,
    tensor,
    constant: null,
    shape: null,
    producer,
    fed: isFed,
  });
  const valueOf = new Map<Tensor, PlanValue>();
  const feedValues = feeds.map((t, i) => {
    const v = valueOf.get(t) ?? newValue(t, true, null);
    const given = feedShapes?.[i];
    v.shape = given ? [...given] : isFullyDefined(t.shape) ? [...t.shape] : null;
    valueOf.set(t, v);
    return v;
  });

  const targetSet = new Set(targets);
  const nodes = orderOps(fetchTensors, targets, fed).map((op, id) => {
    const def = getOpDef(op.type);
    const refs = def.refInputs ?? [];
    const backendKernel = def.stateful ? null : backend.kernelFor(op);
    const node: PlanNode = {
      id,
      op,
      inputs: op.inputs.map((t) => valueOf.get(t) as PlanValue),
      outputs: [],
      needsValue: op.inputs.map((_, i) => !refs.includes(i)),
      kind: "kernel",
      makeKernel: backendKernel ? () => backendKernel : (options) => def.kernel(op, options),
      engineKernel: backendKernel === null,
      stateful: def.stateful === true,
      target: targetSet.has(op),
    };
    // A fed output is replaced by the feed for every reader; the op's own result goes unread.
    node.outputs = op.outputs.map((t) => {
      const v = newValue(t, false, node);
      if (!fed.has(t)) valueOf.set(t, v);
      return v;
    });
    if (op.type === "Const") {
      const a = op.attrs.value;
      if (a.kind === "tensor") node.outputs[0].constant = a.value;
    }
    return node;
  });
  return {
    nodes: nodes.filter((n) => n.outputs.length !== 1 || n.outputs[0].constant === null || n.target),
    feeds: feedValues,
    fetches: fetchTensors.map((t) => valueOf.get(t) as PlanValue),
    backend,
  };
}

/** The live nodes reading each value (data edges only). */
export function consumersOf(graph: PlanGraph): Map<PlanValue, PlanNode[]> {
  const readers = new Map<PlanValue, PlanNode[]>();
  for (const n of graph.nodes) {
    for (const v of n.inputs) {
      const list = readers.get(v);
      if (list) {
        if (!list.includes(n)) list.push(n);
      } else readers.set(v, [n]);
    }
  }
  return readers;
}

/**
 * A node that no longer needs to run may still be the one that would have reported an
 * uninitialized variable: keep it as a check of those inputs only, at the same place in the
 * order, so the run fails with the same error. Returns null when there is nothing to check.
 */
export function toCheckNode(node: PlanNode): PlanNode | null {
  const keep = node.inputs.map(
    (v, i) => node.needsValue[i] && v.producer?.op.type === "VariableV2" && v.constant === null,
  );
  if (!keep.includes(true)) return null;
  node.inputs = node.inputs.filter((_, i) => keep[i]);
  node.needsValue = node.inputs.map(() => true);
  node.outputs = [];
  node.kind = "check";
  return node;
}
