import type { Operation } from "../graph/operation";
import { Tensor } from "../graph/tensor";
import { convertToTensor } from "../ops/array/constant";
import { controlDependencies, group } from "../ops/control/controlFlow";
import { onesInitializer } from "../ops/state/initializers";
import { Variable, createVariable } from "../ops/state/variable";
import { applyOp } from "../ops/training";
import { attr } from "../ops/attrs";
import { Optimizer } from "./optimizer";
import { optionalArgs } from "../base/optionalArgs";

/** A hyperparameter given as a number or as a scalar tensor (TF accepts both). */
export type Rate = number | Tensor;

/** Keyword arguments of the optimizers, as the book passes them (`learning_rate=0.01`). */
export interface GradientDescentOptions {
  /** Step size, a number or a scalar tensor (`learning_rate`). */
  learningRate: Rate;
  /** Lock the variables while updating them (`use_locking`). */
  useLocking?: boolean;
  /** Name scope of the update ops and prefix of the slots. */
  name?: string;
}

/**
 * The optimizer {@link GradientDescentOptimizer} returns: var -= learning_rate * grad, one
 * `ApplyGradientDescent` op per variable. Mirrors TF 1.x `tf.train.GradientDescentOptimizer`
 * (tensorflow/python/training/gradient_descent.py).
 * @example
 * ```ts
 * const opt: tf.train.GradientDescentOptimizerImpl = tf.train.GradientDescentOptimizer(0.01);
 * ```
 */
export class GradientDescentOptimizerImpl extends Optimizer {
  private lr!: Tensor;
  /** @param options - The hyperparameters (see {@link GradientDescentOptions}). */
  constructor(private readonly options: GradientDescentOptions) {
    super(options.name ?? "GradientDescent", options.useLocking);
  }
  protected prepare(): void {
    this.lr = convertToTensor(this.options.learningRate, { name: "learning_rate" });
  }
  protected applyDense(grad: Tensor, v: Variable): Operation {
    return applyOp("ApplyGradientDescent", [v], [this.hyper(this.lr, v)], grad, this.useLocking);
  }
}

/** Keyword arguments of `tf.train.MomentumOptimizer`. */
export interface MomentumOptions extends GradientDescentOptions {
  /** Decay of the accumulated velocity (`momentum`). */
  momentum: Rate;
  /** Use Nesterov momentum (`use_nesterov`). */
  useNesterov?: boolean;
}

/**
 * The optimizer {@link MomentumOptimizer} returns: one `ApplyMomentum` op per variable and a slot
 * `<var>/Momentum`. Mirrors TF 1.x `tf.train.MomentumOptimizer` (tensorflow/python/training/momentum.py).
 * @example
 * ```ts
 * const opt: tf.train.MomentumOptimizerImpl = tf.train.MomentumOptimizer(0.01, 0.9);
 * ```
 */
export class MomentumOptimizerImpl extends Optimizer {
  private lr!: Tensor;
  private momentum!: Tensor;
  /** @param options - The hyperparameters (see {@link MomentumOptions}). */
  constructor(private readonly options: MomentumOptions) {
    super(options.name ?? "Momentum", options.useLocking);
  }
  protected createSlots(vars: Variable[]): void {
    for (const v of vars) this.zerosSlot(v, "momentum");
  }
  protected prepare(): void {
    this.lr = convertToTensor(this.options.learningRate, { name: "learning_rate" });
    this.momentum = convertToTensor(this.options.momentum, { name: "momentum" });
  }
  protected applyDense(grad: Tensor, v: Variable): Operation {
    const accum = this.getSlot(v, "momentum") as Variable;
    return applyOp("ApplyMomentum", [v, accum], [this.hyper(this.lr, v), this.hyper(this.momentum, v)], grad, this.useLocking, {
      use_nesterov: attr.bool(this.options.useNesterov ?? false),
    });
  }
}

/** Keyword arguments of `tf.train.AdamOptimizer`, all optional. */
export interface AdamOptions {
  /** Step size, 0.001 by default. */
  learningRate?: Rate;
  /** Decay of the first-moment estimate, 0.9 by default. */
  beta1?: number;
  /** Decay of the second-moment estimate, 0.999 by default. */
  beta2?: number;
  /** Added to the denominator for stability, 1e-8 by default. */
  epsilon?: number;
  /** Lock the variables while updating them. */
  useLocking?: boolean;
  /** Name scope of the update ops and prefix of the slots (`Adam`). */
  name?: string;
}

