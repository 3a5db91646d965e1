/**
 * The two files of a checkpoint prefix P (`P.index`, `P.data-00000-of-00001`), written so that a
 * process killed at any moment leaves a checkpoint that restores to values that were saved, also
 * when the same prefix is saved over again and again (the book saves `/tmp/my_model.ckpt` every
 * 100 epochs).
 *
 * Each file is written under a temporary name, flushed, and renamed into place, data first and
 * index last, as TF does. Two renames are not one atomic step: between them the new data file sits
 * beside the old index, a mix the CRC checks refuse. So before the renames the current pair is
 * hard-linked as the backup checkpoint `P.prev` (`P.prev.data-...`, then `P.prev.index`), and the
 * backup is removed only once both renames are done. That gives the invariant:
 *
 *   no `P.prev.index` on disk  =>  the pair of P is whole (or absent);
 *   `P.prev.index` on disk     =>  the pair of P.prev is whole (it was complete before any rename).
 *
 * A restore that finds P mixed (DataLossError) falls back to P.prev and says so on stderr.
 * A save that finds a backup left by a killed save keeps it when P is mixed, and replaces it when
 * P verifies, so the backup is always the last complete checkpoint.
 */
import * as fs from "fs";
import * as path from "path";
import {
  AlreadyExistsError,
  DataLossError,
  InvalidArgumentError,
  NotFoundError,
  OpError,
  PermissionDeniedError,
  UnknownError,
} from "../base/errors";
import type { DType } from "../base/dtypes";
import type { NDArray } from "../base/ndarray/ndarray";
import { encodeCheckpoint, type NamedTensor } from "./bundle/bundleEncoder";
import { BundleReader } from "./bundle/bundleReader";
import { dataFileName, indexFileName } from "./bundle/naming";
import { fsyncIfAllowed, removeTemp, tempStatePath, writeAll } from "./atomicWrite";
import { logWarning } from "../base/logging";

/** The prefix of the backup pair kept while `prefix` is being replaced. */
export function backupPrefix(prefix: string): string {
  return `${prefix}.prev`;
}

// ---------------------------------------------------------------- errors

const STRERROR: Record<string, string> = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EEXIST: "File exists",
  EISDIR: "Is a directory",
  ENOSPC: "No space left on device",
  EROFS: "Read-only file system",
};

/** A failed file operation as TF's POSIX file system reports it: `<file>; No such file or directory`. */
export function fileError(file: string, e: unknown): OpError {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const message = `${file}; ${STRERROR[code] ?? (e as Error).message}`;
  if (code === "ENOENT" || code === "ENOTDIR") return new NotFoundError(message);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new PermissionDeniedError(message);
  if (code === "EEXIST") return new AlreadyExistsError(message);
  return new UnknownError(message);
}

function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OpError) throw e;
    throw fileError(file, e);
  }
}

// ---------------------------------------------------------------- writing

/** `SaveV2` on one shard: write `tensors` as the checkpoint `prefix` (see the file comment). */
export function writeCheckpointSafely(prefix: string, tensors: readonly NamedTensor[]): void {
  const { index, data } = encodeCheckpoint(tensors);
  // TF's BundleWriter creates the last directory level only; a deeper missing path fails.
  const dir = path.dirname(prefix);
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw fileError(dir, e);
  }
  removeStaleTemps(prefix);
  const temps: string[] = [];
  try {
    const tmpData = writeTemp(dataFileName(prefix), data, temps);
    const tmpIndex = writeTemp(indexFileName(prefix), index, temps);
    const backedUp = keepBackup(prefix);
    guarded(dataFileName(prefix), () => fs.renameSync(tmpData, dataFileName(prefix)));
    guarded(indexFileName(prefix), () => fs.renameSync(tmpIndex, indexFileName(prefix)));
    syncDir(dir);
    if (backedUp) removePair(backupPrefix(prefix));
  } finally {
    for (const t of temps) removeTemp(t);
  }
}

