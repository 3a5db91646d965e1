/**
 * Event, Summary, Summary.Value, SummaryMetadata, HistogramProto and SessionLog
 * (tensorflow/core/util/event.proto, framework/summary.proto): the records of a TensorBoard event
 * file.
 */
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import type { NDArray } from "../../runtime/ndarray";
import { concatBytes, implicitFloat, parseMessage, toInt64 } from "./codec";
import * as eventPb from "./gen/event_pb";
import * as pb from "./gen/summary_pb";
import { tensorFromProto, tensorToProto } from "./tensor";

export interface HistogramProto {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  /** Right edges of the buckets; the last one is usually DBL_MAX. */
  bucketLimit: number[];
  /** Count in each bucket. */
  bucket: number[];
}

export interface SummaryMetadataProto {
  pluginData?: { pluginName: string; content?: Uint8Array };
  displayName?: string;
  summaryDescription?: string;
  /** TensorBoard's own copy of the proto only (UNKNOWN 0, SCALAR 1, TENSOR 2, BLOB_SEQUENCE 3). */
  dataClass?: number;
}

/** One value of a Summary; at most one of `simpleValue`, `histo`, `tensor` is set. */
export interface SummaryValueProto {
  tag: string;
  nodeName?: string;
  simpleValue?: number;
  histo?: HistogramProto;
  tensor?: NDArray;
  metadata?: SummaryMetadataProto;
}

export interface SummaryProto {
  value: SummaryValueProto[];
}

const Status = eventPb.SessionLog_SessionStatus;
export const SessionStatus = {
  UNSPECIFIED: Status.STATUS_UNSPECIFIED,
  START: Status.START,
  STOP: Status.STOP,
  CHECKPOINT: Status.CHECKPOINT,
} as const;

export interface SessionLogProto {
  status: number;
  checkpointPath?: string;
  msg?: string;
}

/** A decoded Event; at most one of the optional payload fields is set. */
export interface EventProto {
  wallTime: number;
  step: number;
  fileVersion?: string;
  /** Serialized GraphDef (decode with `decodeGraphDef`). */
  graphDef?: Uint8Array;
  summary?: SummaryProto;
  sessionLog?: SessionLogProto;
  /** Serialized MetaGraphDef (decode with `decodeMetaGraphDef`). */
  metaGraphDef?: Uint8Array;
}

/** What `encodeEvent` accepts: like EventProto, but the summary may already be serialized. */
export type EventInit = Omit<EventProto, "summary" | "step"> & {
  step?: number;
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

export function encodeSummary(s: SummaryProto): Uint8Array {
  return toBinary(pb.SummarySchema, summaryToProto(s));
}

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
 * A summary that arrives serialized is embedded byte for byte (it may hold values the kit does
 * not model, which a parse and re-serialization would move behind the known fields). It follows
 * wall_time and step, the only fields before it, as field 5.
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

/** log_message and tagged_run_metadata are not used by the kit, and not read. */
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
