/** The file-format layer: checkpoints (V2 tensor bundles), the `checkpoint` state file, event files, protos. */
export { crc32c, maskCrc, unmaskCrc, maskedCrc32c } from "./crc32c";
export { writeFileAtomic } from "./atomicWrite";
export {
  writeCheckpoint,
  readCheckpoint,
  listCheckpoint,
  readTensor,
  checkpointExists,
  BundleReader,
  dataFileName,
  indexFileName,
  type NamedTensor,
  type CheckpointTensorInfo,
} from "./checkpoint";
export { encodeCheckpoint } from "./bundle/bundleEncoder";
export {
  type CheckpointState,
  type UpdateCheckpointStateOptions,
  formatCheckpointState,
  parseCheckpointState,
  generateCheckpointState,
  updateCheckpointState,
  getCheckpointState,
  latestCheckpoint,
} from "./checkpointState";
export {
  inspectCheckpoint,
  formatCheckpoint,
  resolveCheckpointPrefix,
  type InspectedCheckpoint,
  type InspectedTensor,
} from "./checkpointReader";
export { encodeRecord, readRecords, scanRecords, RecordFileReader, type RecordScan } from "./tfrecord";
export { EventFileWriter, eventFileName, FILE_VERSION, type EventFileWriterOptions } from "./eventFile";
export {
  readEventFile,
  readLogdir,
  isEventFile,
  type Run,
  type ScalarPoint,
  type HistogramPoint,
} from "./eventReader";
export * from "./proto/event";
export * from "./proto/metagraph";
export {
  encodeGraphDef,
  decodeGraphDef,
  encodeNodeDef,
  decodeNodeDef,
  encodeAttrValue,
  decodeAttrValue,
  type VersionDefProto,
} from "./proto/graph";
export {
  encodeTensorProto,
  decodeTensorProto,
  encodeTensorShape,
  decodeTensorShape,
} from "./proto/tensor";
export * from "./proto/bundle";
export { tensorToBytes, tensorFromBytes } from "./tensorBytes";
