/**
 * Event, Summary, Summary.Value, SummaryMetadata, HistogramProto and SessionLog
 * (tensorflow/core/util/event.proto, tensorflow/core/framework/summary.proto): the records of a TensorBoard
 * event file.
 */
import type { NDArray } from "../../base/ndarray/ndarray";
import { decodeTensorProto, writeTensorProto } from "./tensor";
import {
  BinaryWriter,
  WireType,
  encodeWith,
  putBytes,
  putDouble,
  putInt32,
  putInt64,
  putMessage,
  putPacked,
  putString,
  readDouble,
  readFields,
  readInt64,
  readRepeated,
  writeDouble,
} from "./wire";

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

export const SessionStatus = { UNSPECIFIED: 0, START: 1, STOP: 2, CHECKPOINT: 3 } as const;

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

export function writeHistogram(w: BinaryWriter, h: HistogramProto): void {
  putDouble(w, 1, h.min);
  putDouble(w, 2, h.max);
  putDouble(w, 3, h.num);
  putDouble(w, 4, h.sum);
  putDouble(w, 5, h.sumSquares);
  putPacked(w, 6, h.bucketLimit, writeDouble);
  putPacked(w, 7, h.bucket, writeDouble);
}

export function decodeHistogram(bytes: Uint8Array): HistogramProto {
  const h: HistogramProto = { min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, bucketLimit: [], bucket: [] };
  readFields(bytes, "HistogramProto", (field, wt, r) => {
    switch (field) {
      case 1:
        h.min = r.double();
        return true;
      case 2:
        h.max = r.double();
        return true;
      case 3:
        h.num = r.double();
        return true;
      case 4:
        h.sum = r.double();
        return true;
      case 5:
        h.sumSquares = r.double();
        return true;
      case 6:
        readRepeated(r, wt, readDouble, h.bucketLimit);
        return true;
      case 7:
        readRepeated(r, wt, readDouble, h.bucket);
        return true;
      default:
        return false;
    }
  });
  return h;
}

// ---------------------------------------------------------------- SummaryMetadata

function writeSummaryMetadata(w: BinaryWriter, m: SummaryMetadataProto): void {
  const plugin = m.pluginData;
  if (plugin) {
    putMessage(w, 1, (w) => {
      putString(w, 1, plugin.pluginName);
      putBytes(w, 2, plugin.content);
    });
  }
  putString(w, 2, m.displayName);
  putString(w, 3, m.summaryDescription);
  putInt32(w, 4, m.dataClass);
}

function decodeSummaryMetadata(bytes: Uint8Array): SummaryMetadataProto {
  const m: SummaryMetadataProto = {};
  readFields(bytes, "SummaryMetadata", (field, _wt, r) => {
    if (field === 1) {
      const plugin = { pluginName: "" } as { pluginName: string; content?: Uint8Array };
      readFields(r.bytes(), "SummaryMetadata.PluginData", (f, _w, rd) => {
        if (f === 1) plugin.pluginName = rd.string();
        else if (f === 2) plugin.content = rd.bytes();
        else return false;
        return true;
      });
      m.pluginData = plugin;
    } else if (field === 2) m.displayName = r.string();
    else if (field === 3) m.summaryDescription = r.string();
    else if (field === 4) m.dataClass = r.int32();
    else return false;
    return true;
  });
  return m;
}

// ---------------------------------------------------------------- Summary

/** Value fields in field-number order: tag 1, simple_value 2, histo 5, node_name 7, tensor 8, metadata 9. */
function writeSummaryValue(w: BinaryWriter, v: SummaryValueProto): void {
  putString(w, 1, v.tag);
  // Oneof member: written even when it is 0.
  if (v.simpleValue !== undefined) w.tag(2, WireType.Bit32).float(v.simpleValue);
  const histo = v.histo;
  if (histo) putMessage(w, 5, (w) => writeHistogram(w, histo));
  putString(w, 7, v.nodeName);
  const tensor = v.tensor;
  if (tensor) putMessage(w, 8, (w) => writeTensorProto(w, tensor));
  const metadata = v.metadata;
  if (metadata) putMessage(w, 9, (w) => writeSummaryMetadata(w, metadata));
}

