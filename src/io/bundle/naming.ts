/** File names of a checkpoint with prefix `prefix` (TF's tensor_bundle naming). */

/**
 * `<prefix>.index`, as TF's `MetaFilename` names it (tensorflow/core/util/tensor_bundle/naming.cc).
 * @param prefix - The checkpoint prefix.
 * @returns The index file's path.
 * @example
 * ```ts
 * import { indexFileName } from "tensorlings/io";
 * const file = indexFileName("/tmp/model.ckpt"); // "/tmp/model.ckpt.index"
 * ```
 */
export function indexFileName(prefix: string): string {
  return `${prefix}.index`;
}

/**
 * `<prefix>.data-<shard>-of-<numShards>` with 5-digit numbers, as TF's `DataFilename` names it
 * (tensorflow/core/util/tensor_bundle/naming.cc).
 * @param prefix - The checkpoint prefix.
 * @param shard - The shard number (0).
 * @param numShards - The number of shards (1).
 * @returns The data file's path.
 * @example
 * ```ts
 * import { dataFileName } from "tensorlings/io";
 * const file = dataFileName("/tmp/model.ckpt"); // "/tmp/model.ckpt.data-00000-of-00001"
 * ```
 */
export function dataFileName(prefix: string, shard = 0, numShards = 1): string {
  const pad = (n: number) => String(n).padStart(5, "0");
  return `${prefix}.data-${pad(shard)}-of-${pad(numShards)}`;
}
