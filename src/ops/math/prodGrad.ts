// Prod's gradient, as TF's _ProdGrad: the product of all the other elements of each reduced
// group, from exclusive cumulative products both ways (so zeros in x are handled).
import { int32 } from "../../base/dtypes";
import { type GradFn, registerGradient } from "../registry";
import { setdiff1d } from "../array/listDiff";
import { stack } from "../array/packOps";
import { concat, range, rank, reshape, shape, size, sliceOp, tile, transpose } from "../array/shapeOps";
import { invertPermutation } from "../array/shapeOps";
import { add, floordiv, maximum, mod, multiply } from "./binary";
import { cast } from "./cast";
import { cumprod } from "./cumulative";
import { reduceProd } from "./reduce";
import { reducedShape } from "./reduceGrad";

export const prodGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, axes] = op.inputs;
  const inputShape = shape(x);
  const keptDims = reducedShape(inputShape, axes);
  const tileScaling = floordiv(inputShape, maximum(keptDims, 1));
  const g = tile(reshape(grad, keptDims), tileScaling);

  // Move the reduced dims to the front, flatten to [reduced, other], take products of the others.
  const r = rank(x);
  const reduced = cast(mod(add(reshape(axes, [-1]), r), r), int32);
  const [other] = setdiff1d(range(0, r, 1), reduced);
  const perm = concat([reduced, other], 0);
  const permuted = transpose(x, perm);
  const permutedShape = shape(permuted);
  const k = stack([size(reduced)]);
  const reducedNum = reduceProd(sliceOp(permutedShape, [0], k));
  const otherNum = reduceProd(sliceOp(permutedShape, k, [-1]));
  const flat = reshape(permuted, stack([reducedNum, otherNum]));
  const left = cumprod(flat, 0, { exclusive: true });
  const right = cumprod(flat, 0, { exclusive: true, reverse: true });
  const y = reshape(multiply(left, right), permutedShape);
  const out = multiply(g, transpose(y, invertPermutation(perm)));
  return [reshape(out, inputShape), null];
};

registerGradient("Prod", prodGrad);
