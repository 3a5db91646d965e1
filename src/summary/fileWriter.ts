/**
 * `tf.summary.FileWriter(logdir, graph)` (spec §6.1): appends Events to
 * `<logdir>/events.out.tfevents.<seconds>.<host>`, starting with the `brain.Event:2` record.
 *
 * TF queues events for a background thread and flushes every 120 s; here every event reaches the
 * file (as one whole TFRecord) when it is added, so `flush()` has nothing left to do and a killed
 * process loses nothing it added. As in TF, only the first value of each tag keeps its metadata.
 */
import { optionalArgs } from "../base/optionalArgs";
import { GraphImpl } from "../graph/graph";
import { asGraphDef } from "../graph/graphDefExport";
import type { GraphDefLike } from "../base/graphdef";
import { NDArray } from "../base/ndarray/ndarray";
import {
  EventFileWriter,
  encodeEvent,
  encodeGraphDef,
  encodeMetaGraphDef,
  encodeSummary,
  type EventInit,
  type MetaGraphDefProto,
  type SessionLogProto,
  type SummaryProto,
} from "../io";
import { string } from "../base/dtypes";
import { joinSummary, splitSummary, withoutMetadata } from "../ops/io/summaryWire";
import { createMetaGraphDef } from "../train/saver/metaGraphExport";

export interface FileWriterOptions {
  /** Appended to the event file's name; as in TF, giving one creates the file at once. */
  filenameSuffix?: string;
  /** Accepted for TF compatibility; events are written as they come. */
  maxQueue?: number;
  /** Accepted for TF compatibility; events are written as they come. */
  flushSecs?: number;
}

/** What `addSummary` takes: the value of a summary op (`sess.run(mse_summary)`), its bytes, or a Summary. */
export type SummaryInput = NDArray | Uint8Array | SummaryProto;

function summaryBytes(summary: SummaryInput): Uint8Array {
  if (summary instanceof Uint8Array) return summary;
  if (summary instanceof NDArray) {
    if (summary.dtype !== string || summary.size !== 1) {
      throw new TypeError(
        `addSummary expects a serialized Summary (the value of a summary op, a scalar string), got a ${summary.dtype.name} array of shape [${summary.shape.join(",")}]`,
      );
    }
    return (summary.data as Uint8Array[])[0];
  }
  if (summary && typeof summary === "object" && Array.isArray((summary as SummaryProto).value)) {
    return encodeSummary(summary as SummaryProto);
  }
  throw new TypeError(`addSummary expects a serialized Summary, got ${String(summary)}`);
}

/** A graph as FileWriter writes it: with `_output_shapes` on every node. */
function toGraphDef(graph: GraphImpl | GraphDefLike): GraphDefLike {
  if (graph instanceof GraphImpl) return asGraphDef(graph, { addShapes: true });
  if (graph && Array.isArray(graph.nodes)) return graph;
  throw new TypeError("The passed graph must be an instance of `Graph` or the deprecated `GraphDef`");
}

export class FileWriterImpl {
  private writer: EventFileWriter;
  private closed = false;
  private warnedClosed = false;
  private readonly seenTags = new Set<string>();

  constructor(
    readonly logdir: string,
    graph?: GraphImpl | GraphDefLike | null,
    private readonly options: FileWriterOptions = {},
  ) {
    this.writer = new EventFileWriter(logdir, { filenameSuffix: options.filenameSuffix });
    if (graph) {
      // The graph, then a MetaGraphDef built from the same GraphDef (TensorBoard falls back on it).
      const graphDef = toGraphDef(graph);
      this.addStamped({ graphDef: encodeGraphDef(graphDef) });
      this.addMetaGraph(createMetaGraphDef(graph instanceof GraphImpl ? { graph, graphDef } : { graphDef }));
    }
  }

  /** The log directory, as given. */
  getLogdir(): string {
    return this.logdir;
  }

  /** Path of the current event file (null until the first event is written). */
  get eventFilePath(): string | null {
    return this.writer.path;
  }

