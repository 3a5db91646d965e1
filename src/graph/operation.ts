import type { DType } from "../base/dtypes";
import type { GraphImpl } from "./graph";
import type { AttrValueLike } from "../base/graphdef";
import type { StaticShape } from "../base/shape";
import { Tensor } from "./tensor";
import { EvalOptions, FeedDict, SessionLike, evalArgs, runWithDefaultSession } from "./defaultSession";

export type Attrs = Record<string, AttrValueLike>;

export interface OutputSpec {
  dtype: DType;
  shape: StaticShape;
  /** Variables output a reference (`float32_ref`). */
  isRef?: boolean;
}

/** A node of the graph. Created only through `createOp` (src/ops/createOp.ts). */
export class Operation {
  readonly id: number;
  readonly outputs: Tensor[];

  constructor(
    readonly graph: GraphImpl,
    readonly name: string,
    readonly type: string,
    readonly inputs: Tensor[],
    readonly controlInputs: Operation[],
    readonly attrs: Attrs,
    outputSpecs: OutputSpec[],
  ) {
    this.id = graph.nextId();
    this.outputs = outputSpecs.map((s, i) => new Tensor(this, i, s.dtype, s.shape, s.isRef ?? false));
  }

  /** Python's `op.run(feed_dict=None, session=None)`: TF returns None. */
  run(options?: EvalOptions): void;
  run(feedDict: FeedDict | null | undefined, options?: EvalOptions): void;
  run(feedDict: FeedDict | null | undefined, session: SessionLike | null | undefined): void;
  run(...args: unknown[]): void {
    const { feedDict, session } = evalArgs("Operation.run", args);
    runWithDefaultSession("run", this, feedDict, session);
  }

  attr(name: string): AttrValueLike {
    const a = this.attrs[name];
    if (!a) throw new Error(`Operation '${this.name}' has no attr named '${name}'.`);
    return a;
  }
  attrNumber(name: string): number {
    const a = this.attr(name);
    return a.kind === "i" || a.kind === "f" ? a.value : NaN;
  }
  attrBool(name: string): boolean {
    const a = this.attrs[name];
    return a?.kind === "b" ? a.value : false;
  }
  attrType(name: string): DType {
    const a = this.attr(name);
    if (a.kind !== "type") throw new Error(`attr '${name}' of '${this.name}' is not a type`);
    return a.value;
  }

  /** The ops reading this op's outputs. */
  consumers(): Operation[] {
    return this.graph.operations.filter((o) => o.inputs.some((t) => t.op === this));
  }

  get nodeDefInputs(): string[] {
    return [...this.inputs.map((t) => (t.valueIndex === 0 ? t.op.name : t.name)), ...this.controlInputs.map((o) => `^${o.name}`)];
  }

  toString(): string {
    return `<tf.Operation '${this.name}' type=${this.type}>`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
