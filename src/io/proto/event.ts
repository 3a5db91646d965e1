/**
 * Event, Summary, Summary.Value, SummaryMetadata, HistogramProto and SessionLog
 * (tensorflow/core/util/event.proto, framework/summary.proto): the records of a TensorBoard event
 * file.
 */
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import type { NDArray } from "../../base/ndarray/ndarray";
import { concatBytes, implicitFloat, parseMessage, toInt64 } from "./codec";
import * as eventPb from "./gen/event_pb";
import * as pb from "./gen/summary_pb";
import { tensorFromProto, tensorToProto } from "./tensor";

/**
 * The statistics and buckets of a histogram summary, as TensorBoard's histogram dashboard reads them.
 * Mirrors TF 1.x's `HistogramProto` message (tensorflow/core/framework/summary.proto).
 */
export interface HistogramProto {
  /** Smallest value seen. */
  min: number;
  /** Largest value seen. */
  max: number;
  /** Number of values. */
  num: number;
  /** Sum of the values. */
  sum: number;
  /** Sum of the squares of the values. */
  sumSquares: number;
  /** Right edges of the buckets; the last one is usually DBL_MAX. */
  bucketLimit: number[];
  /** Count in each bucket. */
  bucket: number[];
}

/**
 * Which TensorBoard plugin shows a summary value, and how. Mirrors TF 1.x's `SummaryMetadata`
 * message (tensorflow/core/framework/summary.proto).
 */
export interface SummaryMetadataProto {
  /** The plugin (`scalars`, `histograms`, ...) and its own serialized settings. */
  pluginData?: {
    /** The plugin's name, e.g. `"scalars"`. */
    pluginName: string;
    /** The plugin's own serialized settings. */
    content?: Uint8Array;
  };
  /** A name to show instead of the tag. */
  displayName?: string;
  /** A longer description, in Markdown. */
  summaryDescription?: string;
  /** TensorBoard's own copy of the proto only (UNKNOWN 0, SCALAR 1, TENSOR 2, BLOB_SEQUENCE 3). */
  dataClass?: number;
}

/**
 * One value of a Summary; at most one of `simpleValue`, `histo`, `tensor` is set. Mirrors TF 1.x's
 * `Summary.Value` message (tensorflow/core/framework/summary.proto).
 */
export interface SummaryValueProto {
  /** The name TensorBoard groups the value under, e.g. `"MSE"`. */
  tag: string;
  /** Deprecated in TF; kept when a file holds it. */
  nodeName?: string;
  /** A scalar, written as a 32-bit float. */
  simpleValue?: number;
  /** A histogram. */
  histo?: HistogramProto;
  /** A tensor (how TF 2-style summaries store scalars). */
  tensor?: NDArray;
  /** The plugin that shows the value. */
  metadata?: SummaryMetadataProto;
}

/**
 * The values a summary op produces for one step. Mirrors TF 1.x's `Summary` message
 * (tensorflow/core/framework/summary.proto).
 */
export interface SummaryProto {
  /** The values, in the order they were merged. */
  value: SummaryValueProto[];
}

/**
 * The values of a session log's `status`. Mirrors TF 1.x's `SessionLog.SessionStatus` enum
 * (tensorflow/core/util/event.proto).
 * @example
 * ```ts
 * import { SessionStatus, encodeEvent } from "tensorlings/io";
 * const restart = encodeEvent({ wallTime: 0, step: 100, sessionLog: { status: SessionStatus.START } });
 * ```
 */
export const SessionStatus = {
  /** Not set. */
  UNSPECIFIED: 0,
  /** A session started (or restarted: TensorBoard drops later-step events of the run before it). */
  START: 1,
  /** A session stopped. */
  STOP: 2,
  /** A checkpoint was written. */
  CHECKPOINT: 3,
} as const;

/**
 * A session's start, stop or checkpoint, which tells TensorBoard to drop events from an abandoned
 * run. Mirrors TF 1.x's `SessionLog` message (tensorflow/core/util/event.proto).
 */
export interface SessionLogProto {
  /** One of {@link SessionStatus}. */
  status: number;
  /** The checkpoint written, for `CHECKPOINT`. */
  checkpointPath?: string;
  /** A free-form message. */
  msg?: string;
}

/**
 * A decoded Event, one record of an event file; at most one of the optional payload fields is set.
 * Mirrors TF 1.x's `Event` message (tensorflow/core/util/event.proto).
 */
export interface EventProto {
  /** Seconds since the Unix epoch. */
  wallTime: number;
  /** The global step the event belongs to. */
  step: number;
  /** `"brain.Event:2"` in the first record of a file. */
  fileVersion?: string;
  /** Serialized GraphDef (decode with `decodeGraphDef`). */
  graphDef?: Uint8Array;
  /** Summary values of this step. */
  summary?: SummaryProto;
  /** A session start, stop or checkpoint. */
  sessionLog?: SessionLogProto;
  /** Serialized MetaGraphDef (decode with `decodeMetaGraphDef`). */
  metaGraphDef?: Uint8Array;
}

