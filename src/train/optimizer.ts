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

/**
 * One (gradient, variable) pair, as `computeGradients` returns them and `applyGradients` takes them; the
 * gradient is null when the loss does not depend on the variable. Mirrors the Python tuples of TF 1.x
 * `Optimizer.compute_gradients` (tensorflow/python/training/optimizer.py).
 */
export type GradAndVar = [Tensor | null, Variable];

/**
 * `Optimizer.GATE_NONE` (tensorflow/python/training/optimizer.py): gradients are not gated, so an update may
 * start as soon as its own gradient is ready.
 */
export const GATE_NONE = 0;
/**
 * `Optimizer.GATE_OP`, the default: each op's input gradients are tied together with `tf.tuple`, so none of
 * them is used before all of them are computed.
 */
export const GATE_OP = 1;
/** `Optimizer.GATE_GRAPH`: every gradient is computed before any variable is updated. */
export const GATE_GRAPH = 2;

/**
 * Keyword arguments of `Optimizer.minimize` (TF 1.x `minimize(loss, global_step=None, var_list=None,
 * ...)`).
 */
export interface MinimizeOptions {
  /** A variable incremented by one after the updates (see `tf.train.getOrCreateGlobalStep`). */
  globalStep?: Variable;
  /** The variables to update; all trainable variables by default. */
  varList?: Variable[];
  /** {@link GATE_NONE}, {@link GATE_OP} (default) or {@link GATE_GRAPH}. */
  gateGradients?: number;
  /** Name scope of the update ops; the optimizer's name by default. */
  name?: string;
}

/**
 * Base class of the optimizers: `minimize` = `computeGradients` + `applyGradients`; subclasses create slots,
 * prepare their hyperparameter tensors, and build one Apply* op per variable.
 * Mirrors TF 1.x `tf.train.Optimizer` (tensorflow/python/training/optimizer.py, class `Optimizer`).
 * @example
 * ```ts
 * const w = tf.Variable(3.0, { name: "w" });
 * const opt: tf.train.Optimizer = tf.train.GradientDescentOptimizer(0.1);
 * const trainOp = opt.minimize(tf.square(w));
 * ```
 */
export abstract class Optimizer {
  private readonly slots = new Map<string, Map<Variable, Variable>>();

  /**
   * @param name - Name scope of the update ops and prefix of the slot variables (`GradientDescent`, ...).
   * @param useLocking - Passed to every Apply* op as `use_locking`.
   */
  constructor(
    /** Name scope of the update ops and prefix of the slot variables. */
    readonly name: string,
    /** Whether the Apply* ops lock their variables while updating them. */
    readonly useLocking = false,
  ) {}

  /**
   * Adds the ops that compute the gradients of `loss` and apply them; running the result is one step.
   * Mirrors `Optimizer.minimize` (tensorflow/python/training/optimizer.py).
   * @param loss - The scalar tensor to minimize.
   * @param options.globalStep - Incremented by one after the updates.
   * @param options.varList - The variables to update; all trainable variables by default.
   * @param options.gateGradients - {@link GATE_NONE}, {@link GATE_OP} (default) or {@link GATE_GRAPH}.
   * @param options.name - Name scope of the update ops.
   * @returns The training op, also added to the `train_op` collection.
   * @throws {@link ValueError} when there are no variables to optimize, or none of them gets a gradient.
   * @example
   * ```ts
   * const theta = tf.Variable(tf.randomUniform([2, 1], -1, 1), { name: "theta" });
   * const mse = tf.reduceMean(tf.square(tf.matmul(tf.constant([[1, 2]]), theta)), { name: "mse" });
   * const trainingOp = tf.train.GradientDescentOptimizer(0.01).minimize(mse);
   * ```
   */
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

