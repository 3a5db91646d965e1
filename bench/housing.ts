/**
 * Lesson 5's data: California housing scaled, with a bias column (20,640 × 9), as the engine's
 * NDArrays and as plain float32 arrays for the hand-written loop and eager tfjs.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { StandardScaler, addBiasColumn, fetchCaliforniaHousingSync, toNDArray } from "tensorlings/datasets";
import type { CaliforniaHousing } from "tensorlings/datasets";
import { KIT_ROOT } from "./settings";

export interface HousingData {
  m: number;
  n: number;
  X: tf.NDArray;
  y: tf.NDArray;
  Xf32: Float32Array;
  yf32: Float32Array;
}

/** Local copies only (HOML_DATA_HOME, the kit's cache, or the workplace's shared datasets folder). */
function loadLocal(): CaliforniaHousing {
  try {
    return fetchCaliforniaHousingSync();
  } catch (e) {
    const shared = path.resolve(KIT_ROOT, "..", "shared", "datasets");
    if (fs.existsSync(path.join(shared, "california_housing")))
      return fetchCaliforniaHousingSync({ dataHome: shared });
    throw e;
  }
}

export function loadHousing(): HousingData {
  const housing = loadLocal();
  const scaled = addBiasColumn(new StandardScaler().fitTransform(housing.data));
  const X = toNDArray(scaled).astype(tf.float32);
  const y = toNDArray(housing.target, { asColumn: true }).astype(tf.float32);
  return {
    m: scaled.rows,
    n: scaled.cols,
    X,
    y,
    Xf32: X.data as Float32Array,
    yf32: y.data as Float32Array,
  };
}