export function writeSummary(w: BinaryWriter, s: SummaryProto): void {
  for (const v of s.value) putMessage(w, 1, (w) => writeSummaryValue(w, v));
}

export function encodeSummary(s: SummaryProto): Uint8Array {
  return encodeWith(writeSummary, s);
}

function decodeSummaryValue(bytes: Uint8Array): SummaryValueProto {
  const v: SummaryValueProto = { tag: "" };
  readFields(bytes, "Summary.Value", (field, _wt, r) => {
    switch (field) {
      case 1:
        v.tag = r.string();
        return true;
      case 2:
        v.simpleValue = r.float();
        return true;
      case 5:
        v.histo = decodeHistogram(r.bytes());
        return true;
      case 7:
        v.nodeName = r.string();
        return true;
      case 8:
        v.tensor = decodeTensorProto(r.bytes());
        return true;
      case 9:
        v.metadata = decodeSummaryMetadata(r.bytes());
        return true;
      default:
        // images, audio and old-style histograms are not used by the kit
        return false;
    }
  });
  return v;
}

export function decodeSummary(bytes: Uint8Array): SummaryProto {
  const s: SummaryProto = { value: [] };
  readFields(bytes, "Summary", (field, _wt, r) => {
    if (field !== 1) return false;
    s.value.push(decodeSummaryValue(r.bytes()));
    return true;
  });
  return s;
}

// ---------------------------------------------------------------- SessionLog

function writeSessionLog(w: BinaryWriter, s: SessionLogProto): void {
  putInt32(w, 1, s.status);
  putString(w, 2, s.checkpointPath);
  putString(w, 3, s.msg);
}

function decodeSessionLog(bytes: Uint8Array): SessionLogProto {
  const s: SessionLogProto = { status: 0 };
  readFields(bytes, "SessionLog", (field, _wt, r) => {
    if (field === 1) s.status = r.int32();
    else if (field === 2) s.checkpointPath = r.string();
    else if (field === 3) s.msg = r.string();
    else return false;
    return true;
  });
  return s;
}

// ---------------------------------------------------------------- Event

/** Event fields: wall_time 1, step 2, then the oneof payload (written even when empty, as it was set). */
export function writeEvent(w: BinaryWriter, e: EventInit): void {
  putDouble(w, 1, e.wallTime);
  putInt64(w, 2, e.step);
  if (e.fileVersion !== undefined) w.tag(3, WireType.LengthDelimited).string(e.fileVersion);
  if (e.graphDef !== undefined) w.tag(4, WireType.LengthDelimited).bytes(e.graphDef);
  const summary = e.summary;
  if (summary instanceof Uint8Array) w.tag(5, WireType.LengthDelimited).bytes(summary);
  else if (summary) putMessage(w, 5, (w) => writeSummary(w, summary));
  const sessionLog = e.sessionLog;
  if (sessionLog) putMessage(w, 7, (w) => writeSessionLog(w, sessionLog));
  if (e.metaGraphDef !== undefined) w.tag(9, WireType.LengthDelimited).bytes(e.metaGraphDef);
}

export function encodeEvent(e: EventInit): Uint8Array {
  return encodeWith(writeEvent, e);
}

export function decodeEvent(bytes: Uint8Array): EventProto {
  const e: EventProto = { wallTime: 0, step: 0 };
  readFields(bytes, "Event", (field, _wt, r) => {
    switch (field) {
      case 1:
        e.wallTime = r.double();
        return true;
      case 2:
        e.step = readInt64(r);
        return true;
      case 3:
        e.fileVersion = r.string();
        return true;
      case 4:
        e.graphDef = r.bytes();
        return true;
      case 5:
        e.summary = decodeSummary(r.bytes());
        return true;
      case 7:
        e.sessionLog = decodeSessionLog(r.bytes());
        return true;
      case 9:
        e.metaGraphDef = r.bytes();
        return true;
      default:
        // log_message and tagged_run_metadata are not used by the kit
        return false;
    }
  });
  return e;
}
