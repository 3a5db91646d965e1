/** `tf.train`: optimizers, global step (and the Saver, added by the io layer). */
export {
  GradientDescentOptimizer,
  MomentumOptimizer,
  AdamOptimizer,
  RMSPropOptimizer,
  GradientDescentOptimizerImpl,
  MomentumOptimizerImpl,
  AdamOptimizerImpl,
  RMSPropOptimizerImpl,
} from "./optimizers";
export { Optimizer, GATE_NONE, GATE_OP, GATE_GRAPH } from "./optimizer";
export type { GradAndVar, MinimizeOptions } from "./optimizer";
export { getGlobalStep, createGlobalStep, getOrCreateGlobalStep } from "./globalStep";
