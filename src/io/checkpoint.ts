/**
 * Checkpoint V2 files (`BundleWriter` and `BundleReader`,
 * tensorflow/core/util/tensor_bundle/tensor_bundle.cc): `prefix.data-00000-of-00001` and `prefix.index`.
 *
 * Writing is crash-safe: both files go to temporary names and are flushed to disk, then renamed
 * into place, the data file first and the index last, so a new checkpoint exists (its `.index` is
 * there) only once both files are complete. Overwriting an existing prefix leaves a window of two
 * rename calls where the new data sits beside the old index; a restore then fails on the CRC
 * check rather than loading mixed values.
 */
import * as fs from "fs";
import * as path from "path";
import type { NDArray } from "../base/ndarray/ndarray";
import { writeFilesAtomic } from "./atomicWrite";
import { NamedTensor, encodeCheckpoint } from "./bundle/bundleEncoder";
import { BundleReader, CheckpointTensorInfo } from "./bundle/bundleReader";
import { dataFileName, indexFileName } from "./bundle/naming";

export type { NamedTensor, CheckpointTensorInfo };
export { BundleReader, dataFileName, indexFileName };

/**
 * Writes `tensors` (in any order; they are stored sorted by key) as the checkpoint `prefix`, crash-safely.
 * Mirrors what TF's `SaveV2` kernel does through `BundleWriter`
 * (tensorflow/core/kernels/save_restore_v2_ops.cc).
 * @param prefix - The checkpoint prefix; its directory must exist.
 * @param tensors - The tensors to store.
 * @throws `InvalidArgumentError` when a key is empty or repeated.
 * @example
 * ```ts
 * import { writeCheckpoint } from "tensorlings/io";
 * writeCheckpoint("/tmp/model.ckpt", [{ key: "theta", value: tf.NDArray.from([[1], [2]]) }]);
 * ```
 */
export function writeCheckpoint(prefix: string, tensors: readonly NamedTensor[]): void {
  const { index, data } = encodeCheckpoint(tensors);
  fs.mkdirSync(path.dirname(prefix) || ".", { recursive: true });
  writeFilesAtomic([
    { path: dataFileName(prefix), data },
    { path: indexFileName(prefix), data: index },
  ]);
}

/**
 * Every tensor of the checkpoint, by key (in key order), each checked against its CRC32C.
 * Like reading each key with TF's `tf.train.load_checkpoint(prefix).get_tensor(key)`
 * (tensorflow/python/training/checkpoint_utils.py).
 * @param prefix - The checkpoint prefix.
 * @returns A map from key to value.
 * @throws `NotFoundError` when a file is missing.
 * @throws `DataLossError` when a file is corrupt.
 * @example
 * ```ts
 * const values = tf.readCheckpoint("/tmp/my_model_final.ckpt");
 * const theta = values.get("theta");
 * ```
 */
export function readCheckpoint(prefix: string): Map<string, NDArray> {
  const reader = new BundleReader(prefix);
  return new Map(reader.keys().map((k) => [k, reader.get(k)]));
}

/**
 * Names, dtypes and shapes of the checkpoint's tensors, without reading the data file.
 * Mirrors TF 1.x `tf.train.list_variables(ckpt_dir_or_file)`
 * (tensorflow/python/training/checkpoint_utils.py).
 * @param prefix - The checkpoint prefix.
 * @returns One entry per tensor, in key order.
 * @throws `NotFoundError` when the index file is missing.
 * @example
 * ```ts
 * const names = tf.listCheckpoint("/tmp/my_model_final.ckpt").map((t) => t.key);
 * ```
 */
export function listCheckpoint(prefix: string): CheckpointTensorInfo[] {
  return new BundleReader(prefix).list();
}

/**
 * One tensor of a checkpoint. Mirrors TF 1.x `tf.train.load_variable(ckpt_dir_or_file, name)`
 * (tensorflow/python/training/checkpoint_utils.py).
 * @param prefix - The checkpoint prefix.
 * @param key - The tensor's key.
 * @returns Its value.
 * @throws `NotFoundError` `Key <key> not found in checkpoint` when it is absent.
 * @example
 * ```ts
 * import { readTensor } from "tensorlings/io";
 * const theta = readTensor("/tmp/my_model_final.ckpt", "theta");
 * ```
 */
export function readTensor(prefix: string, key: string): NDArray {
  return new BundleReader(prefix).get(key);
}

/**
 * TF's `checkpoint_exists`: a V2 checkpoint's `<prefix>.index` matches, else the path itself does
 * (a V1 file). Both are glob patterns in TF, so `*` and `?` in the last component match too.
 * Mirrors TF 1.x `tf.train.checkpoint_exists(checkpoint_prefix)`
 * (tensorflow/python/training/checkpoint_management.py, `checkpoint_exists`).
 * @param prefix - The checkpoint prefix.
 * @returns Whether the checkpoint exists.
 * @example
 * ```ts
 * const ok = tf.train.checkpointExists("/tmp/my_model_final.ckpt");
 * ```
 */
export function checkpointExists(prefix: string): boolean {
  return matchesAnyFile(indexFileName(prefix)) || matchesAnyFile(prefix);
}

function matchesAnyFile(pattern: string): boolean {
  const base = path.basename(pattern);
  if (!/[*?[]/.test(base)) return fs.existsSync(pattern);
  const dir = path.dirname(pattern);
  const re = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  try {
    return fs.readdirSync(dir).some((name) => re.test(name));
  } catch {
    return false;
  }
}
