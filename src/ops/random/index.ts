/** TF 1.x random number kernels: Philox, distributions, output fills, per-op state, seeds. */
export { Philox } from "./philox";
export {
  boxMullerDouble,
  boxMullerDoubleInto,
  boxMullerFloat,
  boxMullerFloatInto,
  uint32ToFloat,
  uint64ToDouble,
} from "./distributions";
export {
  RESERVED_SAMPLES_PER_OUTPUT,
  fillStandardNormal,
  fillTruncatedNormal,
  fillUniform,
  fillUniformInt,
} from "./fill";
export type { RandomFloatDType, RandomIntDType } from "./fill";
export { RandomKernelState } from "./kernelState";
export { DEFAULT_GRAPH_SEED, MAXINT32, getSeed } from "./seed";
