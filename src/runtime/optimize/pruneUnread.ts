/**
 * Pruning of pure results nobody reads.
 *
 * The plan first takes every ancestor of the fetches, control inputs included. Some of those are
 * pure ops reached only through control edges: `tf.tuple` gates each gradient on a `group_deps`
 * NoOp that waits for *all* of an op's gradients, so TF computes, for instance, the gradient with
 * respect to the constant `X` in linear regression (a 20640 × 9 product) only to throw it away.
 * An op without side effects whose outputs no kept node reads cannot change what a run returns or
 * stores, so it is dropped.
 *
 * Kept regardless: targets, producers of fetches, stateful ops, and any op type not known to be
 * pure (see opTraits.ts). Order is untouched, so every ordering the control edges imposed among
 * the kept nodes still holds. A dropped node that would have reported an uninitialized variable
 * stays as a check (see `toCheckNode`).
 */
import { PlanGraph, PlanNode, toCheckNode } from "./ir";
import { isPure } from "./opTraits";

export function pruneUnread(graph: PlanGraph): void {
  const live = new Set<PlanNode>();
  const stack: PlanNode[] = [];
  const need = (n: PlanNode | null) => {
    if (n && !live.has(n)) {
      live.add(n);
      stack.push(n);
    }
  };
  for (const v of graph.fetches) if (v.constant === null) need(v.producer);
  for (const n of graph.nodes)
    if (n.target || n.stateful || n.kind === "check" || !isPure(n.op.type)) need(n);
  // Only data edges propagate: a pure op needed merely for ordering has nothing to contribute.
  while (stack.length) {
    const n = stack.pop() as PlanNode;
    for (const v of n.inputs) if (v.constant === null) need(v.producer);
  }
  const kept: PlanNode[] = [];
  for (const n of graph.nodes) {
    if (live.has(n)) kept.push(n);
    else {
      const check = toCheckNode(n);
      if (check) kept.push(check);
    }
  }
  graph.nodes = kept;
}
