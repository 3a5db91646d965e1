import { allocStorage } from "../base/dtypes";
import type { Attrs, Operation } from "../graph/operation";
import { Tensor } from "../graph/tensor";
import { FailedPreconditionError, InvalidArgumentError } from "../base/errors";
import { NDArray } from "../base/ndarray/ndarray";
import { UNINITIALIZED } from "./sessionState";
import type { SessionState } from "./sessionState";
import { attr } from "./attrs";
import { createOp, inOpScope } from "./createOp";
import { registerOp } from "./registry";
import { variableOpOf } from "./state/variableOps";

/**
 * The optimizers' update kernels (TF's training_ops). Each takes the variable and its slots by
 * reference and writes new values; arithmetic is float32 step by step, as TF's kernels do.
 */
type Updater = (vars: Float32Array[], scalars: number[], grad: Float32Array, op: Operation) => void;

const f = Math.fround;

function readRef(state: SessionState, varOp: Operation): NDArray {
  const v = state.readVariable(varOp);
  if (v === UNINITIALIZED) throw new FailedPreconditionError(`Attempting to use uninitialized value ${varOp.name}`);
  return v;
}

function defineApply(type: string, refCount: number, update: Updater) {
  registerOp({
    type,
    outputs: ([v]) => [{ dtype: v.dtype, shape: v.shape, isRef: true }],
    refInputs: Array.from({ length: refCount }, (_, i) => i),
    stateful: true,
    gradient: null,
    kernel: (op) => {
      const varOps = op.inputs.slice(0, refCount).map(variableOpOf);
      // Argument lists are reused; the variables' new buffers are not (see below).
      const current: NDArray[] = new Array(refCount);
      const next: Float32Array[] = new Array(refCount);
      const scalars: number[] = new Array(op.inputs.length - refCount - 1);
      const outs: NDArray[] = [];
      return (inputs, ctx) => {
        for (let i = 0; i < refCount; i++) current[i] = readRef(ctx.state, varOps[i]);
        const grad = inputs[inputs.length - 1];
        if (grad.size !== current[0].size) {
          throw new InvalidArgumentError(`var and grad do not have the same shape[${current[0].shape}] [${grad.shape}]`);
        }
        // New buffers each step, so arrays handed out earlier never change under the caller.
        for (let i = 0; i < refCount; i++) {
          const c = current[i];
          const copy = allocStorage(c.dtype, c.size) as Float32Array;
          copy.set(c.data as Float32Array);
          next[i] = copy;
        }
        for (let i = 0; i < scalars.length; i++) scalars[i] = (inputs[refCount + i].data as Float32Array)[0];
        update(next, scalars, grad.data as Float32Array, op);
        for (let i = 0; i < refCount; i++) {
          const arr = new NDArray(current[i].dtype, [...current[i].shape], next[i]);
          ctx.state.variables.set(varOps[i], arr);
          if (i === 0) outs[0] = arr;
        }
        return outs;
      };
    },
  });
}

// var -= lr * grad
defineApply("ApplyGradientDescent", 1, ([v], [lr], g) => {
  for (let i = 0; i < v.length; i++) v[i] = v[i] - f(g[i] * lr);
});
// accum = accum * momentum + grad; var -= accum * lr (Nesterov: var -= grad * lr + accum * momentum * lr)
defineApply("ApplyMomentum", 2, ([v, accum], [lr, momentum], g, op) => {
  const nesterov = op.attrBool("use_nesterov");
  for (let i = 0; i < v.length; i++) {
    accum[i] = f(accum[i] * momentum) + g[i];
    v[i] = nesterov ? v[i] - f(f(g[i] * lr) + f(f(accum[i] * momentum) * lr)) : v[i] - f(accum[i] * lr);
  }
});
// Adam (TF 1.x): lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
defineApply("ApplyAdam", 3, ([v, m, s], [beta1Power, beta2Power, lr, beta1, beta2, epsilon], g) => {
  const lrT = f(f(lr * f(Math.sqrt(f(1 - beta2Power)))) / f(1 - beta1Power));
  for (let i = 0; i < v.length; i++) {
    m[i] = m[i] + f(f(g[i] - m[i]) * f(1 - beta1));
    s[i] = s[i] + f(f(f(g[i] * g[i]) - s[i]) * f(1 - beta2));
    v[i] = v[i] - f(f(lrT * m[i]) / f(f(Math.sqrt(s[i])) + epsilon));
  }
});
// RMSProp: ms += (g^2 - ms) * (1 - rho); mom = mom * momentum + lr * g / sqrt(ms + eps); var -= mom
defineApply("ApplyRMSProp", 3, ([v, ms, mom], [lr, rho, momentum, epsilon], g) => {
  for (let i = 0; i < v.length; i++) {
    ms[i] = ms[i] + f(f(f(g[i] * g[i]) - ms[i]) * f(1 - rho));
    mom[i] = f(mom[i] * momentum) + f(f(lr * g[i]) / f(Math.sqrt(f(ms[i] + epsilon))));
    v[i] = v[i] - mom[i];
  }
});

/** Build an Apply* op in the current scope (the optimizer opens `update_<var>` around it). */
export function applyOp(
  type: string,
  refs: Tensor[],
  scalars: Tensor[],
  grad: Tensor,
  useLocking: boolean,
  extraAttrs: Attrs = {},
): Operation {
  return inOpScope(type, [...refs, grad], (opName, graph) => {
    const varOp = variableOpOf(refs[0]);
    const attrs = {
      T: attr.type(refs[0].dtype),
      use_locking: attr.bool(useLocking),
      ...extraAttrs,
      _class: attr.strs([`loc:@${varOp.name}`]),
    };
    return createOp(graph, type, opName, [...refs, ...scalars, grad], attrs);
  });
}