/** What {@link encodeEvent} accepts: like {@link EventProto}, but `step` may be left out (0) and the summary may already be serialized. */
export type EventInit = Omit<EventProto, "summary" | "step"> & {
  /** The global step; 0 when left out. */
  step?: number;
  /** Summary values, or a Summary already serialized (e.g. the value of a summary op). */
  summary?: SummaryProto | Uint8Array;
};

// ---------------------------------------------------------------- HistogramProto

function histogramToProto(h: HistogramProto): pb.HistogramProto {
  return create(pb.HistogramProtoSchema, {
    min: implicitFloat(h.min),
    max: implicitFloat(h.max),
    num: implicitFloat(h.num),
    sum: implicitFloat(h.sum),
    sumSquares: implicitFloat(h.sumSquares),
    bucketLimit: h.bucketLimit,
    bucket: h.bucket,
  });
}

function histogramFromProto(p: pb.HistogramProto): HistogramProto {
  const { min, max, num, sum, sumSquares, bucketLimit, bucket } = p;
  return { min, max, num, sum, sumSquares, bucketLimit, bucket };
}

/**
 * Parses a serialized HistogramProto. Mirrors TF 1.x's `HistogramProto.FromString`.
 * @param bytes - the serialized message
 * @returns its fields, with both packed and unpacked bucket lists read
 * @throws `DataLossError` when the bytes are not a HistogramProto
 * @example
 * ```ts
 * import { decodeHistogram } from "tensorlings/io";
 * const h = decodeHistogram(Uint8Array.from([0x19, 0, 0, 0, 0, 0, 0, 0x08, 0x40])); // num = 3
 * ```
 */
export function decodeHistogram(bytes: Uint8Array): HistogramProto {
  return histogramFromProto(parseMessage(pb.HistogramProtoSchema, bytes));
}

// ---------------------------------------------------------------- SummaryMetadata

function metadataToProto(m: SummaryMetadataProto): pb.SummaryMetadata {
  return create(pb.SummaryMetadataSchema, m);
}

/** Only the fields the bytes hold. */
function metadataFromProto(p: pb.SummaryMetadata): SummaryMetadataProto {
  const m: SummaryMetadataProto = {};
  if (p.pluginData) {
    m.pluginData = { pluginName: p.pluginData.pluginName };
    if (p.pluginData.content.length > 0) m.pluginData.content = p.pluginData.content;
  }
  if (p.displayName) m.displayName = p.displayName;
  if (p.summaryDescription) m.summaryDescription = p.summaryDescription;
  if (p.dataClass) m.dataClass = p.dataClass;
  return m;
}

// ---------------------------------------------------------------- Summary

/** The value is a oneof: a `simpleValue` of 0 is still written. */
function summaryValueToProto(v: SummaryValueProto): pb.Summary_Value {
  return create(pb.Summary_ValueSchema, {
    tag: v.tag,
    nodeName: v.nodeName,
    metadata: v.metadata && metadataToProto(v.metadata),
    value: summaryValueOneof(v),
  });
}

function summaryValueOneof(v: SummaryValueProto): MessageInitShape<typeof pb.Summary_ValueSchema>["value"] {
  if (v.simpleValue !== undefined) return { case: "simpleValue", value: v.simpleValue };
  if (v.histo) return { case: "histo", value: histogramToProto(v.histo) };
  if (v.tensor) return { case: "tensor", value: tensorToProto(v.tensor) };
  return { case: undefined };
}

/** Images, audio and old-style histograms are not used by the kit, and not read. */
function summaryValueFromProto(p: pb.Summary_Value): SummaryValueProto {
  const v: SummaryValueProto = { tag: p.tag };
  if (p.nodeName) v.nodeName = p.nodeName;
  const { value } = p;
  if (value.case === "simpleValue") v.simpleValue = value.value;
  else if (value.case === "histo") v.histo = histogramFromProto(value.value);
  else if (value.case === "tensor") v.tensor = tensorFromProto(value.value);
  if (p.metadata) v.metadata = metadataFromProto(p.metadata);
  return v;
}

function summaryToProto(s: SummaryProto): pb.Summary {
  return create(pb.SummarySchema, { value: s.value.map(summaryValueToProto) });
}

function summaryFromProto(p: pb.Summary): SummaryProto {
  return { value: p.value.map(summaryValueFromProto) };
}

/**
 * Serializes a Summary with the bytes TF 1.x writes (fields in number order, a `simpleValue` of 0
 * still written). Mirrors TF 1.x's `Summary.SerializeToString`.
 * @param s - the summary values
 * @returns the serialized Summary, as a summary op's string output holds it
 * @example
 * ```ts
 * import { encodeSummary } from "tensorlings/io";
 * const bytes = encodeSummary({ value: [{ tag: "MSE", simpleValue: 0.5 }] }); // 12 bytes
 * ```
 */