  /**
   * `add_summary(summary, global_step)`: accepts what a summary op evaluates to
   * (`sess.run(mseSummary)`, `mseSummary.eval(feed)`), its bytes, or a SummaryProto.
   */
  addSummary(summary: SummaryInput, globalStep?: number): void {
    const values = splitSummary(summaryBytes(summary)).map((v) => {
      if (!v.hasMetadata) return v.bytes;
      if (this.seenTags.has(v.tag)) return withoutMetadata(v.bytes);
      this.seenTags.add(v.tag);
      return v.bytes;
    });
    this.addStamped({ summary: joinSummary(values) }, globalStep);
  }

  /** `add_session_log(session_log, global_step)`, e.g. `{ status: SessionStatus.START }`. */
  addSessionLog(sessionLog: SessionLogProto, globalStep?: number): void {
    this.addStamped({ sessionLog }, globalStep);
  }

  /** `add_graph(graph)`: the GraphDef with `_output_shapes`, which TensorBoard's graph tab shows. */
  addGraph(graph: GraphImpl | GraphDefLike, globalStep?: number): void {
    this.addStamped({ graphDef: encodeGraphDef(toGraphDef(graph)) }, globalStep);
  }

  /** `add_meta_graph(meta_graph_def)`. */
  addMetaGraph(metaGraphDef: MetaGraphDefProto, globalStep?: number): void {
    this.addStamped({ metaGraphDef: encodeMetaGraphDef(metaGraphDef) }, globalStep);
  }

  /** `add_event(event)`: an Event as is (a serialized one, or fields; `wallTime` is required). */
  addEvent(event: EventInit | Uint8Array): void {
    if (this.warnIfClosed()) return;
    this.writer.addEvent(event instanceof Uint8Array ? event : encodeEvent(event));
  }

  /** Events are already in the file; kept for the TF API. */
  flush(): void {
    this.warnIfClosed();
    this.writer.flush();
  }

  close(): void {
    this.writer.close();
    this.closed = true;
  }

  /** After `close()`: write again, into a new event file (as TF does). */
  reopen(): void {
    if (!this.closed) return;
    this.writer = new EventFileWriter(this.logdir, { filenameSuffix: this.options.filenameSuffix });
    this.closed = false;
    this.warnedClosed = false;
  }

  [Symbol.dispose](): void {
    this.close();
  }

  toString(): string {
    return `<tensorlings.summary.FileWriter logdir='${this.logdir}'>`;
  }

  private addStamped(event: Omit<EventInit, "wallTime" | "step">, step?: number): void {
    if (this.warnIfClosed()) return;
    const stamped: EventInit = { ...event, wallTime: Date.now() / 1000 };
    if (step !== undefined && step !== null) stamped.step = Math.trunc(Number(step));
    this.writer.addEvent(encodeEvent(stamped));
  }

  /** TF warns and does nothing when a closed writer is used. */
  private warnIfClosed(): boolean {
    if (!this.closed) return false;
    if (!this.warnedClosed) {
      process.stderr.write(
        "UserWarning: Attempting to use a closed FileWriter. The operation will be a noop unless the FileWriter is explicitly reopened.\n",
      );
      this.warnedClosed = true;
    }
    return true;
  }
}

/** `tf.summary.FileWriter(logdir, graph=None, ...)`, called without `new`. */
export function FileWriter(logdir: string, options?: FileWriterOptions): FileWriterImpl;
export function FileWriter(logdir: string, graph: GraphImpl | GraphDefLike | null | undefined, options?: FileWriterOptions): FileWriterImpl;
export function FileWriter(logdir: string, ...rest: unknown[]): FileWriterImpl {
  const { values, options } = optionalArgs<FileWriterOptions>(FILE_WRITER_ARGS, rest);
  return new FileWriterImpl(logdir, values[0] as GraphImpl | GraphDefLike | undefined, options);
}
/** A GraphDef is a plain object too; it is the one with `nodes`. */
const FILE_WRITER_ARGS = { fn: "tf.summary.FileWriter", names: ["graph"], objectParam: { graph: (v: Record<string, unknown>) => Array.isArray(v.nodes) } };
export type FileWriter = FileWriterImpl;
