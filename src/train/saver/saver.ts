/**
 * `tf.train.Saver` (class `Saver`, tensorflow/python/training/saver.py): saves variables to checkpoint V2
 * files and restores them, keeps the `checkpoint` state file and the `.meta` graph, and rotates old
 * checkpoints (`maxToKeep`).
 *
 * Order of a save: the save op writes `prefix.data-*` and `prefix.index` (crash-safe, see
 * checkpointFiles.ts), then `prefix.meta` is written, then the state file names the new prefix,
 * then checkpoints past `maxToKeep` are deleted. TF writes the `.meta` last; writing it before the
 * state file means that whatever the state file names is complete, `.meta` included, when a
 * process is killed in the middle of a save.
 */
import { optionalArgs } from "../../base/optionalArgs";
import * as fs from "fs";
import * as path from "path";
import { getDefaultGraph, type GraphImpl } from "../../graph/graph";
import { Tensor } from "../../graph/tensor";
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  OpError,
  ValueError,
} from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { SessionImpl } from "../../runtime/session";
import { checkpointExists, updateCheckpointState, type SaverDefProto } from "../../io";
import { removeCheckpointFiles, removeStaleFileTemps, removeStaleTemps } from "../../io/checkpointFiles";
import { logInfo, logWarning } from "../../base/logging";
import { exportMetaGraph, type MetaGraphOptions } from "./metaGraphExport";
import { saveablesFrom, type VarList } from "./saveables";
import { buildSaverGraph } from "./saverGraph";

/** Keyword arguments of `tf.train.Saver` (TF 1.x `Saver.__init__`, tensorflow/python/training/saver.py). */
export interface SaverOptions {
  /** Checkpoints to keep (default 5); 0 or null keeps every one. */
  maxToKeep?: number | null;
  /** Also keep one checkpoint every this many hours (default 10000). */
  keepCheckpointEveryNHours?: number;
  /** Name scope of the saver's ops (default `save`). */
  name?: string;
  /** Store paths relative to the save directory in the state file. */
  saveRelativePaths?: boolean;
  /** `path-00000042` instead of `path-42`. */
  padStepNumber?: boolean;
  /** Default value of the filename tensor (default `model`). */
  filename?: string;
  /** With no variables, build nothing and make save/restore do nothing instead of raising. */
  allowEmpty?: boolean;
  /** Reuse the ops an existing SaverDef names (as `importMetaGraph` does) instead of building new ones. */
  saverDef?: SaverDefProto;
}

/** Keyword arguments of `Saver.save` (TF 1.x `Saver.save`, tensorflow/python/training/saver.py). */
export interface SaveOptions {
  /** Appended to the path as `-<step>`: a number, or a tensor/variable evaluated in `sess`. */
  globalStep?: number | Tensor | null;
  /** Name of the state file (default `checkpoint`); no path components. */
  latestFilename?: string;
  /** Extension of the meta-graph file (default `meta`). */
  metaGraphSuffix?: string;
  /** Write `<prefix>.meta` (default true). */
  writeMetaGraph?: boolean;
  /** Update the state file and rotate old checkpoints (default true). */
  writeState?: boolean;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  "maxToKeep",
  "keepCheckpointEveryNHours",
  "name",
  "saveRelativePaths",
  "padStepNumber",
  "filename",
  "allowEmpty",
  "saverDef",
]);

const utf8 = new TextDecoder();

/** TF 1.12's wording when a restore fails because the graph and the checkpoint disagree. */
function wrapRestoreError(err: OpError, cause: string): OpError {
  const message =
    `Restoring from checkpoint failed. This is most likely due to ${cause} from the checkpoint. ` +
    `Please ensure that you have not altered the graph expected based on the checkpoint. Original error:\n\n${err.message}`;
  const Cls = err.constructor as new (message: string, nodeName?: string) => OpError;
  return new Cls(message, err.nodeName);
}

interface Kept {
  path: string;
  /** Seconds since the epoch when it was saved. */
  time: number;
}

/**
 * The saver {@link Saver} returns: the save and restore ops it added to the graph (described by its
 * SaverDef), and the list of checkpoints it keeps. Mirrors TF 1.x `tf.train.Saver`
 * (tensorflow/python/training/saver.py, class `Saver`).
 * @example
 * ```ts
 * const theta = tf.Variable(tf.zeros([2, 1]), { name: "theta" });
 * const saver: tf.train.SaverImpl = tf.train.Saver();
 * ```
 */
