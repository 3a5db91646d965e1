/** Registers the I/O ops (checkpoint save/restore, summaries); importing this module is enough. */
import "./saveRestoreOps";
import "./summaryOps";

export { saveV2, restoreV2 } from "./saveRestoreOps";
export { DEFAULT_BUCKET_LIMITS, histogramOf } from "./histogram";
