/**
 * Reads event files and log directories the way TensorBoard does (`EventAccumulator`,
 * tensorboard/backend/event_processing/event_accumulator.py), for tests, the
 * grader and the curve and graph viewers.
 */
import * as fs from "fs";
import * as path from "path";
import type { GraphDefLike } from "../base/graphdef";
import { EventProto, HistogramProto, decodeEvent } from "./proto/event";
import { decodeGraphDef } from "./proto/graph";
import { decodeMetaGraphDef } from "./proto/metagraph";
import { readRecords } from "./tfrecord";

/** One value of a scalar summary, as TensorBoard's `ScalarEvent` holds it. */
export interface ScalarPoint {
  /** The global step it was added with. */
  step: number;
  /** Seconds since the epoch when it was written. */
  wallTime: number;
  /** The value. */
  value: number;
}

/** One value of a histogram summary, as TensorBoard's `HistogramEvent` holds it. */
export interface HistogramPoint {
  /** The global step it was added with. */
  step: number;
  /** Seconds since the epoch when it was written. */
  wallTime: number;
  /** The buckets. */
  histo: HistogramProto;
}

/** One run of a log directory: a directory holding event files, with what they record. */
export interface Run {
  /** Path of the run directory relative to the log directory ("." for the log directory itself). */
  name: string;
  /** The run directory. */
  dir: string;
  /** Its event files, in name (= creation time) order. */
  files: string[];
  /** The scalar values by tag, in file order. */
  scalars: Map<string, ScalarPoint[]>;
  /** The histogram values by tag, in file order. */
  histograms: Map<string, HistogramPoint[]>;
  /** From the last `graph_def` event, else from the graph inside the last `meta_graph_def` event. */
  graph?: GraphDefLike;
}

/**
 * All complete events of one file (an unfinished last record is ignored), like TF 1.x
 * `tf.train.summary_iterator(path)` (tensorflow/python/summary/summary_iterator.py).
 * @param file - The event file.
 * @returns The decoded events, the `file_version` one first.
 * @throws `DataLossError` when a CRC does not match.
 * @throws Error (a Node.js system error) when the file cannot be read.
 * @example
 * ```ts
 * const events = tf.readEventFile("tf_logs/run-1/events.out.tfevents.1599759586.laptop");
 * const steps = events.map((e) => e.step);
 * ```
 */
export function readEventFile(file: string): EventProto[] {
  return readRecords(fs.readFileSync(file), file).map(decodeEvent);
}

/**
 * TensorBoard's test for an event file: its name contains `tfevents`
 * (tensorboard/backend/event_processing/io_wrapper.py, `IsTensorFlowEventsFile`).
 * @param name - A file name or path.
 * @returns Whether TensorBoard would read it.
 * @example
 * ```ts
 * import { isEventFile } from "tensorlings/io";
 * const yes = isEventFile("events.out.tfevents.1599759586.laptop");
 * ```
 */
export function isEventFile(name: string): boolean {
  return path.basename(name).includes("tfevents");
}

/**
 * Reads a log directory as TensorBoard does: every directory under (and including) `logdir` that holds an
 * event file is a run (tensorboard/backend/event_processing/plugin_event_multiplexer.py,
 * `AddRunsFromDirectory`, and event_accumulator.py).
 * @param logdir - The log directory.
 * @returns The runs, with their scalars, histograms and graph.
 * @throws `DataLossError` when an event file is corrupt.
 * @example
 * ```ts
 * const [run] = tf.readLogdir("tf_logs");
 * const mse = run?.scalars.get("MSE") ?? [];
 * ```
 */
export function readLogdir(logdir: string): Run[] {
  const runs: Run[] = [];
  const visit = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && isEventFile(e.name))
      .map((e) => path.join(dir, e.name))
      .sort();
    if (files.length > 0) runs.push(readRun(path.relative(logdir, dir) || ".", dir, files));
    for (const e of entries) if (e.isDirectory()) visit(path.join(dir, e.name));
  };
  visit(logdir);
  return runs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readRun(name: string, dir: string, files: string[]): Run {
  const run: Run = { name, dir, files, scalars: new Map(), histograms: new Map() };
  let graphBytes: Uint8Array | undefined;
  let metaGraphBytes: Uint8Array | undefined;
  const push = <T>(map: Map<string, T[]>, tag: string, point: T) => {
    const list = map.get(tag);
    if (list) list.push(point);
    else map.set(tag, [point]);
  };
  for (const file of files) {
    for (const event of readEventFile(file)) {
      const { step, wallTime } = event;
      if (event.graphDef) graphBytes = event.graphDef;
      if (event.metaGraphDef) metaGraphBytes = event.metaGraphDef;
      for (const v of event.summary?.value ?? []) {
        if (v.simpleValue !== undefined) push(run.scalars, v.tag, { step, wallTime, value: v.simpleValue });
        else if (v.histo) push(run.histograms, v.tag, { step, wallTime, histo: v.histo });
        else if (v.tensor && v.tensor.size === 1 && v.tensor.dtype.isNumeric) {
          push(run.scalars, v.tag, { step, wallTime, value: Number(v.tensor.data[0]) });
        }
      }
    }
  }
  if (graphBytes) run.graph = decodeGraphDef(graphBytes);
  else if (metaGraphBytes) run.graph = decodeMetaGraphDef(metaGraphBytes).graphDef;
  return run;
}
