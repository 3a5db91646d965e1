/** `tf.summary`: summary ops and the FileWriter that stores their values for TensorBoard. */
export {
  scalar,
  histogram,
  merge,
  mergeAll,
  type SummaryOptions,
  type MergeOptions,
  type MergeAllOptions,
} from "./summaryOps";
export { FileWriter, FileWriterImpl, type FileWriterOptions, type SummaryInput } from "./fileWriter";
export { cleanTag } from "./summaryScope";
export { SessionStatus, decodeSummary, type SummaryProto, type SessionLogProto } from "../io";
