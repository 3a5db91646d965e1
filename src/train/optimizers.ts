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

type Rate = number | Tensor;

/** Keyword arguments of the optimizers, as the book passes them (`learning_rate=0.01`). */
export interface GradientDescentOptions {
  learningRate: Rate;
  useLocking?: boolean;
  name?: string;
}

/** `tf.train.GradientDescentOptimizer(learning_rate)`: var -= learning_rate * grad. */
export class GradientDescentOptimizerImpl extends Optimizer {
  private lr!: Tensor;
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

export interface MomentumOptions extends GradientDescentOptions {
  momentum: Rate;
  useNesterov?: boolean;
}

/** `tf.train.MomentumOptimizer(learning_rate, momentum)`: slot `<var>/Momentum`. */
export class MomentumOptimizerImpl extends Optimizer {
  private lr!: Tensor;
  private momentum!: Tensor;
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

export interface AdamOptions {
  learningRate?: Rate;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  useLocking?: boolean;
  name?: string;
}

/** `tf.train.AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08)`: slots `m`, `v`. */
export class AdamOptimizerImpl extends Optimizer {
  private t: Record<"lr" | "beta1" | "beta2" | "epsilon", Tensor> = {} as never;
  private beta1Power: Variable | null = null;
  private beta2Power: Variable | null = null;
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

export interface RMSPropOptions {
  learningRate: Rate;
  decay?: number;
  momentum?: number;
  epsilon?: number;
  useLocking?: boolean;
  name?: string;
}

/** `tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10)`: slots `rms` (ones), `momentum`. */
export class RMSPropOptimizerImpl extends Optimizer {
  private t: Record<"lr" | "decay" | "momentum" | "epsilon", Tensor> = {} as never;
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

type Maybe<T> = T | null | undefined;

/** `tf.train.GradientDescentOptimizer(learning_rate, use_locking=False, name="GradientDescent")`. */
export const GradientDescentOptimizer: {
  (options: GradientDescentOptions): GradientDescentOptimizerImpl;
  (learningRate: Rate, options?: Partial<GradientDescentOptions>): GradientDescentOptimizerImpl;
} = factory<GradientDescentOptions, GradientDescentOptimizerImpl>("GradientDescentOptimizer", ["learningRate"], ["learningRate"], (o) => new GradientDescentOptimizerImpl(o));

/** `tf.train.MomentumOptimizer(learning_rate, momentum, use_locking=False, name="Momentum", use_nesterov=False)`. */
export const MomentumOptimizer: {
  (options: MomentumOptions): MomentumOptimizerImpl;
  (learningRate: Rate, options: Partial<MomentumOptions> & { momentum: Rate }): MomentumOptimizerImpl;
  (learningRate: Rate, momentum: Rate, options?: Partial<MomentumOptions>): MomentumOptimizerImpl;
} = factory<MomentumOptions, MomentumOptimizerImpl>("MomentumOptimizer", ["learningRate", "momentum"], ["learningRate", "momentum"], (o) => new MomentumOptimizerImpl(o));

/** `tf.train.AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08)`. */
export const AdamOptimizer: {
  (options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Maybe<Rate>, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Maybe<Rate>, beta1: Maybe<number>, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Maybe<Rate>, beta1: Maybe<number>, beta2: Maybe<number>, options?: AdamOptions): AdamOptimizerImpl;
  (learningRate: Maybe<Rate>, beta1: Maybe<number>, beta2: Maybe<number>, epsilon: Maybe<number>, options?: AdamOptions): AdamOptimizerImpl;
} = factory<AdamOptions, AdamOptimizerImpl>("AdamOptimizer", ["learningRate", "beta1", "beta2", "epsilon"], [], (o) => new AdamOptimizerImpl(o));

/** `tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10)`. */
export const RMSPropOptimizer: {
  (options: RMSPropOptions): RMSPropOptimizerImpl;
  (learningRate: Rate, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: Maybe<number>, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: Maybe<number>, momentum: Maybe<number>, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
  (learningRate: Rate, decay: Maybe<number>, momentum: Maybe<number>, epsilon: Maybe<number>, options?: Partial<RMSPropOptions>): RMSPropOptimizerImpl;
} = factory<RMSPropOptions, RMSPropOptimizerImpl>("RMSPropOptimizer", ["learningRate", "decay", "momentum", "epsilon"], ["learningRate"], (o) => new RMSPropOptimizerImpl(o));
