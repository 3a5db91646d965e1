// Gradients of the shape ops (TF 1.12 array_grad.py), registered after the forward ops of
// shapeOps.ts: they need reductions, arithmetic and Pad, which the forward ops must not import.
import { int32 } from "../../base/dtypes";
import { isFullyDefined } from "../../base/shape";
import { ValueError } from "../../base/errors";
import { Tensor } from "../../graph/tensor";
import { attr } from "../attrs";
import { constantNumbers } from "../constantValue";
import { createOp, inOpScope } from "../createOp";
import { registerGradient } from "../registry";
import { add, equal, mod, multiply, subtract } from "../math/binary";
import { cast } from "../math/cast";
import { reduceSum, reduceSumAll } from "../math/reduce";
import { concat, invertPermutation, range, rank, reshape, shape, size, slice, transpose } from "./shapeOps";
import { stack } from "./packOps";
import { pad } from "./padOps";

/**
 * Concat's gradient when an input shape is known only at run time: each part's slice of the
 * gradient starts where the previous parts end along the axis, computed in the graph from their
 * shapes (as TF's ConcatOffset does).
 */
function concatGradDynamic(g: Tensor, parts: Tensor[], axis: Tensor): Tensor[] {
  const r = rank(parts[0]);
  const onAxis = cast(equal(range(0, r, 1), mod(axis, r)), int32);
  let begin = multiply(onAxis, 0);
  return parts.map((p) => {
    const size = shape(p);
    const grad = inOpScope(
      "Slice",
      [g, begin, size],
      (opName, graph) =>
        createOp(graph, "Slice", opName, [g, begin, size], { T: attr.type(g.dtype), Index: attr.type(int32) })
          .outputs[0],
    );
    begin = add(begin, multiply(size, onAxis));
    return grad;
  });
}

registerGradient("Reshape", (op, [g]) => [g && reshape(g, shape(op.inputs[0])), null]);
registerGradient("Fill", (_op, [g]) => [null, g && reduceSumAll(g)]);
// Sum the copies: reshape the gradient to interleaved [multiple, dim] pairs and reduce the multiples.
registerGradient("Tile", (op, [g]) => {
  if (!g) return [null, null];
  const [x, multiples] = op.inputs;
  const splitShape = reshape(transpose(stack([multiples, shape(x)])), [-1]);
  const axes = range(0, size(splitShape), 2);
  const grad = reduceSum(reshape(g, splitShape), axes);
  grad.setShape(x.shape);
  return [grad, null];
});
registerGradient("Transpose", (op, [g]) => [g && transpose(g, invertPermutation(op.inputs[1])), null]);
registerGradient("ConcatV2", (op, [g]) => {
  if (!g) return op.inputs.map(() => null);
  const parts = op.inputs.slice(0, -1);
  const axisT = op.inputs[op.inputs.length - 1];
  if (!parts.every((p) => isFullyDefined(p.shape))) return [...concatGradDynamic(g, parts, axisT), null];
  const axis = (constantNumbers(axisT) ?? [0])[0];
  const grads: (Tensor | null)[] = [];
  let offset = 0;
  for (const p of parts) {
    if (!isFullyDefined(p.shape)) throw new ValueError("concat gradient needs fully known input shapes");
    const ax = axis < 0 ? axis + p.shape.length : axis;
    const begin = p.shape.map((_, i) => (i === ax ? offset : 0));
    grads.push(slice(g, begin, p.shape));
    offset += p.shape[ax];
  }
  return [...grads, null];
});
// TF's _SliceGrad: pad the gradient with zeros back to the input's shape.
registerGradient("Slice", (op, [g]) => {
  if (!g) return [null, null, null];
  const [x, begin] = op.inputs;
  const padShape = stack([rank(x), 1]);
  const before = reshape(begin, padShape);
  const after = reshape(subtract(subtract(shape(x), shape(op.outputs[0])), begin), padShape);
  return [pad(g, concat([before, after], 1)), null, null];
});
