import { GraphKeys, getDefaultGraph } from "../graph/graph";
import { withGraphNameScope } from "../graph/nameScope";
import type { Operation } from "../graph/operation";
import { Tensor } from "../graph/tensor";
import { ValueError } from "../base/errors";
import { convertToTensor } from "../ops/array/constant";
import { controlDependencies, group, tuple } from "../ops/control/controlFlow";
import { cast } from "../ops/math/cast";
import { Variable, trainableVariables } from "../ops/state/variable";
import { assignAddRef } from "../ops/state/variableOps";
import { gradients } from "./gradients";
import { createSlot } from "./slots";
import type { Initializer } from "../ops/state/initializers";

export type GradAndVar = [Tensor | null, Variable];

/** TF's gating levels: GATE_OP (the default) ties each op's input gradients together with `tf.tuple`. */
export const GATE_NONE = 0;
export const GATE_OP = 1;
export const GATE_GRAPH = 2;

export interface MinimizeOptions {
  globalStep?: Variable;
  varList?: Variable[];
  gateGradients?: number;
  name?: string;
}

/**
 * Base class of the optimizers (TF 1.x `tf.train.Optimizer`): `minimize` = `computeGradients` +
 * `applyGradients`; subclasses create slots, prepare their hyperparameter tensors, and build
 * one Apply* op per variable.
 */
export abstract class Optimizer {
  private readonly slots = new Map<string, Map<Variable, Variable>>();

  constructor(
    readonly name: string,
    readonly useLocking = false,
  ) {}

  minimize(loss: Tensor, options: MinimizeOptions = {}): Operation {
    const gradsAndVars = this.computeGradients(loss, options);
    if (!gradsAndVars.some(([g]) => g !== null)) {
      throw new ValueError(
        `No gradients provided for any variable, check your graph for ops that do not support gradients, between variables [${gradsAndVars
          .map(([, v]) => `"${v}"`)
          .join(", ")}] and loss ${loss}.`,
      );
    }
    return this.applyGradients(gradsAndVars, { globalStep: options.globalStep, name: options.name });
  }

  computeGradients(loss: Tensor, options: { varList?: Variable[]; gateGradients?: number } = {}): GradAndVar[] {
    const varList = options.varList ?? trainableVariables();
    if (!varList.length) throw new ValueError("No variables to optimize.");
    const gate = options.gateGradients ?? GATE_OP;
    let grads = gradients(loss, varList, null, { gateGradients: gate === GATE_OP });
    if (gate === GATE_GRAPH) grads = tuple(grads);
    return grads.map((g, i) => [g, varList[i]]);
  }

  applyGradients(gradsAndVars: GradAndVar[], options: { globalStep?: Variable; name?: string } = {}): Operation {
    if (!gradsAndVars.length) throw new ValueError("No variables provided.");
    const withGrad = gradsAndVars.filter(([g]) => g !== null) as [Tensor, Variable][];
    if (!withGrad.length) {
      throw new ValueError(`No gradients provided for any variable: [${gradsAndVars.map(([, v]) => `"${v}"`).join(", ")}].`);
    }
    const graph = getDefaultGraph();
    // Slots are made outside the optimizer's scope and outside any control dependencies.
    controlDependencies(null, () => this.createSlots(withGrad.map(([, v]) => v)));
    return withGraphNameScope(graph, options.name ?? this.name, (scope) => {
      this.prepare();
      const updates = withGrad.map(([g, v]) =>
        withGraphNameScope(graph, `update_${v.op.name}`, () => this.applyDense(convertToTensor(g), v)),
      );
      let train: Operation;
      if (!options.globalStep) {
        train = this.finish(updates, scope);
      } else {
        const step = options.globalStep;
        train = controlDependencies([this.finish(updates, "update")], () => assignAddRef(step, 1, { name: scope }).op);
      }
      const trainOps = graph.getCollectionRef<Operation>(GraphKeys.TRAIN_OP);
      if (!trainOps.includes(train)) trainOps.push(train);
      return train;
    });
  }

  /** The slot variable `name` of `v` (e.g. "momentum"), or null. */
  getSlot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }
  getSlotNames(): string[] {
    return [...this.slots.keys()].sort();
  }

  protected zerosSlot(v: Variable, slotName: string): Variable {
    return this.slotWith(v, slotName, null);
  }
  protected slotWith(v: Variable, slotName: string, init: Initializer | null): Variable {
    let bySlot = this.slots.get(slotName);
    if (!bySlot) this.slots.set(slotName, (bySlot = new Map()));
    let slot = bySlot.get(v);
    if (!slot) bySlot.set(v, (slot = createSlot(v, this.name, init)));
    return slot;
  }

  /** Hyperparameters as tensors of the variable's dtype. */
  protected hyper(t: Tensor, v: Variable): Tensor {
    return cast(t, v.dtype);
  }

  protected createSlots(_vars: Variable[]): void {}
  protected abstract prepare(): void;
  protected abstract applyDense(grad: Tensor, v: Variable): Operation;
  protected finish(updates: Operation[], name: string): Operation {
    return group(updates, { name });
  }
}