/**
 * The optimizer {@link AdamOptimizer} returns: one `ApplyAdam` op per variable, slots `m` and `v`, and the
 * non-slot variables `beta1_power` and `beta2_power`. Mirrors TF 1.x `tf.train.AdamOptimizer`
 * (tensorflow/python/training/adam.py).
 * @example
 * ```ts
 * const opt: tf.train.AdamOptimizerImpl = tf.train.AdamOptimizer({ learningRate: 0.01 });
 * ```
 */
export class AdamOptimizerImpl extends Optimizer {
  private t: Record<"lr" | "beta1" | "beta2" | "epsilon", Tensor> = {} as never;
  private beta1Power: Variable | null = null;
  private beta2Power: Variable | null = null;
  /** @param options - The hyperparameters (see {@link AdamOptions}). */
  constructor(private readonly options: AdamOptions = {}) {
    super(options.name ?? "Adam", options.useLocking);
  }
  private get beta1() {
    return this.options.beta1 ?? 0.9;
  }
  private get beta2() {
    return this.options.beta2 ?? 0.999;
  }
  protected createSlots(vars: Variable[]): void {
    if (!this.beta1Power) {
      // TF keeps beta^t in two non-slot variables next to the first variable.
      this.beta1Power = createVariable(this.beta1, { name: "beta1_power", trainable: false, dtype: vars[0].dtype });
      this.beta2Power = createVariable(this.beta2, { name: "beta2_power", trainable: false, dtype: vars[0].dtype });
    }
    for (const v of vars) {
      this.zerosSlot(v, "m");
      this.zerosSlot(v, "v");
    }
  }
  protected prepare(): void {
    this.t = {
      lr: convertToTensor(this.options.learningRate ?? 0.001, { name: "learning_rate" }),
      beta1: convertToTensor(this.beta1, { name: "beta1" }),
      beta2: convertToTensor(this.beta2, { name: "beta2" }),
      epsilon: convertToTensor(this.options.epsilon ?? 1e-8, { name: "epsilon" }),
    };
  }
  protected applyDense(grad: Tensor, v: Variable): Operation {
    const m = this.getSlot(v, "m") as Variable;
    const s = this.getSlot(v, "v") as Variable;
    const h = (t: Tensor) => this.hyper(t, v);
    return applyOp(
      "ApplyAdam",
      [v, m, s],
      [h(this.beta1Power as Tensor), h(this.beta2Power as Tensor), h(this.t.lr), h(this.t.beta1), h(this.t.beta2), h(this.t.epsilon)],
      grad,
      this.useLocking,
      { use_nesterov: attr.bool(false) },
    );
  }
  protected finish(updates: Operation[], name: string): Operation {
    const b1 = this.beta1Power as Variable;
    const b2 = this.beta2Power as Variable;
    const powers = controlDependencies(updates, () => [
      b1.assign(b1.mul(this.t.beta1), { useLocking: this.useLocking }).op,
      b2.assign(b2.mul(this.t.beta2), { useLocking: this.useLocking }).op,
    ]);
    return group([...updates, ...powers], { name });
  }
}

/** Keyword arguments of `tf.train.RMSPropOptimizer`. */
export interface RMSPropOptions {
  /** Step size (`learning_rate`). */
  learningRate: Rate;
  /** Discount of the running mean of squared gradients, 0.9 by default. */
  decay?: number;
  /** Momentum, 0 by default. */
  momentum?: number;
  /** Added to the denominator for stability, 1e-10 by default. */
  epsilon?: number;
  /** Lock the variables while updating them. */
  useLocking?: boolean;
  /** Name scope of the update ops and prefix of the slots (`RMSProp`). */
  name?: string;
}

