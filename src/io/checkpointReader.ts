/**
 * A friendly view of a checkpoint for the kit's tests, grader and viewers: every tensor with its
 * dtype, shape and value, from a prefix or from a directory holding a `checkpoint` state file.
 */
import * as fs from "fs";
import type { DType } from "../base/dtypes";
import type { NDArray } from "../base/ndarray/ndarray";
import { NotFoundError } from "../base/errors";
import { BundleReader } from "./bundle/bundleReader";
import { latestCheckpoint } from "./checkpointState";

export interface InspectedTensor {
  key: string;
  dtype: DType;
  shape: number[];
  value: NDArray;
}

export interface InspectedCheckpoint {
  /** The checkpoint prefix that was read. */
  prefix: string;
  /** Tensors in key order. */
  tensors: InspectedTensor[];
}

/** A directory resolves to its latest checkpoint; anything else is taken as a prefix. */
export function resolveCheckpointPrefix(prefixOrDir: string): string {
  let isDir = false;
  try {
    isDir = fs.statSync(prefixOrDir).isDirectory();
  } catch {
    // not a file or directory: a prefix
  }
  if (!isDir) return prefixOrDir;
  const latest = latestCheckpoint(prefixOrDir);
  if (latest === null)
    throw new NotFoundError(`No checkpoint found in ${prefixOrDir} (no valid 'checkpoint' state file)`);
  return latest;
}

export function inspectCheckpoint(prefixOrDir: string): InspectedCheckpoint {
  const prefix = resolveCheckpointPrefix(prefixOrDir);
  const reader = new BundleReader(prefix);
  return {
    prefix,
    tensors: reader.keys().map((key) => ({ ...reader.info(key), value: reader.get(key) })),
  };
}

/** Text in the style of TF's `inspect_checkpoint` tool: `tensor_name:  <key>` followed by the value. */
export function formatCheckpoint(inspected: InspectedCheckpoint): string {
  return inspected.tensors.map((t) => `tensor_name:  ${t.key}\n${t.value.toString()}`).join("\n") + "\n";
}