function writeTemp(file: string, bytes: Uint8Array, temps: string[]): string {
  const tmp = tempStatePath(file);
  temps.push(tmp);
  guarded(tmp, () => {
    const fd = fs.openSync(tmp, "w");
    try {
      writeAll(fd, bytes);
      fsyncIfAllowed(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
  return tmp;
}

/** Make sure a whole copy of the current pair survives the two renames. Returns whether one exists. */
function keepBackup(prefix: string): boolean {
  const backup = backupPrefix(prefix);
  if (!fs.existsSync(indexFileName(prefix))) {
    removePair(backup);
    return false;
  }
  if (fs.existsSync(indexFileName(backup))) {
    // A save of this prefix was killed before it finished; its backup is whole. Keep it unless the
    // current pair verifies, in which case the current pair is the newer complete checkpoint.
    if (!pairIsWhole(prefix)) return true;
    removePair(backup);
  }
  // Data first, index last: the backup "exists" only once its index does.
  fs.rmSync(dataFileName(backup), { force: true });
  try {
    linkOrCopy(dataFileName(prefix), dataFileName(backup));
    linkOrCopy(indexFileName(prefix), indexFileName(backup));
  } catch {
    // The current pair cannot be kept (its data file was deleted by hand?): nothing whole to protect.
    removePair(backup);
    return false;
  }
  return true;
}

/** A hard link where the file system has them, else a copy that appears whole (temp + rename). */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    const tmp = tempStatePath(to);
    try {
      guarded(to, () => {
        fs.copyFileSync(from, tmp);
        fs.renameSync(tmp, to);
      });
    } finally {
      removeTemp(tmp);
    }
  }
}

/** Renames are durable once the directory is flushed (not every platform allows opening one). */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Index first, so that a kill in between leaves no half pair that looks like a checkpoint. */
function removePair(prefix: string): void {
  fs.rmSync(indexFileName(prefix), { force: true });
  fs.rmSync(dataFileName(prefix), { force: true });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Temporary files (`<file>.tempstate<n>`) that a killed save of `prefix` left behind. */
export function removeStaleTemps(prefix: string, extraSuffixes: readonly string[] = []): void {
  const dir = path.dirname(prefix);
  const bases = [path.basename(prefix), path.basename(backupPrefix(prefix))].map(escapeRegExp);
  const suffixes = ["index", "data-\\d{5}-of-\\d{5}", ...extraSuffixes.map(escapeRegExp)];
  const stale = new RegExp(`^(?:${bases.join("|")})\\.(?:${suffixes.join("|")})\\.tempstate\\d+$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (stale.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Temporary files of an atomic write of `file` (the state file, a meta graph) left by a killed process. */
export function removeStaleFileTemps(file: string): void {
  const dir = path.dirname(file);
  const stale = new RegExp(`^${escapeRegExp(path.basename(file))}\\.tempstate\\d+$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (stale.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Delete every file of a checkpoint: its pair, its data shards, its meta graph, its backup and temporaries. */
export function removeCheckpointFiles(prefix: string, metaGraphSuffix = "meta"): void {
  fs.rmSync(indexFileName(prefix), { force: true });
  const dir = path.dirname(prefix);
  const shards = new RegExp(`^${escapeRegExp(path.basename(prefix))}\\.data-\\d{5}-of-\\d{5}$`);
  try {
    for (const name of fs.readdirSync(dir))
      if (shards.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // the directory is gone: nothing left to delete
  }
  fs.rmSync(`${prefix}.${metaGraphSuffix}`, { force: true });
  removePair(backupPrefix(prefix));
  removeStaleTemps(prefix, [metaGraphSuffix]);
}

// ---------------------------------------------------------------- reading

/** Whether every tensor of the pair reads back with matching checksums. */
function pairIsWhole(prefix: string): boolean {
  try {
    const reader = new BundleReader(prefix);
    for (const key of reader.keys()) reader.get(key);
    return true;
  } catch {
    return false;
  }
}

export interface TensorRequest {
  key: string;
  dtype: DType;
}

/** RestoreV2 on one prefix: every requested key must exist with the requested dtype. */
function readTensors(prefix: string, requests: readonly TensorRequest[]): NDArray[] {
  const reader = new BundleReader(prefix);
  const mismatched: string[] = [];
  for (const { key, dtype } of requests) {
    const info = reader.info(key); // NotFoundError `Key <key> not found in checkpoint`
    if (info.dtype !== dtype) {
      mismatched.push(
        `tensor_name = ${key}; expected dtype ${dtype.cName} does not equal original dtype ${info.dtype.cName}`,
      );
    }
  }
  if (mismatched.length > 0) throw new InvalidArgumentError(mismatched.join("\n"));
  return requests.map(({ key }) => reader.get(key));
}

/**
 * Read the requested tensors of `prefix`. A pair that fails its checksums (a save of it was
 * killed between its renames) is replaced by its backup, with a warning naming both; without a
 * backup the DataLossError stands.
 */
export function readCheckpointSafely(prefix: string, requests: readonly TensorRequest[]): NDArray[] {
  try {
    return readTensors(prefix, requests);
  } catch (e) {
    const backup = backupPrefix(prefix);
    if (!(e instanceof DataLossError) || !fs.existsSync(indexFileName(backup))) throw e;
    let values: NDArray[];
    try {
      values = readTensors(backup, requests);
    } catch {
      throw e;
    }
    const reason = e.message.split("\n")[0];
    logWarning(
      `Checkpoint ${prefix} is incomplete (${reason}): an earlier save was interrupted. Restored the previous complete checkpoint, ${backup}, instead.`,
    );
    return values;
  }
}