/**
 * The optimizer {@link RMSPropOptimizer} returns: one `ApplyRMSProp` op per variable, slots `rms` (ones) and
 * `momentum`. Mirrors TF 1.x `tf.train.RMSPropOptimizer` (tensorflow/python/training/rmsprop.py).
 * @example
 * ```ts
 * const opt: tf.train.RMSPropOptimizerImpl = tf.train.RMSPropOptimizer(0.01, { decay: 0.9 });
 * ```
 */
export class RMSPropOptimizerImpl extends Optimizer {
  private t: Record<"lr" | "decay" | "momentum" | "epsilon", Tensor> = {} as never;
  /** @param options - The hyperparameters (see {@link RMSPropOptions}). */
  constructor(private readonly options: RMSPropOptions) {
    super(options.name ?? "RMSProp", options.useLocking);
  }
  protected createSlots(vars: Variable[]): void {
    for (const v of vars) {
      this.slotWith(v, "rms", onesInitializer());
      this.zerosSlot(v, "momentum");
    }
  }
  protected prepare(): void {
    this.t = {
      lr: convertToTensor(this.options.learningRate, { name: "learning_rate" }),
      decay: convertToTensor(this.options.decay ?? 0.9, { name: "decay" }),
      momentum: convertToTensor(this.options.momentum ?? 0.0, { name: "momentum" }),
      epsilon: convertToTensor(this.options.epsilon ?? 1e-10, { name: "epsilon" }),
    };
  }
  protected applyDense(grad: Tensor, v: Variable): Operation {
    const h = (t: Tensor) => this.hyper(t, v);
    return applyOp(
      "ApplyRMSProp",
      [v, this.getSlot(v, "rms") as Variable, this.getSlot(v, "momentum") as Variable],
      [h(this.t.lr), h(this.t.decay), h(this.t.momentum), h(this.t.epsilon)],
      grad,
      this.useLocking,
    );
  }
}

/**
 * A factory called without `new`, as in Python: the hyperparameters positionally in TF's order,
 * in the options, or both (`GradientDescentOptimizer(0.01)`, `GradientDescentOptimizer({ learningRate: 0.01 })`).
 */
function factory<O extends object, R>(
  fn: string,
  names: readonly (keyof O & string)[],
  required: readonly (keyof O & string)[],
  make: (o: O) => R,
) {
  const spec = { fn: `tf.train.${fn}`, names };
  return (...args: unknown[]): R => {
    const { values, options } = optionalArgs<O>(spec, args);
    const merged: Record<string, unknown> = { ...(options as Record<string, unknown>) };
    names.forEach((n, i) => {
      if (values[i] !== undefined) merged[n] = values[i];
    });
    const missing = required.filter((n) => merged[n] === undefined || merged[n] === null);
    if (missing.length > 0) {
      throw new TypeError(
        `${spec.fn}() missing ${missing.length} required argument${missing.length === 1 ? "" : "s"}: ${missing.map((n) => `'${n}'`).join(", ")}`,
      );
    }
    return make(merged as O);
  };
}

/**
 * Creates a gradient descent optimizer, called without `new`: var -= learning_rate * grad.
 * Mirrors TF 1.x `tf.train.GradientDescentOptimizer(learning_rate, use_locking=False,
 * name="GradientDescent")`
 * (tensorflow/python/training/gradient_descent.py, `GradientDescentOptimizer.__init__`).
 * @param learningRate - Step size, a number or a scalar tensor (or pass everything in the options).
 * @param options.learningRate - Same as the positional argument.
 * @param options.useLocking - Lock the variables while updating them.
 * @param options.name - Name scope of the update ops (`GradientDescent`).
 * @returns A {@link GradientDescentOptimizerImpl}.
 * @throws TypeError when the learning rate is missing or an options object is misplaced.
 * @example
 * ```ts
 * const theta = tf.Variable(tf.zeros([9, 1]), { name: "theta" });
 * const mse = tf.reduceMean(tf.square(theta), { name: "mse" });
 * const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: 0.01 }).minimize(mse);
 * ```
 */
export const GradientDescentOptimizer: {
  (options: GradientDescentOptions): GradientDescentOptimizerImpl;
  (learningRate: Rate, options?: Partial<GradientDescentOptions>): GradientDescentOptimizerImpl;
} = factory<GradientDescentOptions, GradientDescentOptimizerImpl>("GradientDescentOptimizer", ["learningRate"], ["learningRate"], (o) => new GradientDescentOptimizerImpl(o));

