/**
 * The `checkpoint` state file (tensorflow/python/training/checkpoint_state.proto): a text-format
 * CheckpointState naming the latest checkpoint and the ones still kept, oldest first. Mirrors TF's helpers in
 * tensorflow/python/training/checkpoint_management.py.
 */
import * as fs from "fs";
import * as path from "path";
import { RuntimeError, ValueError } from "../base/errors";
import { writeFileAtomic } from "./atomicWrite";
import { indexFileName } from "./bundle/naming";

/**
 * The content of a `checkpoint` state file: TF's `CheckpointState` message
 * (tensorflow/python/training/checkpoint_state.proto).
 */
export interface CheckpointState {
  /** The latest checkpoint's prefix. */
  modelCheckpointPath: string;
  /** The checkpoints still kept, oldest first (the latest last). */
  allModelCheckpointPaths: string[];
  /** Seconds since the epoch, one per kept path (TF 1.12's Saver does not write them). */
  allModelCheckpointTimestamps?: number[];
  /** Seconds since the epoch of the last checkpoint kept by `keepCheckpointEveryNHours`. */
  lastPreservedTimestamp?: number;
}

export const DEFAULT_STATE_FILENAME = "checkpoint";

// ---------------------------------------------------------------- text format

/** Protobuf text-format escaping of a string's UTF-8 bytes (non-printable and non-ASCII bytes as octal). */
function escapeText(value: string): string {
  let out = "";
  for (const b of Buffer.from(value, "utf8")) {
    if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x22) out += '\\"';
    else if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += "\\\\";
    else if (b < 0x20 || b >= 0x7f) out += "\\" + b.toString(8).padStart(3, "0");
    else out += String.fromCharCode(b);
  }
  return out;
}

/** Python's `repr(float)` for the timestamp fields (shortest round-trip form). */
function formatDouble(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  return String(v);
}

/**
 * The protobuf text format of a state, as TF writes the `checkpoint` file (`text_format.MessageToString`
 * in tensorflow/python/training/checkpoint_management.py, `update_checkpoint_state_internal`).
 * @param state - The state to write.
 * @returns The file's text, one `field: value` per line.
 * @example
 * ```ts
 * import { formatCheckpointState } from "tensorlings/io";
 * const text = formatCheckpointState({
 *   modelCheckpointPath: "model.ckpt-2",
 *   allModelCheckpointPaths: ["model.ckpt-2"],
 * });
 * ```
 */
export function formatCheckpointState(state: CheckpointState): string {
  const lines = [`model_checkpoint_path: "${escapeText(state.modelCheckpointPath)}"`];
  for (const p of state.allModelCheckpointPaths) lines.push(`all_model_checkpoint_paths: "${escapeText(p)}"`);
  for (const t of state.allModelCheckpointTimestamps ?? [])
    lines.push(`all_model_checkpoint_timestamps: ${formatDouble(t)}`);
  if (state.lastPreservedTimestamp)
    lines.push(`last_preserved_timestamp: ${formatDouble(state.lastPreservedTimestamp)}`);
  return lines.join("\n") + "\n";
}

