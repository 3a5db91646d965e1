import { InvalidArgumentError } from "../errors";
import { NDArray, shapeSize } from "../ndarray/ndarray";
import type { Kernel, KernelOptions } from "./kernel";
import { outputFor, sameShape } from "./elementwise";
import { tileArray } from "./layout";

/** The concrete shape of a reshape to `target` (one -1 allowed), with TF's errors. */
export function resolveReshape(target: number[], size: number): number[] {
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const unknown = target.indexOf(-1);
  const out = [...target];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new InvalidArgumentError(
        `Input to reshape is a tensor with ${size} values, but the requested shape requires a multiple of ${known}`,
      );
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new InvalidArgumentError(
      `Input to reshape is a tensor with ${size} values, but the requested shape has ${known}`,
    );
  }
  return out;
}

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Reshape: a view of the input's data. The resolved shape is kept while the requested shape and
 * the size repeat, and the view itself while the input is the same array object (a view of the
 * same storage with the same shape is the same value, whatever that storage holds now).
 */
export function reshapeKernel(): Kernel {
  let request: number[] | null = null;
  let size = -1;
  let shape: number[] = [];
  let source: NDArray | null = null;
  const outs: NDArray[] = [];
  return ([x, s]) => {
    const target = s.data as Int32Array;
    if (request === null || size !== x.size || !sameValues(request, target)) {
      shape = resolveReshape(Array.from(target), x.size);
      request = Array.from(target);
      size = x.size;
      source = null;
    }
    if (x !== source) {
      outs[0] = new NDArray(x.dtype, shape, x.data);
      source = x;
    }
    return outs;
  };
}

/** Tile: repeats the input; writes into one buffer when the plan allows it. */
export function tileKernel(options: KernelOptions = {}): Kernel {
  const reuse = options.reuseOutputs === true;
  const holder: { out: NDArray | null } = { out: null };
  let outShape: number[] = [];
  let inShape: number[] | null = null;
  let multiples: number[] = [];
  const outs: NDArray[] = [];
  return ([x, m]) => {
    if (Array.isArray(x.data)) {
      outs[0] = tileArray(x, Array.from(m.data as Int32Array));
      return outs;
    }
    const mult = m.data as Int32Array;
    if (inShape === null || !sameShape(inShape, x.shape) || !sameValues(multiples, mult)) {
      inShape = [...x.shape];
      multiples = Array.from(mult);
      outShape = x.shape.map((d, i) => d * multiples[i]);
    }
    if (x.size !== 1 || !Number.isFinite(shapeSize(outShape))) {
      outs[0] = tileArray(x, multiples);
      return outs;
    }
    // One value repeated: the common case in gradients (the seed spread over a reduced tensor).
    const out = outputFor(holder, reuse, x.dtype, outShape);
    (out.data as Float32Array).fill((x.data as Float32Array)[0]);
    outs[0] = out;
    return outs;
  };
}
