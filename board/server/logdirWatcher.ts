/**
 * Keeps the runs of a log directory in memory and follows them while training writes: each
 * `refresh()` finds new runs and event files and reads only the records appended since the last
 * call (a half-written last record waits for the next one).
 */
import * as fs from "fs";
import * as path from "path";
import { RecordFileReader, decodeEvent, decodeGraphDef, decodeMetaGraphDef, isEventFile, scanRecords } from "../../src/io";
import type { ScalarPoint } from "../../src/io";
import type { GraphDefLike } from "../../src/base/graphdef";
import type { RunInfo, RunsResponse } from "../shared/apiTypes";
import { oneRunName } from "../shared/runName";

export interface RunState {
  name: string;
  readers: Map<string, RecordFileReader>;
  /** Files with a corrupted record: not read any further. */
  damaged: Set<string>;
  scalars: Map<string, ScalarPoint[]>;
  /** Latest `graph_def` bytes, else the latest `meta_graph_def` bytes (TensorBoard's choice). */
  graphBytes?: { bytes: Uint8Array; meta: boolean };
  graphVersion: number;
  graph?: { version: number; def: GraphDefLike };
  error?: string;
}

export class LogdirWatcher {
  private readonly runs = new Map<string, RunState>();
  private lastRefresh = -Infinity;
  private error: string | undefined;

  /** `minIntervalMs`: refreshes asked for sooner than this after the last one do nothing. */
  constructor(
    readonly logdir: string,
    private readonly minIntervalMs = 500,
  ) {}

  refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastRefresh < this.minIntervalMs) return;
    this.lastRefresh = now;
    try {
      if (!fs.statSync(this.logdir).isDirectory()) throw new Error(`not a directory: ${this.logdir}`);
      this.error = undefined;
    } catch (e) {
      this.error = (e as NodeJS.ErrnoException).code === "ENOENT" ? `log directory not found: ${this.logdir}` : String((e as Error).message);
      return;
    }
    const seen = new Set<string>();
    this.scan(this.logdir, seen);
    for (const name of [...this.runs.keys()]) if (!seen.has(name)) this.runs.delete(name);
  }

  summary(): RunsResponse {
    const runs: RunInfo[] = [...this.runs.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((r) => ({
        name: r.name,
        graphVersion: r.graphVersion,
        tags: [...r.scalars].map(([tag, points]) => ({ tag, points: points.length, lastStep: points[points.length - 1].step })),
        ...(r.error ? { error: r.error } : {}),
      }));
    return { logdir: this.logdir, runs, ...(this.error ? { error: this.error } : {}) };
  }

  run(name: string): RunState | undefined {
    return this.runs.get(name);
  }

  /** The run's graph, decoded once per new graph event. */
  graph(run: RunState): GraphDefLike | undefined {
    if (!run.graphBytes) return undefined;
    if (run.graph?.version !== run.graphVersion) {
      const { bytes, meta } = run.graphBytes;
      run.graph = { version: run.graphVersion, def: (meta ? decodeMetaGraphDef(bytes).graphDef : decodeGraphDef(bytes)) ?? { nodes: [], producer: 0 } };
    }
    return run.graph.def;
  }

  private scan(dir: string, seen: Set<string>): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // removed while we looked
    }
    const files = entries.filter((e) => e.isFile() && isEventFile(e.name)).map((e) => e.name).sort();
    if (files.length > 0) {
      const name = path.relative(this.logdir, dir).split(path.sep).join("/") || oneRunName(this.logdir);
      seen.add(name);
      this.readRun(name, dir, files);
    }
    for (const e of entries) if (e.isDirectory()) this.scan(path.join(dir, e.name), seen);
  }

  private readRun(name: string, dir: string, files: string[]): void {
    let run = this.runs.get(name);
    if (!run) {
      run = { name, readers: new Map(), damaged: new Set(), scalars: new Map(), graphVersion: 0 };
      this.runs.set(name, run);
    }
    for (const file of files) {
      if (run.damaged.has(file)) continue;
      let reader = run.readers.get(file);
      if (!reader) run.readers.set(file, (reader = new RecordFileReader(path.join(dir, file))));
      try {
        for (const record of reader.readNew()) applyEvent(run, decodeEvent(record));
      } catch (e) {
        // A damaged file is read up to the damage and then left alone; the run keeps the rest.
        run.error = (e as Error).message;
        run.damaged.add(file);
        for (const record of recordsBeforeDamage(reader.path, reader.position)) applyEvent(run, decodeEvent(record));
      }
    }
  }
}

/** The intact records of `file` from `start` up to the first damaged one. */
function recordsBeforeDamage(file: string, start: number): Uint8Array[] {
  const buf = fs.readFileSync(file).subarray(start);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Uint8Array[] = [];
  for (let pos = 0; pos + 12 <= buf.length; ) {
    const end = pos + 16 + Number(view.getBigUint64(pos, true));
    if (end > buf.length) break;
    try {
      out.push(...scanRecords(buf.subarray(pos, end), file, start + pos).records);
    } catch {
      break;
    }
    pos = end;
  }
  return out;
}

function applyEvent(run: RunState, event: ReturnType<typeof decodeEvent>): void {
  const { step, wallTime } = event;
  if (event.graphDef) {
    run.graphBytes = { bytes: event.graphDef, meta: false };
    run.graphVersion++;
  } else if (event.metaGraphDef && (!run.graphBytes || run.graphBytes.meta)) {
    // A meta graph only stands in while no plain graph_def event has been seen.
    run.graphBytes = { bytes: event.metaGraphDef, meta: true };
    run.graphVersion++;
  }
  for (const v of event.summary?.value ?? []) {
    let value: number | undefined;
    if (v.simpleValue !== undefined) value = v.simpleValue;
    else if (v.tensor && v.tensor.size === 1 && v.tensor.dtype.isNumeric) value = Number(v.tensor.data[0]);
    if (value === undefined) continue;
    const list = run.scalars.get(v.tag);
    if (list) list.push({ step, wallTime, value });
    else run.scalars.set(v.tag, [{ step, wallTime, value }]);
  }
}