export class SaverImpl {
  /** The names of the saver's ops and its settings (TF's `SaverDef` proto). */
  readonly saverDef: SaverDefProto;
  /** The graph the saver's ops live in (the default graph when it was built). */
  readonly graph: GraphImpl;
  private readonly isEmpty: boolean;
  private readonly saveRelativePaths: boolean;
  private readonly padStepNumber: boolean;
  private lastKept: Kept[] = [];
  private toDelete: Kept[] = [];
  private nextKeepTime: number;

  /**
   * Builds the save/restore ops under `save/` (or reuses those of `options.saverDef`).
   * @param varList - The variables to save: a list, a `{ name: variable }` object, or all saveable ones.
   * @param options - See {@link SaverOptions}.
   * @throws {@link ValueError} when there is nothing to save and `allowEmpty` is not set.
   */
  constructor(varList?: VarList | null, options: SaverOptions = {}) {
    this.graph = getDefaultGraph();
    this.saveRelativePaths = options.saveRelativePaths ?? false;
    this.padStepNumber = options.padStepNumber ?? false;
    const maxToKeep = options.maxToKeep ?? (options.maxToKeep === null ? 0 : 5);
    const keepHours = options.keepCheckpointEveryNHours ?? 10000;
    if (options.saverDef) {
      this.saverDef = checkSaverDef(options.saverDef);
      this.isEmpty = false;
    } else {
      const saveables = saveablesFrom(varList, this.graph);
      this.isEmpty = saveables.length === 0;
      if (this.isEmpty && !options.allowEmpty) throw new ValueError("No variables to save");
      this.saverDef = this.isEmpty
        ? emptySaverDef(maxToKeep, keepHours)
        : buildSaverGraph(saveables, {
            name: options.name,
            filename: options.filename,
            maxToKeep,
            keepCheckpointEveryNHours: keepHours,
          });
    }
    this.nextKeepTime = Date.now() / 1000 + this.saverDef.keepCheckpointEveryNHours * 3600;
  }

  /**
   * Kept checkpoint prefixes, oldest first. Mirrors TF 1.x `Saver.last_checkpoints`
   * (tensorflow/python/training/saver.py).
   */
  get lastCheckpoints(): string[] {
    return this.lastKept.map((k) => k.path);
  }

  /**
   * Replaces the list of kept checkpoints (e.g. from a previous run's state file). Mirrors TF 1.x
   * `Saver.set_last_checkpoints(last_checkpoints)` (tensorflow/python/training/saver.py).
   * @param paths - Checkpoint prefixes, oldest first.
   */
  setLastCheckpoints(paths: readonly string[]): void {
    this.lastKept = paths.map((p) => ({ path: p, time: Date.now() / 1000 }));
  }

  /**
   * Like `setLastCheckpoints`, with the time each was saved (seconds since the epoch). Mirrors TF 1.x
   * `Saver.set_last_checkpoints_with_time(last_checkpoints_with_time)` (tensorflow/python/training/saver.py).
   * @param entries - [prefix, seconds] pairs, oldest first.
   */
  setLastCheckpointsWithTime(entries: readonly [string, number][]): void {
    this.lastKept = entries.map(([p, time]) => ({ path: p, time }));
  }

  /**
   * Takes over checkpoints written earlier (those whose files still exist), so rotation deletes them in
   * turn. Mirrors TF 1.x `Saver.recover_last_checkpoints(checkpoint_paths)`
   * (tensorflow/python/training/saver.py).
   * @param paths - Checkpoint prefixes, oldest first (e.g. a state file's `allModelCheckpointPaths`).
   */
  recoverLastCheckpoints(paths: readonly string[]): void {
    const now = Date.now() / 1000;
    const existing = paths.filter((p) => checkpointExists(p));
    this.lastKept = existing.map((p) => {
      let time = now;
      try {
        time = fs.statSync(`${p}.index`).mtimeMs / 1000;
      } catch {
        // keep "now"
      }
      return { path: p, time };
    });
  }

