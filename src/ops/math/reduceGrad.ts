// Gradients of the reductions (TF 1.12 math_grad.py: `_SumGrad`, `_MeanGrad`, `_MinOrMaxGrad`;
// `_ProdGrad` in prodGrad.ts), registered after the forward ops of reduce.ts.
import { int32 } from "../../base/dtypes";
import type { Operation } from "../../graph/operation";
import { StaticShape, isFullyDefined } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { NDArray } from "../../base/ndarray/ndarray";
import { normalizeAxes } from "../../base/kernels/reduce";
import { constant } from "../array/constant";
import { fill, range, reshape, shape, size, tile } from "../array/shapeOps";
import { constantNumbers } from "../constantValue";
import { GradFn, registerGradient } from "../registry";
import { add, equal, floordiv, maximum, mod, multiply, truediv } from "./binary";
import { cast } from "./cast";
import { dynamicStitch, reduceProd, reduceSum } from "./reduce";

/** `tensor_util`-style check: are the reduction axes all dims of a known-rank input? */
function reducesAllDims(op: Operation): boolean {
  const x = op.inputs[0];
  const axes = constantNumbers(op.inputs[1]);
  return x.shape !== null && axes !== null && normalizeAxes(axes, x.shape.length).length === x.shape.length;
}

/** TF's `reduced_shape`: the input shape with reduced dims set to 1 (built as graph ops). */
export function reducedShape(inputShape: Tensor, axes: Tensor): Tensor {
  const inputRank = size(inputShape);
  const normAxes = mod(add(axes, inputRank), inputRank);
  const axesShape = shape(normAxes);
  // The 1s must be int32 like the shape they are stitched into (a bare JS 1 would be float32).
  return dynamicStitch(
    [range(0, inputRank, 1), normAxes],
    [inputShape, fill(axesShape, NDArray.from(1, int32))],
  );
}

/** `_safe_shape_div`: x // max(y, 1). */
const safeShapeDiv = (x: Tensor, y: Tensor) => floordiv(x, maximum(y, 1));

const sumGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const x = op.inputs[0];
  if (reducesAllDims(op)) {
    const rank = (x.shape as StaticShape[]).length;
    const g = reshape(grad, new Array(rank).fill(1));
    const inputShape = isFullyDefined(x.shape) ? constant(NDArray.from(x.shape, int32)) : shape(x);
    return [tile(g, inputShape), null];
  }
  const inputShape = shape(x);
  const keptDims = reducedShape(inputShape, op.inputs[1]);
  const tileScaling = safeShapeDiv(inputShape, keptDims);
  return [tile(reshape(grad, keptDims), tileScaling), null];
};

const meanGrad: GradFn = (op, grads) => {
  const [sumG] = sumGrad(op, grads);
  if (!sumG) return [null, null];
  const x = op.inputs[0];
  const y = op.outputs[0];
  let factor: Tensor;
  if (isFullyDefined(x.shape) && isFullyDefined(y.shape)) {
    const inSize = x.shape.reduce((a, b) => a * b, 1);
    const outSize = y.shape.reduce((a, b) => a * b, 1);
    factor = constant(Math.floor(inSize / Math.max(outSize, 1)), { dtype: sumG.dtype });
  } else {
    factor = safeShapeDiv(reduceProd(shape(x)), reduceProd(shape(y)));
  }
  return [truediv(sumG, cast(factor, sumG.dtype)), null];
};

const minMaxGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const x = op.inputs[0];
  const keptDims = reducedShape(shape(x), op.inputs[1]);
  const y = reshape(op.outputs[0], keptDims);
  const g = reshape(grad, keptDims);
  const indicators = cast(equal(y, x), g.dtype);
  const numSelected = reshape(reduceSum(indicators, op.inputs[1]), keptDims);
  return [multiply(truediv(indicators, numSelected), g), null];
};

registerGradient("Sum", sumGrad);
registerGradient("Mean", meanGrad);
registerGradient("Max", minMaxGrad);
registerGradient("Min", minMaxGrad);