/**
 * Creates a momentum optimizer, called without `new`.
 * Mirrors TF 1.x `tf.train.MomentumOptimizer(learning_rate, momentum, use_locking=False, name="Momentum",
 * use_nesterov=False)` (tensorflow/python/training/momentum.py, `MomentumOptimizer.__init__`).
 * @param learningRate - Step size, a number or a scalar tensor.
 * @param momentum - Decay of the velocity.
 * @param options.useLocking - Lock the variables while updating them.
 * @param options.name - Name scope of the update ops (`Momentum`).
 * @param options.useNesterov - Use Nesterov momentum.
 * @returns A {@link MomentumOptimizerImpl}.
 * @throws TypeError when the learning rate or the momentum is missing.
 * @example
 * ```ts
 * const opt = tf.train.MomentumOptimizer(0.01, 0.9, { useNesterov: true });
 * ```
 */
export const MomentumOptimizer: {
  (options: MomentumOptions): MomentumOptimizerImpl;
  (learningRate: Rate, options: Partial<MomentumOptions> & { momentum: Rate }): MomentumOptimizerImpl;
  (learningRate: Rate, momentum: Rate, options?: Partial<MomentumOptions>): MomentumOptimizerImpl;
} = factory<MomentumOptions, MomentumOptimizerImpl>("MomentumOptimizer", ["learningRate", "momentum"], ["learningRate", "momentum"], (o) => new MomentumOptimizerImpl(o));

/**
 * Creates an Adam optimizer, called without `new`; every hyperparameter has TF's default.
 * Mirrors TF 1.x `tf.train.AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08)`
 * (tensorflow/python/training/adam.py, `AdamOptimizer.__init__`).
 * @param learningRate - Step size (0.001).
 * @param beta1 - First-moment decay (0.9).
 * @param beta2 - Second-moment decay (0.999).
 * @param epsilon - Stability term (1e-8).
 * @param options - The same names, plus `useLocking` and `name` (`Adam`).
 * @returns An {@link AdamOptimizerImpl}.
 * @throws TypeError when an options object is misplaced.
 * @example
 * ```ts
 * const opt = tf.train.AdamOptimizer({ learningRate: 0.01 });
 * ```
 */
export const AdamOptimizer: {
  (options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Rate | null | undefined, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Rate | null | undefined, beta1: number | null | undefined, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Rate | null | undefined, beta1: number | null | undefined, beta2: number | null | undefined, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Rate | null | undefined, beta1: number | null | undefined, beta2: number | null | undefined, epsilon: number | null | undefined, options?: AdamOptions): AdamOptimizerImpl;
} = factory<AdamOptions, AdamOptimizerImpl>("AdamOptimizer", ["learningRate", "beta1", "beta2", "epsilon"], [], (o) => new AdamOptimizerImpl(o));

/**
 * Creates an RMSProp optimizer, called without `new`.
 * Mirrors TF 1.x `tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10)`
 * (tensorflow/python/training/rmsprop.py, `RMSPropOptimizer.__init__`).
 * @param learningRate - Step size, required.
 * @param decay - Discount of the running mean of squared gradients (0.9).
 * @param momentum - Momentum (0).
 * @param epsilon - Stability term (1e-10).
 * @param options - The same names, plus `useLocking` and `name` (`RMSProp`).
 * @returns An {@link RMSPropOptimizerImpl}.
 * @throws TypeError when the learning rate is missing.
 * @example
 * ```ts
 * const opt = tf.train.RMSPropOptimizer(0.001, { momentum: 0.9 });
 * ```
 */
export const RMSPropOptimizer: {
  (options: RMSPropOptions): RMSPropOptimizerImpl;
  (learningRate: Rate, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: number | null | undefined, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: number | null | undefined, momentum: number | null | undefined, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: number | null | undefined, momentum: number | null | undefined, epsilon: number | null | undefined, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
} = factory<RMSPropOptions, RMSPropOptimizerImpl>("RMSPropOptimizer", ["learningRate", "decay", "momentum", "epsilon"], ["learningRate"], (o) => new RMSPropOptimizerImpl(o));
