/** tensorlings: TensorFlow 1.x graph mode in TypeScript. `import * as tf from "tensorlings"`. */
export { DType, float32, float64, int32, int64, bool, string } from "./graph/dtypes";
export { NDArray } from "./runtime/ndarray";
export const version = "0.1.0";
