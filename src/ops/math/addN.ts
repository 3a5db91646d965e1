import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { outputFor } from "../../base/kernels/elementwise";
import { identity } from "../control/controlFlow";

registerOp({
  type: "AddN",
  outputs: (inputs) => [{ dtype: inputs[0].dtype, shape: inputs.find((t) => t.shape)?.shape ?? null }],
  kernel: (_op, options) => {
    // Sums in float64, stored once; with a reusable output, both buffers are kept between runs.
    const reuse = options?.reuseOutputs === true;
    const holder: { out: NDArray | null } = { out: null };
    let acc = new Float64Array(0);
    const outs: NDArray[] = [];
    return (inputs) => {
      const first = inputs[0];
      if (!reuse || acc.length !== first.size) acc = new Float64Array(first.size);
      else acc.fill(0);
      for (const x of inputs) {
        if (x.size !== first.size) {
          throw new InvalidArgumentError(`Inputs to operation AddN must have the same size and shape.  Input 0: [${first.shape}] != input: [${x.shape}]`);
        }
        const d = x.data as Float32Array;
        for (let i = 0; i < acc.length; i++) acc[i] += d[i];
      }
      const out = outputFor(holder, reuse, first.dtype, first.shape);
      (out.data as Float32Array).set(acc);
      outs[0] = out;
      return outs;
    };
  },
  gradient: (op, [g]) => op.inputs.map(() => g),
});

/**
 * The elementwise sum of a list of tensors of one shape and dtype (an `AddN` op); one input is returned as
 * is (or through an `Identity` when named).
 * Mirrors TF 1.x `tf.add_n` (tensorflow/python/ops/math_ops.py, `add_n`).
 * @param inputs - the tensors to add
 * @param options.name - the op's name (default "AddN")
 * @returns the sum
 * @throws {@link ValueError} when `inputs` is empty
 * @throws {@link InvalidArgumentError} from `sess.run` when the sizes differ
 * @example
 * ```ts
 * const total = tf.addN([tf.constant([1, 2]), tf.constant([3, 4]), tf.constant([5, 6])]); // [9, 12]
 * ```
 */
export function addN(inputs: unknown[], options: { name?: string } = {}): Tensor {
  if (!inputs.length) throw new ValueError("inputs must be a list of at least one Tensor with the same dtype and shape");
  if (inputs.length === 1) {
    const t = convertToTensor(inputs[0]);
    return options.name ? identity(t, { name: options.name }) : t;
  }
  return inOpScope(options.name ?? "AddN", inputs, (opName, graph) => {
    const ts = inputs.map((v) => convertToTensor(v, { name: "inputs" }));
    return createOp(graph, "AddN", opName, ts, { N: attr.int(ts.length), T: attr.type(ts[0].dtype) }).outputs[0];
  });
}
