/** `tf.train`: optimizers, global step, the Saver and the checkpoint helpers. */
export {
  GradientDescentOptimizer,
  MomentumOptimizer,
  AdamOptimizer,
  RMSPropOptimizer,
  GradientDescentOptimizerImpl,
  MomentumOptimizerImpl,
  AdamOptimizerImpl,
  RMSPropOptimizerImpl,
  type Rate,
  type GradientDescentOptions,
  type MomentumOptions,
  type AdamOptions,
  type RMSPropOptions,
} from "./optimizers";
export { Optimizer, GATE_NONE, GATE_OP, GATE_GRAPH } from "./optimizer";
export type { GradAndVar, MinimizeOptions } from "./optimizer";
export { getGlobalStep, createGlobalStep, getOrCreateGlobalStep } from "./globalStep";
export {
  Saver,
  SaverImpl,
  importMetaGraph,
  importScopedMetaGraph,
  exportMetaGraph,
  latestCheckpoint,
  getCheckpointState,
  updateCheckpointState,
  checkpointExists,
} from "./saver/index";
export type { SaverOptions, SaveOptions, VarList, CheckpointState, MetaGraphOptions } from "./saver/index";
