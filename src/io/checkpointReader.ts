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

/** One tensor of an inspected checkpoint. */
export interface InspectedTensor {
  /** The tensor's key (the variable's name, e.g. `theta`). */
  key: string;
  /** Its element type. */
  dtype: DType;
  /** Its shape. */
  shape: number[];
  /** Its stored value. */
  value: NDArray;
}

/** Every tensor of a checkpoint, as {@link inspectCheckpoint} returns it. */
export interface InspectedCheckpoint {
  /** The checkpoint prefix that was read. */
  prefix: string;
  /** Tensors in key order. */
  tensors: InspectedTensor[];
}

/**
 * A directory resolves to its latest checkpoint (through its `checkpoint` state file); anything else is
 * taken as a prefix. Like TF 1.x `tf.train.latest_checkpoint` applied to directories only.
 * @param prefixOrDir - A checkpoint prefix or a directory.
 * @returns The checkpoint prefix.
 * @throws `NotFoundError` when a directory has no valid state file.
 * @example
 * ```ts
 * import { resolveCheckpointPrefix } from "tensorlings/io";
 * const prefix = resolveCheckpointPrefix("/tmp/run"); // "/tmp/run/model.ckpt-1000"
 * ```
 */
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

/**
 * Reads every tensor of a checkpoint with its dtype, shape and value, as TF's `inspect_checkpoint` tool
 * lists them (tensorflow/python/tools/inspect_checkpoint.py, `print_tensors_in_checkpoint_file`).
 * @param prefixOrDir - A checkpoint prefix, or a directory holding a `checkpoint` state file.
 * @returns The prefix read and its tensors in key order.
 * @throws `NotFoundError` when the checkpoint or a directory's state file is missing.
 * @throws `DataLossError` when a file is corrupt (a CRC does not match).
 * @example
 * ```ts
 * const ckpt = tf.inspectCheckpoint("/tmp/my_model_final.ckpt");
 * const theta = ckpt.tensors.find((t) => t.key === "theta")?.value;
 * ```
 */
export function inspectCheckpoint(prefixOrDir: string): InspectedCheckpoint {
  const prefix = resolveCheckpointPrefix(prefixOrDir);
  const reader = new BundleReader(prefix);
  return {
    prefix,
    tensors: reader.keys().map((key) => ({ ...reader.info(key), value: reader.get(key) })),
  };
}

/**
 * Text in the style of TF's `inspect_checkpoint` tool: `tensor_name:  <key>` followed by the value
 * (tensorflow/python/tools/inspect_checkpoint.py, `print_tensors_in_checkpoint_file` with all tensors).
 * @param inspected - What {@link inspectCheckpoint} returned.
 * @returns The text, one block per tensor.
 * @example
 * ```ts
 * console.log(tf.formatCheckpoint(tf.inspectCheckpoint("/tmp/my_model_final.ckpt")));
 * ```
 */
export function formatCheckpoint(inspected: InspectedCheckpoint): string {
  return inspected.tensors.map((t) => `tensor_name:  ${t.key}\n${t.value.toString()}`).join("\n") + "\n";
}
