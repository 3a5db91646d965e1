/**
 * Which kernels may write into the same output buffers on every run.
 *
 * A buffer can be overwritten by the next run only if nobody can still be holding it by then. Its
 * readers must therefore all be kernels that merely read during the call (opTraits'
 * non-retaining list: not Assign, which keeps its value as the variable's, and not a backend
 * kernel, whose library may keep views); views such as Identity or Reshape pass the question on
 * to their own readers. Fetched results are fine: `sess.run` copies them before returning.
 * (Kernels that cache results, see base/kernels/memo.ts, compare input values, so they need no
 * guarantee from here.)
 */
import type { KernelOptions } from "../../ops/registry";
import { PlanGraph, PlanNode, PlanValue, consumersOf } from "./ir";
import { isNonRetaining, isView } from "./opTraits";

export function planBuffers(graph: PlanGraph, reuseBuffers: boolean): Map<PlanNode, KernelOptions> {
  const readers = consumersOf(graph);
  const escapes = new Map<PlanValue, boolean>();
  const passesOn = (n: PlanNode) => n.kind === "alias" || (n.engineKernel && isView(n.op.type));
  const escaping = (v: PlanValue): boolean => {
    let known = escapes.get(v);
    if (known === undefined) {
      escapes.set(v, true); // cycles cannot happen; this only guards the recursion
      known = (readers.get(v) ?? []).some((r) => {
        if (r.kind === "check") return false;
        if (passesOn(r)) return r.outputs.some(escaping);
        return !(r.engineKernel && r.kind === "kernel" && isNonRetaining(r.op.type));
      });
      escapes.set(v, known);
    }
    return known;
  };

  const options = new Map<PlanNode, KernelOptions>();
  for (const n of graph.nodes) {
    if (n.kind !== "kernel") continue;
    const reuse = reuseBuffers && n.engineKernel && n.outputs.length > 0 && !n.outputs.some(escaping);
    options.set(n, { reuseOutputs: reuse });
  }
  return options;
}
