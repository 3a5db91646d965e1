/** Where the kit keeps downloaded or imported data, and how it writes there safely. */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * `.tensorlings/data/` at the kit's root (git-ignored), so data stays with the course; scikit-learn's
 * `get_data_home()` (sklearn/datasets/_base.py) plays the same part with `~/scikit_learn_data`.
 * @returns The absolute path of the cache folder.
 * @example
 * ```ts
 * import { defaultCacheDir } from "tensorlings/datasets";
 * const dir = defaultCacheDir();
 * ```
 */
export function defaultCacheDir(): string {
  return resolve(__dirname, "..", ".tensorlings", "data");
}

/** The cache sub-folder for one dataset. */
export function datasetCacheDir(cacheDir: string, dataset: string): string {
  return join(cacheDir, dataset);
}

/**
 * Writes `data` to `file` so that readers see either the old file or the complete new one, never
 * a partial write: write a temporary file next to it, flush it to disk, then rename over.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const fd = openSync(tmp, "wx");
    try {
      for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
