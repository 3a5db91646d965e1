// Cumsum and Cumprod (`tf.cumsum`, `tf.cumprod`): running sums and products along an axis,
// optionally exclusive (start from the identity) and reversed. Prod's gradient is built on them;
// their own gradients are in cumulativeGrad.ts.
import { optionalArgs } from "../../base/optionalArgs";
import { int32 } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError } from "../../base/errors";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "../array/constant";

function scanKernel(
  combine: (acc: number, v: number) => number,
  identity: number,
  exclusive: boolean,
  reverse: boolean,
) {
  return ([x, axisArr]: NDArray[]): NDArray[] => {
    const r = x.shape.length;
    let axis = (axisArr.data as Int32Array)[0];
    if (axis < -r || axis >= r)
      throw new InvalidArgumentError(
        `ScanOp: Expected scan axis in the range [${-r}, ${r}), but got ${axis}`,
      );
    if (axis < 0) axis += r;
    const n = x.shape[axis];
    const outer = shapeSize(x.shape.slice(0, axis));
    const inner = shapeSize(x.shape.slice(axis + 1));
    const out = NDArray.zeros(x.dtype, x.shape);
    const src = x.data as Float64Array;
    const dst = out.data as Float64Array;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        let acc = identity;
        for (let step = 0; step < n; step++) {
          const k = reverse ? n - 1 - step : step;
          const at = (o * n + k) * inner + i;
          if (exclusive) {
            dst[at] = acc;
            acc = combine(acc, src[at]);
          } else {
            acc = combine(acc, src[at]);
            dst[at] = acc;
          }
        }
      }
    }
    return [out];
  };
}

function defineScan(
  type: string,
  combine: (acc: number, v: number) => number,
  identity: number,
) {
  registerOp({
    type,
    outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
    kernel: (op) => scanKernel(combine, identity, op.attrBool("exclusive"), op.attrBool("reverse")),
  });
}

/** Options of {@link cumsum} and {@link cumprod}. */
export interface ScanOptions {
  /** Leave each element out of its own running total (the first output is the identity, 0 or 1). */
  exclusive?: boolean;
  /** Accumulate from the end of the axis toward its start. */
  reverse?: boolean;
  /** The op's name (default "Cumsum" / "Cumprod"). */
  name?: string;
}

/**
 * The call signature of {@link cumsum} and {@link cumprod} (TF's
 * `tf.cumsum(x, axis=0, exclusive=False, reverse=False, name=None)`): the options may stand in for any
 * omitted optional positional.
 */
export interface ScanFunction {
  /**
   * Along axis 0.
   * @param x - the tensor
   * @param options - `exclusive`, `reverse` and `name`
   */
  (x: unknown, options?: ScanOptions): Tensor;
  /**
   * Along `axis`.
   * @param x - the tensor
   * @param axis - the axis (an int or int32 scalar tensor; 0 when null/undefined)
   * @param options - `exclusive`, `reverse` and `name`
   */
  (x: unknown, axis: unknown, options?: ScanOptions): Tensor;
  /**
   * Along `axis`, exclusive or not.
   * @param x - the tensor
   * @param axis - the axis (0 when null/undefined)
   * @param exclusive - leave each element out of its own total
   * @param options - `reverse` and `name`
   */
  (x: unknown, axis: unknown, exclusive: boolean | null | undefined, options?: ScanOptions): Tensor;
  /**
   * Along `axis`, with every flag positional.
   * @param x - the tensor
   * @param axis - the axis (0 when null/undefined)
   * @param exclusive - leave each element out of its own total
   * @param reverse - accumulate from the end
   * @param options - `name`
   */
  (
    x: unknown,
    axis: unknown,
    exclusive: boolean | null | undefined,
    reverse: boolean | null | undefined,
    options?: ScanOptions,
  ): Tensor;
}

function scanFunction(type: string, publicName: string): ScanFunction {
  const spec = { fn: `tf.${publicName}`, names: ["axis", "exclusive", "reverse"] };
  return (x: unknown, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<ScanOptions>(spec, rest);
    return scan(type, x, values[0] ?? 0, {
      ...options,
      exclusive: (values[1] as boolean | undefined) ?? options.exclusive,
      reverse: (values[2] as boolean | undefined) ?? options.reverse,
    });
  };
}

function scan(type: string, x: unknown, axis: unknown, options: ScanOptions): Tensor {
  return inOpScope(options.name ?? type, [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "x" });
    const a = convertToTensor(axis, { name: "axis", dtype: int32 });
    return createOp(graph, type, opName, [t, a], {
      exclusive: attr.bool(options.exclusive ?? false),
      reverse: attr.bool(options.reverse ?? false),
      T: attr.type(t.dtype),
      Tidx: attr.type(int32),
    }).outputs[0];
  });
}

/**
 * The running sum of `x` along an axis (a `Cumsum` op).
 * Mirrors TF 1.x `tf.cumsum` (tensorflow/python/ops/math_ops.py, `cumsum`). See {@link ScanFunction}.
 * @throws {@link InvalidArgumentError} from `sess.run` when the axis is out of range
 * @example
 * ```ts
 * const c = tf.cumsum(tf.constant([1, 2, 3]));                      // [1, 3, 6]
 * const e = tf.cumsum(tf.constant([1, 2, 3]), 0, { exclusive: true }); // [0, 1, 3]
 * ```
 */
export const cumsum = scanFunction("Cumsum", "cumsum");
/**
 * The running product of `x` along an axis (a `Cumprod` op).
 * Mirrors TF 1.x `tf.cumprod` (tensorflow/python/ops/math_ops.py, `cumprod`). See {@link ScanFunction}.
 * @throws {@link InvalidArgumentError} from `sess.run` when the axis is out of range
 * @example
 * ```ts
 * const p = tf.cumprod(tf.constant([1, 2, 3]), { reverse: true }); // [6, 6, 3]
 * ```
 */
export const cumprod = scanFunction("Cumprod", "cumprod");

defineScan("Cumsum", (a, v) => a + v, 0);
defineScan("Cumprod", (a, v) => a * v, 1);