  /**
   * Writes the variables' values in `sess` to a checkpoint, then its `.meta` graph and the state file, and
   * deletes checkpoints past `maxToKeep`. Mirrors TF 1.x `saver.save(sess, save_path, global_step=None,
   * latest_filename=None, meta_graph_suffix="meta", write_meta_graph=True, write_state=True)`
   * (tensorflow/python/training/saver.py, `Saver.save`).
   * @param sess - The session holding the values.
   * @param savePath - Checkpoint prefix, e.g. `/tmp/my_model.ckpt`.
   * @param options.latestFilename - Name of the state file (`checkpoint`).
   * @param options.metaGraphSuffix - Extension of the meta-graph file (`meta`).
   * @param options.writeMetaGraph - Write the `.meta` file (true).
   * @param options.writeState - Update the state file and rotate (true).
   * @returns The checkpoint prefix written (`save_path` or `save_path-<step>`), or null for an empty saver.
   * @throws {@link ValueError} when the parent directory does not exist, or `latestFilename` is invalid.
   * @throws TypeError when `sess` is not a session or `savePath` is not a non-empty string.
   * @example
   * ```ts
   * const theta = tf.Variable(tf.zeros([2, 1]), { name: "theta" });
   * const saver = tf.train.Saver();
   * tf.withSession(tf.Session(), (sess) => {
   *   sess.run(tf.globalVariablesInitializer());
   *   const prefix = saver.save(sess, "/tmp/my_model.ckpt", 100); // "/tmp/my_model.ckpt-100"
   * });
   * ```
   */
  save(sess: SessionImpl, savePath: string, options?: SaveOptions): string | null;
  /**
   * The same, with the global step second: `saver.save(sess, "/tmp/model.ckpt", 1000)`.
   * @param sess - The session holding the values.
   * @param savePath - Checkpoint prefix.
   * @param globalStep - Appended as `-<step>`: a number, or a tensor/variable evaluated in `sess`.
   * @param options - As in the first form.
   * @returns The checkpoint prefix written.
   */
  save(sess: SessionImpl, savePath: string, globalStep: number | Tensor | null | undefined, options?: SaveOptions): string | null;
  save(sess: SessionImpl, savePath: string, ...rest: unknown[]): string | null {
    const parsed = optionalArgs<SaveOptions>({ fn: "Saver.save", names: ["globalStep"] }, rest);
    const options: SaveOptions = { ...parsed.options, globalStep: (parsed.values[0] as number | Tensor | undefined) ?? parsed.options.globalStep };
    const latestFilename = options.latestFilename ?? "checkpoint";
    const metaSuffix = options.metaGraphSuffix ?? "meta";
    if (path.basename(latestFilename) !== latestFilename) {
      throw new ValueError("'latest_filename' must not contain path components");
    }
    if (!(sess instanceof SessionImpl)) throw new TypeError(`'sess' must be a Session; ${String(sess)}`);
    if (typeof savePath !== "string" || savePath === "") {
      throw new TypeError(`save_path must be a non-empty string, got ${String(savePath)}`);
    }
    let checkpointFile = savePath;
    if (options.globalStep !== undefined && options.globalStep !== null) {
      const step = this.stepValue(sess, options.globalStep);
      checkpointFile = this.padStepNumber
        ? `${savePath}-${String(step).padStart(8, "0")}`
        : `${savePath}-${step}`;
    } else if (path.basename(savePath) === latestFilename) {
      throw new ValueError(
        `'latest_filename' collides with 'save_path': '${latestFilename}' and '${savePath}'`,
      );
    }
    const saveDir = pyDirname(savePath);
    if (this.isEmpty) {
      if (options.writeMetaGraph ?? true) this.writeMeta(sess, `${checkpointFile}.${metaSuffix}`);
      return null;
    }

    let modelCheckpointPath: string;
    try {
      const feed = new Map([[sess.graph.getTensorByName(this.saverDef.filenameTensorName), checkpointFile]]);
      const result = sess.run(this.saverDef.saveTensorName, feed as never) as NDArray;
      modelCheckpointPath = utf8.decode((result.data as Uint8Array[])[0]);
    } catch (e) {
      if (
        (e instanceof NotFoundError || e instanceof FailedPreconditionError) &&
        !isDirectory(saveDir || ".")
      ) {
        throw new ValueError(`Parent directory of ${savePath} doesn't exist, can't save.`);
      }
      throw e;
    }
    removeStaleTemps(modelCheckpointPath, [metaSuffix]);
    if (options.writeMetaGraph ?? true) this.writeMeta(sess, `${checkpointFile}.${metaSuffix}`);
    if (options.writeState ?? true) {
      this.recordLastCheckpoint(modelCheckpointPath);
      removeStaleFileTemps(path.join(saveDir || ".", latestFilename));
      updateCheckpointState(saveDir, modelCheckpointPath, {
        allModelCheckpointPaths: this.lastCheckpoints,
        latestFilename,
        saveRelativePaths: this.saveRelativePaths,
      });
      this.deleteOldCheckpoints(metaSuffix);
    }
    return modelCheckpointPath;
  }

