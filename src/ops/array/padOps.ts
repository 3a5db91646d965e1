// Pad (`tf.pad`, CONSTANT mode with zeros): the op Slice's gradient is made of, and whose own
// gradient is a Slice, as in TF.
import { optionalArgs } from "../../base/optionalArgs";
import { int32 } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { constantNumbers } from "../constantValue";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "./constant";
import { rank, reshape, shape, sliceOp } from "./shapeOps";
import { stack } from "./packOps";

registerOp({
  type: "Pad",
  outputs: ([x, p]) => {
    const rankFromPaddings = p.shape?.[0] ?? null;
    const r = x.shape?.length ?? rankFromPaddings;
    if (p.shape !== null && p.shape.length !== 2)
      throw new ValueError(`Shape must be rank 2 but is rank ${p.shape.length}`);
    if (p.shape !== null && p.shape[1] !== null && p.shape[1] !== 2) {
      throw new ValueError(`Dimension 1 in both shapes must be equal, but are ${p.shape[1]} and 2`);
    }
    if (x.shape !== null && rankFromPaddings !== null && x.shape.length !== rankFromPaddings) {
      throw new ValueError(`Dimensions must be equal, but are ${x.shape.length} and ${rankFromPaddings}`);
    }
    if (r === null) return [{ dtype: x.dtype, shape: null }];
    const pads = constantNumbers(p);
    for (let i = 0; pads !== null && i < pads.length; i += 2) {
      if (pads[i] < 0 || pads[i + 1] < 0)
        throw new ValueError(`Paddings must be non-negative: ${pads[i]} ${pads[i + 1]}`);
    }
    const shape = Array.from({ length: r }, (_, i) => {
      const d = x.shape?.[i] ?? null;
      return d === null || pads === null ? null : d + pads[2 * i] + pads[2 * i + 1];
    });
    return [{ dtype: x.dtype, shape }];
  },
  kernel:
    () =>
    ([x, p]) => {
      const pads = Array.from(p.data as Int32Array);
      const r = x.shape.length;
      if (p.shape.length !== 2 || p.shape[0] !== r || p.shape[1] !== 2) {
        throw new InvalidArgumentError(
          `The first dimension of paddings must be the rank of inputs[${r},2] [${x.shape.join(",")}]`,
        );
      }
      if (pads.some((v) => v < 0))
        throw new InvalidArgumentError(`Paddings must be non-negative: ${pads.join(" ")}`);
      const outShape = x.shape.map((d, i) => d + pads[2 * i] + pads[2 * i + 1]);
      const out = NDArray.zeros(x.dtype, outShape);
      const outStrides = outShape.map((_, i) => shapeSize(outShape.slice(i + 1)));
      const idx = new Array(r).fill(0);
      const src = x.data as unknown[];
      const dst = out.data as unknown[];
      for (let i = 0; i < x.size; i++) {
        let off = 0;
        for (let d = 0; d < r; d++) off += (idx[d] + pads[2 * d]) * outStrides[d];
        dst[off] = src[i];
        for (let d = r - 1; d >= 0; d--) {
          if (++idx[d] < x.shape[d]) break;
          idx[d] = 0;
        }
      }
      return [out];
    },
  // The input's part of the gradient: a slice starting at the "before" paddings.
  gradient: (op, [g]) => {
    if (!g) return [null, null];
    const [x, paddings] = op.inputs;
    const padBefore = sliceOp(paddings, [0, 0], stack([rank(x), 1]));
    return [sliceOp(g, reshape(padBefore, [-1]), shape(x)), null];
  },
});

/**
 * Adds zeros around `tensor`: `paddings[d] = [before, after]` zeros in dimension d. Only the "CONSTANT"
 * mode is supported.
 * Mirrors TF 1.x `tf.pad` (tensorflow/python/ops/array_ops.py, `pad`).
 * @param tensor - the tensor to pad
 * @param paddings - an int `[rank, 2]` array or int32 tensor
 * @param options.mode - "CONSTANT" (case-insensitive), the default
 * @param options.name - the op's name (default "Pad")
 * @returns the padded tensor
 * @throws {@link ValueError} for another mode, or paddings of the wrong shape or negative
 * @throws {@link InvalidArgumentError} from `sess.run` when fed paddings are invalid
 * @example
 * ```ts
 * const p = tf.pad(tf.constant([[1, 2]]), [[1, 1], [0, 0]]); // [[0, 0], [1, 2], [0, 0]]
 * ```
 */
export function pad(tensor: unknown, paddings: unknown, options?: { mode?: string; name?: string }): Tensor;
/**
 * `tf.pad(tensor, paddings, mode)`.
 * @param tensor - the tensor to pad
 * @param paddings - an int `[rank, 2]` array or int32 tensor
 * @param mode - "CONSTANT" (the default when null/undefined)
 * @param options.name - the op's name (default "Pad")
 */
export function pad(
  tensor: unknown,
  paddings: unknown,
  mode: string | null | undefined,
  options?: { name?: string },
): Tensor;
export function pad(tensor: unknown, paddings: unknown, ...rest: unknown[]): Tensor {
  const parsed = optionalArgs<{ mode?: string; name?: string }>({ fn: "tf.pad", names: ["mode"] }, rest);
  const options = {
    ...parsed.options,
    mode: (parsed.values[0] as string | undefined) ?? parsed.options.mode,
  };
  const mode = (options.mode ?? "CONSTANT").toUpperCase();
  if (mode !== "CONSTANT") throw new ValueError(`Unknown padding mode: ${options.mode}`);
  return inOpScope(options.name ?? "Pad", [tensor, paddings], (opName, graph) => {
    const t = convertToTensor(tensor, { name: "input" });
    const p = convertToTensor(paddings, { name: "paddings", dtype: int32 });
    return createOp(graph, "Pad", opName, [t, p], { T: attr.type(t.dtype), Tpaddings: attr.type(int32) })
      .outputs[0];
  });
}
