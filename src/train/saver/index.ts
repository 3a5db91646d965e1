/** `tf.train.Saver` and the checkpoint helpers of `tf.train`. */
export { Saver, SaverImpl, type SaverOptions, type SaveOptions } from "./saver";
export type { VarList } from "./saveables";
export { exportMetaGraph, createMetaGraphDef, type MetaGraphOptions } from "./metaGraphExport";
export { importMetaGraph, importScopedMetaGraph, readMetaGraphFile } from "./metaGraphImport";
export {
  latestCheckpoint,
  getCheckpointState,
  updateCheckpointState,
  checkpointExists,
  type CheckpointState,
} from "../../io";