  /**
   * The gradients of `loss` with respect to each variable, built under `gradients/`.
   * Mirrors `Optimizer.compute_gradients` (tensorflow/python/training/optimizer.py).
   * @param loss - The scalar tensor to differentiate.
   * @param options.varList - The variables; all trainable variables by default.
   * @param options.gateGradients - {@link GATE_NONE}, {@link GATE_OP} (default) or {@link GATE_GRAPH}.
   * @returns One (gradient or null, variable) pair per variable, in order.
   * @throws {@link ValueError} when there are no variables.
   * @example
   * ```ts
   * const w = tf.Variable(2.0);
   * const pairs = tf.train.GradientDescentOptimizer(0.1).computeGradients(tf.square(w));
   * ```
   */
  computeGradients(loss: Tensor, options: { varList?: Variable[]; gateGradients?: number } = {}): GradAndVar[] {
    const varList = options.varList ?? trainableVariables();
    if (!varList.length) throw new ValueError("No variables to optimize.");
    const gate = options.gateGradients ?? GATE_OP;
    let grads = gradients(loss, varList, null, { gateGradients: gate === GATE_OP });
    if (gate === GATE_GRAPH) grads = tuple(grads);
    return grads.map((g, i) => [g, varList[i]]);
  }

  /**
   * Adds one update op per variable with a gradient (creating the slots first) and groups them.
   * Mirrors `Optimizer.apply_gradients` (tensorflow/python/training/optimizer.py).
   * @param gradsAndVars - Pairs from {@link Optimizer.computeGradients}, possibly transformed (clipped...).
   * @param options.globalStep - Incremented by one after the updates.
   * @param options.name - Name scope of the update ops; the optimizer's name by default.
   * @returns The training op, also added to the `train_op` collection.
   * @throws {@link ValueError} when the list is empty or no pair has a gradient.
   * @example
   * ```ts
   * const w = tf.Variable(2.0);
   * const opt = tf.train.GradientDescentOptimizer(0.1);
   * const step = opt.applyGradients(opt.computeGradients(tf.square(w)));
   * ```
   */
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

  /**
   * The slot variable `name` of `v` (e.g. "momentum"), or null. Mirrors `Optimizer.get_slot`.
   * @param v - A variable this optimizer updates.
   * @param name - One of {@link Optimizer.getSlotNames}.
   * @returns The slot, or null when `v` has no such slot.
   * @example
   * ```ts
   * const w = tf.Variable(1.0, { name: "w" });
   * const opt = tf.train.MomentumOptimizer(0.1, 0.9);
   * opt.minimize(tf.square(w));
   * const velocity = opt.getSlot(w, "momentum"); // the variable w/Momentum
   * ```
   */
  getSlot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }
  /**
   * The names of the slots created so far, sorted (`["m", "v"]` for Adam). Mirrors
   * `Optimizer.get_slot_names`.
   * @returns The slot names.
   * @example
   * ```ts
   * const names = tf.train.AdamOptimizer().getSlotNames(); // [] until minimize has run
   * ```
   */
  getSlotNames(): string[] {
    return [...this.slots.keys()].sort();
  }

  /** A slot of `v` initialised with zeros (TF's `Optimizer._zeros_slot`), created once. */
  protected zerosSlot(v: Variable, slotName: string): Variable {
    return this.slotWith(v, slotName, null);
  }
  /**
   * A slot of `v` initialised by `init` (zeros when null), created once (TF's `slot_creator.create_slot`).
   */
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

  /** Creates the slots the subclass needs for `vars` (TF's `Optimizer._create_slots`); none by default. */
  protected createSlots(_vars: Variable[]): void {}
  /** Converts the hyperparameters to tensors inside the update scope (TF's `Optimizer._prepare`). */
  protected abstract prepare(): void;
  /** The op that updates `v` with `grad` (TF's `Optimizer._apply_dense`). */
  protected abstract applyDense(grad: Tensor, v: Variable): Operation;
  /** Groups the update ops into the training op named `name` (TF's `Optimizer._finish`). */
  protected finish(updates: Operation[], name: string): Operation {
    return group(updates, { name });
  }
}
