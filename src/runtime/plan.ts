import type { Operation } from "../graph/operation";
import type { Tensor } from "../graph/tensor";
import { getOpDef, Kernel } from "../ops/registry";
import { getActiveBackend } from "./backends/backend";

/** One op to run: its kernel and where its inputs come from and outputs go (value slots). */
export interface Step {
  op: Operation;
  kernel: Kernel;
  inputSlots: Int32Array;
  outputSlots: Int32Array;
  /** Inputs that must hold an initialized value (false for ref inputs of Assign-like ops). */
  needsValue: boolean[];
}

/** A compiled execution plan for one (fetches, feeds) signature; built once, reused on every run. */
export interface Plan {
  steps: Step[];
  slotCount: number;
  feedSlots: Map<Tensor, number>;
  fetchSlots: number[];
}

/**
 * Prune the graph to what the fetches and targets need, stopping at fed tensors, and order it
 * (inputs before consumers, control inputs before dependents).
 */
export function compilePlan(fetchTensors: Tensor[], targets: Operation[], feeds: Tensor[]): Plan {
  const fed = new Set(feeds);
  const slotOf = new Map<Tensor, number>();
  const slot = (t: Tensor) => {
    let s = slotOf.get(t);
    if (s === undefined) slotOf.set(t, (s = slotOf.size));
    return s;
  };
  const feedSlots = new Map<Tensor, number>();
  for (const t of feeds) feedSlots.set(t, slot(t));

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

  const backend = getActiveBackend();
  const steps: Step[] = order.map((op) => {
    const def = getOpDef(op.type);
    const refs = def.refInputs ?? [];
    return {
      op,
      kernel: (!def.stateful && backend.kernelFor(op)) || def.kernel(op),
      inputSlots: Int32Array.from(op.inputs.map(slot)),
      outputSlots: Int32Array.from(op.outputs.map(slot)),
      needsValue: op.inputs.map((_, i) => !refs.includes(i)),
    };
  });
  const fetchSlots = fetchTensors.map(slot);
  return { steps, slotCount: slotOf.size, feedSlots, fetchSlots };
}
