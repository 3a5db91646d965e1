// Gradients of the binary elementwise ops (TF 1.12 math_grad.py), registered after the forward
// ops of binary.ts so that those never import the reductions and reshapes the gradients need.
import type { Operation } from "../../graph/operation";
import { isFullyDefined } from "../../base/shape";
import type { Tensor } from "../../graph/tensor";
import { onesLike, reshape, shape, zerosLike } from "../array/shapeOps";
import { select } from "../array/select";
import { GradFn, registerGradient } from "../registry";
import { divNoNan, floordiv, greater, greaterEqual, lessEqual, multiply, pow, realdiv, subtract as sub } from "./binary";
import { broadcastGradientArgs, reduceSum } from "./reduce";
import { log, neg } from "./unary";

function shapesFullyEqual(x: Tensor, y: Tensor, grad: Tensor): boolean {
  return (
    isFullyDefined(x.shape) &&
    isFullyDefined(y.shape) &&
    isFullyDefined(grad.shape) &&
    x.shape.length === y.shape.length &&
    x.shape.every((d, i) => d === (y.shape as number[])[i]) &&
    x.shape.length === grad.shape.length &&
    x.shape.every((d, i) => d === (grad.shape as number[])[i])
  );
}

/** Sum `gx`, `gy` over broadcast dims and reshape back to the inputs' shapes. */
function reduceToInputs(
  op: Operation,
  gx: (() => Tensor) | null,
  gy: (() => Tensor) | null,
  negateY = false,
): (Tensor | null)[] {
  const [x, y] = op.inputs;
  const sx = shape(x);
  const sy = shape(y);
  const [rx, ry] = broadcastGradientArgs(sx, sy);
  const gradX = gx ? reshape(reduceSum(gx(), rx), sx) : null;
  // Sub negates the summed gradient before reshaping it, as TF's _SubGrad does (op order matters for names).
  const sumY = gy ? reduceSum(gy(), ry) : null;
  return [gradX, sumY ? reshape(negateY ? neg(sumY) : sumY, sy) : null];
}

const addGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [grad, grad];
  return reduceToInputs(op, () => grad, () => grad);
};

const subGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [grad, neg(grad)];
  return reduceToInputs(op, () => grad, () => grad, true);
};

const mulGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  if (shapesFullyEqual(x, y, grad)) return [multiply(grad, y), multiply(grad, x)];
  return reduceToInputs(op, () => multiply(grad, y), () => multiply(x, grad));
};

const realDivGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(
    op,
    () => realdiv(grad, y),
    () => multiply(grad, realdiv(realdiv(neg(x), y), y)),
  );
};

const maxMinGrad =
  (compare: (a: Tensor, b: Tensor) => Tensor): GradFn =>
  (op, [grad]) => {
    if (!grad) return [null, null];
    const [x, y] = op.inputs;
    const zeros = zerosLike(grad);
    const xmask = compare(x, y);
    return reduceToInputs(
      op,
      () => select(xmask, grad, zeros),
      () => select(xmask, zeros, grad),
    );
  };

const powGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  const z = op.outputs[0];
  return reduceToInputs(
    op,
    () => multiply(multiply(grad, y), pow(x, sub(y, 1))),
    () => {
      // log(x) only where x > 0, else 0: no false -inf/NaN at x <= 0 (as TF does).
      const mask = greater(x, 0);
      const logX = select(mask, log(select(mask, x, onesLike(x))), zerosLike(x));
      return multiply(multiply(grad, z), logX);
    },
  );
};

const squaredDifferenceGrad: GradFn = (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  const xGrad = multiply(multiply(2, grad), sub(x, y));
  return reduceToInputs(op, () => xGrad, () => neg(xGrad));
};

registerGradient("Add", addGrad);
registerGradient("Sub", subGrad);
registerGradient("Mul", mulGrad);
registerGradient("RealDiv", realDivGrad);
registerGradient("DivNoNan", (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(
    op,
    () => divNoNan(grad, y),
    () => multiply(grad, divNoNan(divNoNan(neg(x), y), y)),
  );
});
// d(x mod y) = dx - floor(x / y) dy
registerGradient("FloorMod", (op, [grad]) => {
  if (!grad) return [null, null];
  const [x, y] = op.inputs;
  return reduceToInputs(op, () => grad, () => multiply(grad, neg(floordiv(x, y))));
});
registerGradient("Maximum", maxMinGrad((a, b) => greaterEqual(a, b)));
registerGradient("Minimum", maxMinGrad((a, b) => lessEqual(a, b)));
registerGradient("Pow", powGrad);
registerGradient("SquaredDifference", squaredDifferenceGrad);
