/**
 * Elementwise fusion: a tree of float elementwise ops whose intermediate results have no other
 * reader becomes one node running one loop (src/base/kernels/fused.ts). `x*x*y + y + 2` turns
 * into a single step; in a gradient, `(pred - y) * 2 * (1/m)` runs as one pass over the data.
 *
 * A member joins only if its result is read by exactly one node of the group, is not fetched, and
 * no stateful node runs between it and the group's last op (so moving its computation later is
 * invisible). When the inputs' shapes at run time need true broadcasting, the fused node runs
 * the original kernels one by one, so results and error messages are exactly those of the ops.
 */
import { float32, float64 } from "../../base/dtypes";
import { ElementwiseDef, elementwiseDef } from "../../base/kernels/elementwise";
import { FusedElementwise, FusedOp, FusedOperand } from "../../base/kernels/fused";
import type { Kernel, KernelOptions } from "../../ops/registry";
import type { NDArray } from "../../base/ndarray/ndarray";
import { withNode } from "../nodeErrors";
import { PlanGraph, PlanNode, PlanValue, consumersOf } from "./ir";

export function fuseElementwise(graph: PlanGraph): void {
  const readers = consumersOf(graph);
  const fetched = new Set(graph.fetches);
  const position = new Map(graph.nodes.map((n, i) => [n, i]));
  // statefulBefore[i]: stateful nodes among the first i nodes.
  const statefulBefore = [0];
  graph.nodes.forEach((n, i) => statefulBefore.push(statefulBefore[i] + (n.stateful ? 1 : 0)));
  const quietBetween = (from: PlanNode, to: PlanNode) =>
    statefulBefore[position.get(to) as number] === statefulBefore[(position.get(from) as number) + 1];

  const taken = new Set<PlanNode>();
  const replaced = new Map<PlanNode, PlanNode | null>();
  for (let r = graph.nodes.length - 1; r >= 0; r--) {
    const root = graph.nodes[r];
    if (taken.has(root) || !fusable(root)) continue;
    const dtype = root.outputs[0].dtype;
    const members = [root];
    taken.add(root);
    for (let m = 0; m < members.length; m++) {
      for (const v of members[m].inputs) {
        const p = v.producer;
        if (
          !p ||
          v.constant !== null ||
          taken.has(p) ||
          !fusable(p) ||
          p.outputs[0] !== v ||
          v.dtype !== dtype
        )
          continue;
        if (fetched.has(v) || (readers.get(v) ?? []).length !== 1 || !quietBetween(p, root)) continue;
        members.push(p);
        taken.add(p);
      }
    }
    if (members.length < 2 || outsideInputs(members) > MAX_FUSED_INPUTS) continue;
    members.sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
    const fused = fusedNode(root, members);
    for (const m of members) replaced.set(m, m === root ? fused : null);
  }
  graph.nodes = graph.nodes.flatMap((n) => {
    if (!replaced.has(n)) return [n];
    const f = replaced.get(n);
    return f ? [f] : [];
  });
}

/** The fused kernel marks one-element inputs in a 31-bit mask. */
const MAX_FUSED_INPUTS = 30;

function outsideInputs(members: PlanNode[]): number {
  const produced = new Set(members.map((m) => m.outputs[0]));
  return new Set(members.flatMap((m) => m.inputs.filter((v) => !produced.has(v)))).size;
}

const elementwiseOf = (n: PlanNode): ElementwiseDef | undefined => n.elementwise ?? elementwiseDef(n.op.type);

function fusable(n: PlanNode): boolean {
  if (n.kind !== "kernel" || !n.engineKernel || n.target || n.stateful || n.outputs.length !== 1)
    return false;
  const def = elementwiseOf(n);
  const dtype = n.outputs[0].dtype;
  if (!def || def.bool || def.arity !== n.inputs.length || (dtype !== float32 && dtype !== float64))
    return false;
  // Variable reads stay outside, where the uninitialized check names the right node.
  return n.inputs.every((v) => v.dtype === dtype && v.producer?.op.type !== "VariableV2");
}

/** The node replacing `members` (sorted, the root last): reads the members' outside inputs. */
function fusedNode(root: PlanNode, members: PlanNode[]): PlanNode {
  const leaves: PlanValue[] = [];
  const readers: string[] = [];
  const index = new Map(members.map((m, j) => [m.outputs[0], j]));
  const ops: FusedOp[] = members.map((m) => ({
    f: (elementwiseOf(m) as ElementwiseDef).f,
    args: m.inputs.map((v): FusedOperand => {
      const j = index.get(v);
      if (j !== undefined) return { op: j };
      let k = leaves.indexOf(v);
      if (k < 0) {
        k = leaves.push(v) - 1;
        readers.push(m.op.name);
      }
      return { input: k };
    }),
  }));
  const node: PlanNode = {
    ...root,
    inputs: leaves,
    needsValue: leaves.map(() => true),
    inputReaders: readers,
    makeKernel: (options) => fusedKernel(ops, leaves, members, options),
  };
  root.outputs[0].producer = node;
  return node;
}

function fusedKernel(
  ops: FusedOp[],
  leaves: PlanValue[],
  members: PlanNode[],
  options: KernelOptions,
): Kernel {
  const fast = new FusedElementwise(
    ops,
    leaves.length,
    members[0].outputs[0].dtype,
    options.reuseOutputs === true,
  );
  const outs: NDArray[] = [];
  let slow: Kernel[] | null = null;
  return (inputs, ctx) => {
    const result = fast.run(inputs);
    if (result !== null) {
      outs[0] = result;
      return outs;
    }
    // Op by op, with each op's own kernel and error.
    slow ??= members.map((m) => m.makeKernel({}));
    const values = new Map<PlanValue, NDArray>(leaves.map((v, k) => [v, inputs[k]]));
    members.forEach((m, j) => {
      try {
        values.set(
          m.outputs[0],
          (slow as Kernel[])[j](
            m.inputs.map((v) => values.get(v) as NDArray),
            ctx,
          )[0],
        );
      } catch (e) {
        throw withNode(e, m.op.name);
      }
    });
    outs[0] = values.get(members[members.length - 1].outputs[0]) as NDArray;
    return outs;
  };
}
