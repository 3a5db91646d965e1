import type { DType } from "./dtypes";
import type { Operation } from "./operation";
import { StaticShape, shapeToPython } from "./shape";
import { FeedDict, runWithDefaultSession } from "../runtime/defaultSession";
import type { NDArray } from "../runtime/ndarray";

/**
 * A symbolic output of an operation: no value until a session runs it.
 * Arithmetic methods (`add`, `mul`, `matmul`, ...) are attached in src/ops/methods.ts.
 */
export class Tensor {
  constructor(
    readonly op: Operation,
    readonly valueIndex: number,
    readonly dtype: DType,
    /** Static shape, possibly with unknown dims (null). */
    readonly shape: StaticShape,
    /** True for a variable's own output (`x:0` of dtype `float32_ref`). */
    readonly isRef = false,
  ) {}

  get name(): string {
    return `${this.op.name}:${this.valueIndex}`;
  }
  get graph() {
    return this.op.graph;
  }
  /** Python's `get_shape()`; the same static shape as `shape`. */
  getShape(): StaticShape {
    return this.shape;
  }

  /** Python's `t.eval(feed_dict=None, session=None)`. */
  eval(feedDict?: FeedDict, session?: unknown): NDArray {
    return runWithDefaultSession("eval", this, feedDict, session);
  }

  /** The ops that read this tensor. */
  consumers(): Operation[] {
    return this.graph.operations.filter((o) => o.inputs.includes(this));
  }

  protected get dtypeLabel(): string {
    return this.isRef ? this.dtype.refName : this.dtype.name;
  }

  /** Python's `str(t)`: `Tensor("add_1:0", shape=(), dtype=float32)`. */
  toString(): string {
    const shape = this.shape === null ? "" : `, shape=${shapeToPython(this.shape)}`;
    return `Tensor("${this.name}"${shape}, dtype=${this.dtypeLabel})`;
  }
  /** Python's `repr(t)`: `<tf.Tensor 'add_1:0' shape=() dtype=float32>`. */
  repr(): string {
    return `<tf.Tensor '${this.name}' shape=${shapeToPython(this.shape)} dtype=${this.dtypeLabel}>`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
