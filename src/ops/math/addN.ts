import { allocStorage } from "../../graph/dtypes";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../errors";
import { NDArray } from "../../runtime/ndarray";
import { convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { identity } from "../control/controlFlow";

registerOp({
  type: "AddN",
  outputs: (inputs) => [{ dtype: inputs[0].dtype, shape: inputs.find((t) => t.shape)?.shape ?? null }],
  kernel: () => (inputs) => {
    const first = inputs[0];
    const acc = new Float64Array(first.size);
    for (const x of inputs) {
      if (x.size !== first.size) {
        throw new InvalidArgumentError(`Inputs to operation AddN must have the same size and shape.  Input 0: [${first.shape}] != input: [${x.shape}]`);
      }
      const d = x.data as Float32Array;
      for (let i = 0; i < acc.length; i++) acc[i] += d[i];
    }
    const out = allocStorage(first.dtype, first.size) as Float32Array;
    out.set(acc);
    return [new NDArray(first.dtype, [...first.shape], out)];
  },
  gradient: (op, [g]) => op.inputs.map(() => g),
});

/** `tf.add_n(inputs)`: one input is returned as is (or through an Identity when named). */
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