function unescapeText(body: string, where: string): string {
  const bytes: number[] = [];
  const simple: Record<string, number> = {
    n: 10,
    r: 13,
    t: 9,
    '"': 34,
    "'": 39,
    "\\": 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11,
    "?": 63,
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = body[++i];
    if (next in simple) bytes.push(simple[next]);
    else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (next === "x") {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (!hex) throw new ValueError(`Invalid escape in ${where}`);
      bytes.push(parseInt(hex[0], 16));
      i += hex[0].length;
    } else throw new ValueError(`Invalid escape \\${next} in ${where}`);
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * Parses the text format written by `formatCheckpointState` (and by TF's `text_format.Merge`).
 * @param text - The file's content.
 * @param where - Names the file in error messages.
 * @returns The state, or null on a syntax error (TF logs and ignores such a file).
 * @throws `ValueError` on an invalid escape inside a string.
 * @example
 * ```ts
 * import { parseCheckpointState } from "tensorlings/io";
 * const state = parseCheckpointState('model_checkpoint_path: "model.ckpt"\n');
 * ```
 */
export function parseCheckpointState(text: string, where = "checkpoint state"): CheckpointState | null {
  const state: CheckpointState = { modelCheckpointPath: "", allModelCheckpointPaths: [] };
  const field = /^\s*([a-z_]+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([-+0-9.eEinfINFa]+))\s*$/;
  try {
    for (const line of text.split("\n")) {
      if (line.trim() === "" || line.trim().startsWith("#")) continue;
      const m = field.exec(line);
      if (!m) return null;
      const [, name, dq, sq, num] = m;
      const str = dq ?? sq;
      if (name === "model_checkpoint_path" && str !== undefined)
        state.modelCheckpointPath = unescapeText(str, where);
      else if (name === "all_model_checkpoint_paths" && str !== undefined)
        state.allModelCheckpointPaths.push(unescapeText(str, where));
      else if (name === "all_model_checkpoint_timestamps" && num !== undefined)
        (state.allModelCheckpointTimestamps ??= []).push(Number(num));
      else if (name === "last_preserved_timestamp" && num !== undefined)
        state.lastPreservedTimestamp = Number(num);
      else return null;
    }
  } catch (e) {
    if (e instanceof ValueError) return null;
    throw e;
  }
  return state;
}

// ---------------------------------------------------------------- paths

/** Python's `os.path.join(dir, p)` for two parts: no normalisation, an absolute `p` wins. */
function pyJoin(dir: string, p: string): string {
  if (path.isAbsolute(p) || dir === "") return p;
  return dir.endsWith("/") ? dir + p : `${dir}/${p}`;
}

/** Python's `os.path.relpath(p, start)`: like path.relative, but "." for the same place. */
function pyRelpath(p: string, start: string): string {
  return path.relative(start || ".", p) || ".";
}

function stateFilePath(saveDir: string, latestFilename: string): string {
  return pyJoin(saveDir, latestFilename);
}

// ---------------------------------------------------------------- update / get

/** Keyword arguments of `updateCheckpointState` (TF 1.x `update_checkpoint_state`). */
export interface UpdateCheckpointStateOptions {
  /** Kept checkpoints, oldest first; the latest is appended when it is not already last. */
  allModelCheckpointPaths?: string[];
  /** Seconds since the epoch, one per kept path. */
  allModelCheckpointTimestamps?: number[];
  /** Seconds since the epoch of the last checkpoint kept by `keepCheckpointEveryNHours`. */
  lastPreservedTimestamp?: number;
  /** Name of the state file in `saveDir` (default `checkpoint`). */
  latestFilename?: string;
  /** Store every path relative to `saveDir` (Saver's `save_relative_paths`). */
  saveRelativePaths?: boolean;
}

/**
 * Build the state TF would write for a save into `saveDir`: when `saveDir` is relative, relative
 * paths are rewritten relative to it (`./my_model` saved from `.` is stored as `my_model`).
 * Mirrors TF 1.x `generate_checkpoint_state_proto` (tensorflow/python/training/checkpoint_management.py).
 * @param saveDir - The directory of the state file.
 * @param modelCheckpointPath - The latest checkpoint's prefix.
 * @param options - See {@link UpdateCheckpointStateOptions}.
 * @returns The state to write.
 * @example
 * ```ts
 * import { generateCheckpointState } from "tensorlings/io";
 * const state = generateCheckpointState(".", "./my_model"); // modelCheckpointPath "my_model"
 * ```
 */
export function generateCheckpointState(
  saveDir: string,
  modelCheckpointPath: string,
  options: UpdateCheckpointStateOptions = {},
): CheckpointState {
  let latest = modelCheckpointPath;
  const all = [...(options.allModelCheckpointPaths ?? [])];
  if (all.length === 0 || all[all.length - 1] !== latest) all.push(latest);
  if (!path.isAbsolute(saveDir)) {
    if (!path.isAbsolute(latest)) latest = pyRelpath(latest, saveDir);
    for (let i = 0; i < all.length; i++) if (!path.isAbsolute(all[i])) all[i] = pyRelpath(all[i], saveDir);
  }
  const state: CheckpointState = { modelCheckpointPath: latest, allModelCheckpointPaths: all };
  if (options.allModelCheckpointTimestamps)
    state.allModelCheckpointTimestamps = [...options.allModelCheckpointTimestamps];
  if (options.lastPreservedTimestamp !== undefined)
    state.lastPreservedTimestamp = options.lastPreservedTimestamp;
  return state;
}

/**
 * Writes `<saveDir>/checkpoint` atomically (temporary file + rename), as `Saver.save` does.
 * Mirrors TF 1.x `tf.train.update_checkpoint_state(save_dir, model_checkpoint_path,
 * all_model_checkpoint_paths=None, latest_filename=None, ...)`
 * (tensorflow/python/training/checkpoint_management.py, `update_checkpoint_state`).
 * @param saveDir - The directory of the state file.
 * @param modelCheckpointPath - The latest checkpoint's prefix.
 * @param options.allModelCheckpointPaths - The kept checkpoints, oldest first.
 * @param options.allModelCheckpointTimestamps - Their save times.
 * @param options.lastPreservedTimestamp - Time of the last checkpoint kept for good.
 * @param options.latestFilename - Name of the state file (`checkpoint`).
 * @param options.saveRelativePaths - Store paths relative to `saveDir`.
 * @returns The state written.
 * @throws `RuntimeError` when the checkpoint path is the state file's own path.
 * @example
 * ```ts
 * tf.train.updateCheckpointState("/tmp/run", "/tmp/run/model.ckpt-1000");
 * ```
 */
export function updateCheckpointState(
  saveDir: string,
  modelCheckpointPath: string,
  options: UpdateCheckpointStateOptions = {},
): CheckpointState {
  const latestFilename = options.latestFilename ?? DEFAULT_STATE_FILENAME;
  const file = stateFilePath(saveDir, latestFilename);
  let state: CheckpointState;
  if (options.saveRelativePaths) {
    const rel = (p: string) => (path.isAbsolute(p) ? pyRelpath(p, saveDir) : p);
    state = generateCheckpointState(saveDir, rel(modelCheckpointPath), {
      ...options,
      allModelCheckpointPaths: options.allModelCheckpointPaths?.map(rel),
    });
  } else {
    state = generateCheckpointState(saveDir, modelCheckpointPath, options);
  }
  if (file === state.modelCheckpointPath) {
    throw new RuntimeError(
      `Save path '${modelCheckpointPath}' conflicts with path used for checkpoint state.  Please use a different save path.`,
    );
  }
  writeFileAtomic(file, formatCheckpointState(state));
  return state;
}

/**
 * Reads `<checkpointDir>/checkpoint`; relative paths come back joined to `checkpointDir`.
 * Mirrors TF 1.x `tf.train.get_checkpoint_state(checkpoint_dir, latest_filename=None)`
 * (tensorflow/python/training/checkpoint_management.py, `get_checkpoint_state`).
 * @param checkpointDir - The directory of the state file.
 * @param latestFilename - Name of the state file (`checkpoint`).
 * @returns The state, or null when the file is missing, unreadable or not valid text format.
 * @throws `ValueError` when the file names no checkpoint.
 * @example
 * ```ts
 * const state = tf.train.getCheckpointState("/tmp/run");
 * const kept = state?.allModelCheckpointPaths ?? [];
 * ```
 */
export function getCheckpointState(
  checkpointDir: string,
  latestFilename = DEFAULT_STATE_FILENAME,
): CheckpointState | null {
  const file = stateFilePath(checkpointDir, latestFilename);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const state = parseCheckpointState(text, file);
  if (!state) return null;
  if (!state.modelCheckpointPath)
    throw new ValueError(`Invalid checkpoint state loaded from ${checkpointDir}`);
  state.modelCheckpointPath = pyJoin(checkpointDir, state.modelCheckpointPath);
  state.allModelCheckpointPaths = state.allModelCheckpointPaths.map((p) => pyJoin(checkpointDir, p));
  return state;
}

/**
 * The prefix of the latest checkpoint in `checkpointDir`, or null when there is none whose `.index` exists.
 * Mirrors TF 1.x `tf.train.latest_checkpoint(checkpoint_dir, latest_filename=None)`
 * (tensorflow/python/training/checkpoint_management.py, `latest_checkpoint`).
 * @param checkpointDir - The directory of the state file.
 * @param latestFilename - Name of the state file (`checkpoint`).
 * @returns The prefix, or null.
 * @throws `ValueError` when the state file names no checkpoint.
 * @example
 * ```ts
 * const prefix = tf.train.latestCheckpoint("/tmp/run"); // "/tmp/run/model.ckpt-1000"
 * ```
 */
export function latestCheckpoint(
  checkpointDir: string,
  latestFilename = DEFAULT_STATE_FILENAME,
): string | null {
  const state = getCheckpointState(checkpointDir, latestFilename);
  if (state && state.modelCheckpointPath && fs.existsSync(indexFileName(state.modelCheckpointPath))) {
    return state.modelCheckpointPath;
  }
  return null;
}
