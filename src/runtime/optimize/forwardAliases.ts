/**
 * Alias forwarding: readers of an op that only passes its input through (Identity, StopGradient,
 * an unfed PlaceholderWithDefault, a Reshape to the shape its input already has) read that input
 * directly. The pass-through then has no reader and pruning drops it; chains of elementwise ops
 * separated by `tf.tuple`'s Identities or gradient Reshapes become adjacent and can fuse.
 *
 * The value read is the same array either way (Identity hands its input on; a Reshape to the
 * same shape holds the same values in the same layout), and no node moves, so this is invisible.
 * Pass-throughs reading a variable are left alone: they are where an uninitialized variable is
 * reported. Fetched values keep their node.
 */
import { PlanGraph, PlanNode, PlanValue } from "./ir";
import { isAlias } from "./opTraits";
import { knownShape } from "./shapeInference";

export function forwardAliases(graph: PlanGraph): void {
  const source = new Map<PlanValue, PlanValue>();
  const fetched = new Set(graph.fetches);
  for (const node of graph.nodes) {
    node.inputs = node.inputs.map((v) => source.get(v) ?? v);
    const from = passedThrough(node);
    if (from && !fetched.has(node.outputs[0])) source.set(node.outputs[0], from);
  }
}

/** The input `node` hands on unchanged, or null. */
function passedThrough(node: PlanNode): PlanValue | null {
  if (node.kind !== "kernel" || !node.engineKernel || node.outputs.length !== 1) return null;
  const input = node.inputs[0];
  if (!input || input.producer?.op.type === "VariableV2" || input.dtype !== node.outputs[0].dtype)
    return null;
  if (isAlias(node.op.type)) return input;
  if (node.op.type === "Reshape") {
    const a = knownShape(input);
    const b = knownShape(node.outputs[0]);
    if (a && b && a.length === b.length && a.every((d, i) => d === b[i])) return input;
  }
  return null;
}
