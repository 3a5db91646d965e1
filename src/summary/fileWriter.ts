/**
 * `tf.summary.FileWriter(logdir, graph)` (class `FileWriter`,
 * tensorflow/python/summary/writer/writer.py; file naming from `EventsWriter::InitIfNeeded`,
 * tensorflow/core/util/events_writer.cc): appends Events to
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

/** Keyword arguments of `tf.summary.FileWriter` (TF 1.x `FileWriter.__init__`). */
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

/**
 * The writer {@link FileWriter} returns: it appends Events to one event file in its log directory.
 * Mirrors TF 1.x `tf.summary.FileWriter` (tensorflow/python/summary/writer/writer.py, class `FileWriter`).
 * @example
 * ```ts
 * const writer: tf.summary.FileWriterImpl = tf.summary.FileWriter("tf_logs/run-1");
 * writer.close();
 * ```
 */
export class FileWriterImpl {
  private writer: EventFileWriter;
  private closed = false;
  private warnedClosed = false;
  private readonly seenTags = new Set<string>();

  /**
   * Creates the event file and writes the graph first when one is given.
   * @param logdir - The log directory (created when missing).
   * @param graph - A graph (or GraphDef) to show in TensorBoard's graph tab.
   * @param options - See {@link FileWriterOptions}.
   */
  constructor(
    /** The log directory, as given. */
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

  /** The log directory, as given. Mirrors TF 1.x `FileWriter.get_logdir()`. */
  getLogdir(): string {
    return this.logdir;
  }

  /** Path of the current event file (null until the first event is written). */
  get eventFilePath(): string | null {
    return this.writer.path;
  }

  /**
   * Appends a Summary event: accepts what a summary op evaluates to (`sess.run(mseSummary)`,
   * `mseSummary.eval(feed)`), its bytes, or a SummaryProto. Mirrors TF 1.x
   * `FileWriter.add_summary(summary, global_step=None)` (tensorflow/python/summary/writer/writer.py).
   * @param summary - The summary value.
   * @param globalStep - The step to record with it.
   * @throws TypeError when `summary` is none of the accepted forms.
   * @example
   * ```ts
   * const mse = tf.placeholder(tf.float32, [], { name: "mse" });
   * const mseSummary = tf.summary.scalar("MSE", mse);
   * const writer = tf.summary.FileWriter("tf_logs/run-1", tf.getDefaultGraph());
   * tf.withSession(tf.Session(), (sess) => {
   *   writer.addSummary(sess.run(mseSummary, { feedDict: new Map([[mse, 0.5]]) }), 10);
   * });
   * writer.close();
   * ```
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

  /**
   * Appends a SessionLog event, e.g. `{ status: SessionStatus.START }` (TensorBoard uses START to drop
   * values of a restarted run). Mirrors TF 1.x `FileWriter.add_session_log(session_log, global_step=None)`
   * (tensorflow/python/summary/writer/writer.py).
   * @param sessionLog - The SessionLog fields.
   * @param globalStep - The step to record with it.
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * writer.addSessionLog({ status: tf.summary.SessionStatus.START }, 0);
   * writer.close();
   * ```
   */
  addSessionLog(sessionLog: SessionLogProto, globalStep?: number): void {
    this.addStamped({ sessionLog }, globalStep);
  }

  /**
   * Appends the GraphDef with `_output_shapes`, which TensorBoard's graph tab shows. Mirrors TF 1.x
   * `FileWriter.add_graph(graph, global_step=None)` (tensorflow/python/summary/writer/writer.py).
   * @param graph - A graph or a GraphDef.
   * @param globalStep - The step to record with it.
   * @throws TypeError when `graph` is neither a graph nor a GraphDef.
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * writer.addGraph(tf.getDefaultGraph());
   * writer.close();
   * ```
   */
  addGraph(graph: GraphImpl | GraphDefLike, globalStep?: number): void {
    this.addStamped({ graphDef: encodeGraphDef(toGraphDef(graph)) }, globalStep);
  }

  /**
   * Appends a MetaGraphDef event. Mirrors TF 1.x `FileWriter.add_meta_graph(meta_graph_def,
   * global_step=None)` (tensorflow/python/summary/writer/writer.py).
   * @param metaGraphDef - The MetaGraphDef (e.g. from `tf.train.exportMetaGraph()`).
   * @param globalStep - The step to record with it.
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * writer.addMetaGraph(tf.train.exportMetaGraph());
   * writer.close();
   * ```
   */
  addMetaGraph(metaGraphDef: MetaGraphDefProto, globalStep?: number): void {
    this.addStamped({ metaGraphDef: encodeMetaGraphDef(metaGraphDef) }, globalStep);
  }

  /**
   * Appends an Event as is (a serialized one, or its fields; `wallTime` is required). Mirrors TF 1.x
   * `FileWriter.add_event(event)` (tensorflow/python/summary/writer/writer.py).
   * @param event - The Event.
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * const summary = { value: [{ tag: "x", simpleValue: 1 }] };
   * writer.addEvent({ wallTime: Date.now() / 1000, step: 3, summary });
   * writer.close();
   * ```
   */
  addEvent(event: EventInit | Uint8Array): void {
    if (this.warnIfClosed()) return;
    this.writer.addEvent(event instanceof Uint8Array ? event : encodeEvent(event));
  }

  /**
   * Does nothing more than warn when closed: events are already in the file. Kept for TF 1.x
   * `FileWriter.flush()` (tensorflow/python/summary/writer/writer.py).
   */
  flush(): void {
    this.warnIfClosed();
    this.writer.flush();
  }

  /**
   * Closes the event file; later adds warn and do nothing until `reopen`. Mirrors `FileWriter.close`.
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * writer.close();
   * ```
   */
  close(): void {
    this.writer.close();
    this.closed = true;
  }

  /**
   * After `close()`: write again, into a new event file. Mirrors TF 1.x `FileWriter.reopen()`
   * (tensorflow/python/summary/writer/writer.py).
   * @example
   * ```ts
   * const writer = tf.summary.FileWriter("tf_logs/run-1");
   * writer.close();
   * writer.reopen();
   * ```
   */
  reopen(): void {
    if (!this.closed) return;
    this.writer = new EventFileWriter(this.logdir, { filenameSuffix: this.options.filenameSuffix });
    this.closed = false;
    this.warnedClosed = false;
  }

  /** `using writer = tf.summary.FileWriter(...)` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** A short description naming the log directory, like Python's repr. */
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

/**
 * Creates a writer of TensorBoard event files in `logdir`, called without `new`; with a graph, the graph
 * is written first. Mirrors TF 1.x `tf.summary.FileWriter(logdir, graph=None, max_queue=10, flush_secs=120,
 * filename_suffix=None)` (tensorflow/python/summary/writer/writer.py, `FileWriter.__init__`).
 * @param logdir - The log directory (created when missing).
 * @param options.filenameSuffix - Appended to the event file's name.
 * @param options.maxQueue - Accepted for compatibility; events are written as they come.
 * @param options.flushSecs - Accepted for compatibility; events are written as they come.
 * @returns A {@link FileWriterImpl}.
 * @throws TypeError when `graph` is neither a graph nor a GraphDef.
 * @example
 * ```ts
 * const logdir = `tf_logs/run-${Date.now()}`;
 * const fileWriter = tf.summary.FileWriter(logdir, tf.getDefaultGraph());
 * fileWriter.close();
 * ```
 */
export function FileWriter(logdir: string, options?: FileWriterOptions): FileWriterImpl;
/**
 * The same, with a graph (usually `tf.getDefaultGraph()`) or GraphDef written first.
 * @param logdir - The log directory.
 * @param graph - The graph to show in TensorBoard's graph tab.
 * @param options - As in the first form.
 * @returns A {@link FileWriterImpl}.
 * @throws TypeError when `graph` is neither a graph nor a GraphDef.
 */
export function FileWriter(logdir: string, graph: GraphImpl | GraphDefLike | null | undefined, options?: FileWriterOptions): FileWriterImpl;
export function FileWriter(logdir: string, ...rest: unknown[]): FileWriterImpl {
  const { values, options } = optionalArgs<FileWriterOptions>(FILE_WRITER_ARGS, rest);
  return new FileWriterImpl(logdir, values[0] as GraphImpl | GraphDefLike | undefined, options);
}
/** A GraphDef is a plain object too; it is the one with `nodes`. */
const FILE_WRITER_ARGS = { fn: "tf.summary.FileWriter", names: ["graph"], objectParam: { graph: (v: Record<string, unknown>) => Array.isArray(v.nodes) } };
/** The type of the writers {@link FileWriter} returns. */
export type FileWriter = FileWriterImpl;
