/**
 * Checkpoint V2 files (spec §5.3, §5.4): `prefix.data-00000-of-00001` and `prefix.index`.
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

/** Write `tensors` (in any order; they are stored sorted by key) as the checkpoint `prefix`. */
export function writeCheckpoint(prefix: string, tensors: readonly NamedTensor[]): void {
  const { index, data } = encodeCheckpoint(tensors);
  fs.mkdirSync(path.dirname(prefix) || ".", { recursive: true });
  writeFilesAtomic([
    { path: dataFileName(prefix), data },
    { path: indexFileName(prefix), data: index },
  ]);
}

/** Every tensor of the checkpoint, by key (in key order). */
export function readCheckpoint(prefix: string): Map<string, NDArray> {
  const reader = new BundleReader(prefix);
  return new Map(reader.keys().map((k) => [k, reader.get(k)]));
}

/** Names, dtypes and shapes of the checkpoint's tensors, without reading the data file. */
export function listCheckpoint(prefix: string): CheckpointTensorInfo[] {
  return new BundleReader(prefix).list();
}

/** One tensor; NotFoundError `Key <key> not found in checkpoint` when it is absent. */
export function readTensor(prefix: string, key: string): NDArray {
  return new BundleReader(prefix).get(key);
}

/**
 * TF's `checkpoint_exists`: a V2 checkpoint's `<prefix>.index` matches, else the path itself does
 * (a V1 file). Both are glob patterns in TF, so `*` and `?` in the last component match too.
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