export function encodeSummary(s: SummaryProto): Uint8Array {
  return toBinary(pb.SummarySchema, summaryToProto(s));
}

/**
 * Parses a serialized Summary; values of kinds the kit does not model (images, audio) keep only
 * their tag and metadata. Mirrors TF 1.x's `Summary.FromString`.
 * @param bytes - a serialized Summary, e.g. the value of a `tf.summary.scalar` op
 * @returns the values
 * @throws `DataLossError` when the bytes are not a Summary
 * @example
 * ```ts
 * import { decodeSummary, encodeSummary } from "tensorlings/io";
 * const [mse] = decodeSummary(encodeSummary({ value: [{ tag: "MSE", simpleValue: 0.5 }] })).value;
 * ```
 */
export function decodeSummary(bytes: Uint8Array): SummaryProto {
  return summaryFromProto(parseMessage(pb.SummarySchema, bytes));
}

// ---------------------------------------------------------------- SessionLog

function sessionLogFromProto(p: eventPb.SessionLog): SessionLogProto {
  const s: SessionLogProto = { status: p.status };
  if (p.checkpointPath) s.checkpointPath = p.checkpointPath;
  if (p.msg) s.msg = p.msg;
  return s;
}

// ---------------------------------------------------------------- Event

/** The event's payload, a oneof: the first one set in field order (at most one should be). */
function eventOneof(e: EventInit): MessageInitShape<typeof eventPb.EventSchema>["what"] {
  if (e.fileVersion !== undefined) return { case: "fileVersion", value: e.fileVersion };
  if (e.graphDef !== undefined) return { case: "graphDef", value: e.graphDef };
  if (e.summary instanceof Uint8Array) return { case: undefined }; // appended by encodeEvent
  if (e.summary !== undefined) return { case: "summary", value: summaryToProto(e.summary) };
  if (e.sessionLog) return { case: "sessionLog", value: e.sessionLog };
  if (e.metaGraphDef !== undefined) return { case: "metaGraphDef", value: e.metaGraphDef };
  return { case: undefined };
}

/**
 * Serializes an Event, one record of an event file. Mirrors TF 1.x's `Event.SerializeToString`.
 *
 * A summary that arrives serialized is embedded byte for byte (it may hold values the kit does
 * not model, which a parse and re-serialization would move behind the known fields).
 * @param e - the event; of its payloads (`fileVersion`, `graphDef`, `summary`, `sessionLog`,
 *   `metaGraphDef`) only the first one set is written, as they form a oneof
 * @returns the serialized Event
 * @example
 * ```ts
 * import { encodeEvent } from "tensorlings/io";
 * const record = encodeEvent({ wallTime: Date.now() / 1000, step: 10, summary: { value: [{ tag: "MSE", simpleValue: 0.5 }] } });
 * ```
 */
export function encodeEvent(e: EventInit): Uint8Array {
  const event = create(eventPb.EventSchema, {
    wallTime: implicitFloat(e.wallTime),
    step: toInt64(e.step ?? 0),
    what: eventOneof(e),
  });
  const bytes = toBinary(eventPb.EventSchema, event);
  if (!(e.summary instanceof Uint8Array) || event.what.case !== undefined) return bytes;
  const summaryField = new BinaryWriter().tag(5, WireType.LengthDelimited).bytes(e.summary).finish();
  return concatBytes([bytes, summaryField]);
}

/**
 * Parses one record of an event file (`log_message` and `tagged_run_metadata`, which the kit does
 * not use, are skipped). Mirrors TF 1.x's `Event.FromString`.
 * @param bytes - the serialized Event
 * @returns the event, with its summary decoded and graphs left serialized
 * @throws `DataLossError` when the bytes are not an Event
 * @example
 * ```ts
 * import { decodeEvent, encodeEvent } from "tensorlings/io";
 * const { step, fileVersion } = decodeEvent(encodeEvent({ wallTime: 1, fileVersion: "brain.Event:2" }));
 * ```
 */
export function decodeEvent(bytes: Uint8Array): EventProto {
  const p = parseMessage(eventPb.EventSchema, bytes);
  const e: EventProto = { wallTime: p.wallTime, step: Number(p.step) };
  const { what } = p;
  if (what.case === "fileVersion") e.fileVersion = what.value;
  else if (what.case === "graphDef") e.graphDef = what.value;
  else if (what.case === "summary") e.summary = summaryFromProto(what.value);
  else if (what.case === "sessionLog") e.sessionLog = sessionLogFromProto(what.value);
  else if (what.case === "metaGraphDef") e.metaGraphDef = what.value;
  return e;
}
