/** `tensorlings/datasets`: the data chapter 9 trains on, and NumPy-compatible tools to handle it. */
export {
  fetchCaliforniaHousing,
  fetchCaliforniaHousingSync,
  importCaliforniaHousing,
  locateCaliforniaHousing,
  CALIFORNIA_HOUSING_ARCHIVE,
} from "./californiaHousing";
export type { CaliforniaHousing, CaliforniaHousingOptions, DataOrigin, Located } from "./californiaHousing";
export {
  FEATURE_NAMES,
  TARGET_NAMES,
  RAW_COLUMNS,
  parseCalHousingData,
  deriveCaliforniaHousing,
} from "./calHousingFormat";
export { DatasetUnavailableError, DatasetFormatError, ChecksumMismatchError, DownloadError } from "./errors";
export { defaultCacheDir } from "./cache";
export { RandomState, npRandom, IndexError } from "./randomState";
export type { Size, Shuffleable } from "./randomState";
export { makeMoons } from "./moons";
export type { MakeMoonsOptions } from "./moons";
export { StandardScaler } from "./scaler";
export { addBiasColumn, trainTestSplitLast, randomBatch, fetchBatch } from "./helpers";
export {
  matrix,
  matrixFromRows,
  matrixToRows,
  getRow,
  getColumn,
  sliceRows,
  takeRows,
  takeValues,
  asColumn,
} from "./matrix";
export type { Matrix, Vector } from "./matrix";
export { toNDArray } from "./ndarray";
export { pairwiseSum } from "./pairwiseSum";
export { preciseLog } from "./preciseLog";