  /**
   * Runs the restore op on the checkpoint `save_path`, logging
   * `INFO:tensorflow:Restoring parameters from <path>` to stderr as TF does.
   * Mirrors TF 1.x `saver.restore(sess, save_path)` (tensorflow/python/training/saver.py, `Saver.restore`).
   * @param sess - The session whose variables receive the values.
   * @param savePath - A checkpoint prefix, e.g. from `tf.train.latestCheckpoint`.
   * @throws {@link ValueError} when `savePath` is null or names no checkpoint.
   * @throws {@link NotFoundError} when a variable is missing from the checkpoint.
   * @throws {@link InvalidArgumentError} when the graph and the checkpoint disagree (shape or dtype).
   * @example
   * ```ts
   * const theta = tf.Variable(tf.zeros([2, 1]), { name: "theta" });
   * const saver = tf.train.Saver();
   * tf.withSession(tf.Session(), (sess) => saver.restore(sess, "/tmp/my_model_final.ckpt"));
   * ```
   */
  restore(sess: SessionImpl, savePath: string | null | undefined): void {
    if (this.isEmpty) return;
    if (savePath === null || savePath === undefined)
      throw new ValueError("Can't load save_path when it is None.");
    if (!checkpointExists(savePath)) {
      throw new ValueError(`The passed save_path is not a valid checkpoint: ${savePath}`);
    }
    logInfo(`Restoring parameters from ${savePath}`);
    try {
      const feed = new Map([[sess.graph.getTensorByName(this.saverDef.filenameTensorName), savePath]]);
      sess.run(this.saverDef.restoreOpName, feed as never);
    } catch (e) {
      if (e instanceof NotFoundError)
        throw wrapRestoreError(e, "a Variable name or other graph key that is missing");
      if (e instanceof InvalidArgumentError) {
        throw wrapRestoreError(e, "a mismatch between the current graph and the graph");
      }
      throw e;
    }
  }

  /**
   * The default graph as a MetaGraphDef carrying this saver's SaverDef, written to `filename` when given.
   * Mirrors TF 1.x `saver.export_meta_graph(filename=None, ...)` (tensorflow/python/training/saver.py,
   * `Saver.export_meta_graph`).
   * @param filename - File to write, or null to only return the proto.
   * @param options - See `tf.train.exportMetaGraph`.
   * @returns The MetaGraphDef.
   * @example
   * ```ts
   * const v = tf.Variable(1.0);
   * const meta = tf.train.Saver().exportMetaGraph(null);
   * ```
   */
  exportMetaGraph(
    filename?: string | null,
    options: Omit<MetaGraphOptions, "saverDef"> = {},
  ): ReturnType<typeof exportMetaGraph> {
    return exportMetaGraph(filename, { ...options, saverDef: this.isEmpty ? undefined : this.saverDef });
  }

  /**
   * The SaverDef describing this saver's ops. Mirrors TF 1.x `Saver.as_saver_def`.
   * @returns The same object as {@link SaverImpl.saverDef}.
   * @example
   * ```ts
   * const v = tf.Variable(1.0);
   * const restoreOp = tf.train.Saver().asSaverDef().restoreOpName; // "save/restore_all"
   * ```
   */
  asSaverDef(): SaverDefProto {
    return this.saverDef;
  }

  /** A short description naming the restore op, like Python's repr. */
  toString(): string {
    return `<tensorlings.train.Saver restore_op='${this.saverDef.restoreOpName}'>`;
  }

  private writeMeta(sess: SessionImpl, file: string): void {
    sess.graph.asDefault(() => this.exportMetaGraph(file, { graph: sess.graph }));
  }

  private stepValue(sess: SessionImpl, step: number | Tensor): number {
    const value = step instanceof Tensor ? Number((sess.run(step) as NDArray).item()) : step;
    if (!Number.isFinite(value)) throw new TypeError(`global_step must be an integer, got ${String(step)}`);
    return Math.trunc(value);
  }

  /** TF's `_RecordLastCheckpoint`: move `p` to the end of the kept list; the overflow waits for deletion. */
  private recordLastCheckpoint(p: string): void {
    if (!this.saverDef.maxToKeep) return;
    this.lastKept = this.lastKept.filter((k) => k.path !== p);
    this.lastKept.push({ path: p, time: Date.now() / 1000 });
    if (this.lastKept.length > this.saverDef.maxToKeep) this.toDelete.push(this.lastKept.shift()!);
  }

  /** TF's `_MaybeDeleteOldCheckpoints`: delete the oldest overflow, unless it falls on a keep-every-N-hours mark. */
  private deleteOldCheckpoints(metaSuffix: string): void {
    const p = this.toDelete.shift();
    if (!p) return;
    if (p.time > this.nextKeepTime) {
      this.nextKeepTime += this.saverDef.keepCheckpointEveryNHours * 3600;
      return;
    }
    try {
      removeCheckpointFiles(p.path, metaSuffix);
    } catch (e) {
      logWarning(`Ignoring: ${(e as Error).message}`);
    }
  }
}

/** Python's `os.path.dirname`: "" for a bare file name, "." only when the path says so. */
function pyDirname(p: string): string {
  const head = p.slice(0, p.lastIndexOf("/") + 1);
  return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, "") : head;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function checkSaverDef(def: SaverDefProto): SaverDefProto {
  if (!def.saveTensorName)
    throw new ValueError(`saver_def must specify the save_tensor_name: ${JSON.stringify(def)}`);
  if (!def.restoreOpName)
    throw new ValueError(`saver_def must specify the restore_op_name: ${JSON.stringify(def)}`);
  return def;
}

function emptySaverDef(maxToKeep: number, keepHours: number): SaverDefProto {
  return {
    filenameTensorName: "",
    saveTensorName: "",
    restoreOpName: "",
    maxToKeep,
    sharded: false,
    keepCheckpointEveryNHours: keepHours,
    version: 2,
  };
}

function looksLikeOptions(arg: unknown): arg is SaverOptions {
  if (arg === null || typeof arg !== "object" || Array.isArray(arg)) return false;
  const keys = Object.keys(arg);
  return keys.length > 0 && keys.every((k) => OPTION_KEYS.has(k));
}

/**
 * Creates a saver, called without `new`: `Saver()`, `Saver([theta])`, `Saver({ weights: theta })`,
 * `Saver(null, { maxToKeep: 3 })` (or just `Saver({ maxToKeep: 3 })`).
 * Mirrors TF 1.x `tf.train.Saver(var_list=None, max_to_keep=5, keep_checkpoint_every_n_hours=10000.0, ...)`
 * (tensorflow/python/training/saver.py, `Saver.__init__`).
 * @param options.maxToKeep - Checkpoints to keep (5); 0 or null keeps every one.
 * @param options.keepCheckpointEveryNHours - Also keep one checkpoint every this many hours.
 * @param options.name - Name scope of the saver's ops (`save`).
 * @param options.saveRelativePaths - Store relative paths in the state file.
 * @param options.padStepNumber - Pad the step to 8 digits.
 * @param options.filename - Default value of the filename tensor (`model`).
 * @param options.allowEmpty - Allow a saver with nothing to save.
 * @param options.saverDef - Reuse the ops an existing SaverDef names.
 * @returns A {@link SaverImpl}.
 * @throws {@link ValueError} when there are no variables to save (and `allowEmpty` is not set).
 * @example
 * ```ts
 * const theta = tf.Variable(tf.zeros([9, 1]), { name: "theta" });
 * const saver = tf.train.Saver({ weights: theta });
 * ```
 */
export function Saver(options?: SaverOptions): SaverImpl;
/**
 * The same, with the variables to save first: `Saver([theta])`, `Saver({ weights: theta }, { maxToKeep: 3
 * })`.
 * @param varList - A list of variables, a `{ name: variable }` object, or null for all of them.
 * @param options - As in the first form.
 * @returns A {@link SaverImpl}.
 * @throws {@link ValueError} when there are no variables to save.
 */
export function Saver(varList: VarList | null | undefined, options?: SaverOptions): SaverImpl;
export function Saver(...args: unknown[]): SaverImpl {
  const { values, options } = optionalArgs<SaverOptions>(SAVER_ARGS, args);
  return new SaverImpl(values[0] as VarList | undefined, options);
}
/** A `{ name: variable }` var list is a plain object too: it is one unless every key is an option's. */
const SAVER_ARGS = { fn: "tf.train.Saver", names: ["varList"], objectParam: { varList: (v: object) => !looksLikeOptions(v) } };
/** The type of the savers {@link Saver} returns. */
export type Saver = SaverImpl;
