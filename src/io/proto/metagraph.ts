/**
 * MetaGraphDef, MetaInfoDef, SaverDef, VariableDef and CollectionDef
 * (tensorflow/core/protobuf/meta_graph.proto, saver.proto; tensorflow/core/framework/variable.proto): the
 * content of a checkpoint's `.meta` file and of an event's `meta_graph_def`.
 */
import type { GraphDefLike } from "../../base/graphdef";
import { decodeGraphDef, writeGraphDef, compareByUtf8 } from "./graph";
import {
  BinaryReader,
  BinaryWriter,
  WireType,
  encodeWith,
  putBool,
  putFloat,
  putInt32,
  putMessage,
  putPacked,
  putString,
  readFields,
  readFloat,
  readInt64,
  readRepeated,
  writeFloat,
  writeInt64,
} from "./wire";

// ---------------------------------------------------------------- SaverDef

export const SaverDefVersion = { LEGACY: 0, V1: 1, V2: 2 } as const;

export interface SaverDefProto {
  filenameTensorName: string;
  saveTensorName: string;
  restoreOpName: string;
  maxToKeep: number;
  sharded: boolean;
  keepCheckpointEveryNHours: number;
  version: number;
}

export function writeSaverDef(w: BinaryWriter, s: SaverDefProto): void {
  putString(w, 1, s.filenameTensorName);
  putString(w, 2, s.saveTensorName);
  putString(w, 3, s.restoreOpName);
  putInt32(w, 4, s.maxToKeep);
  putBool(w, 5, s.sharded);
  putFloat(w, 6, s.keepCheckpointEveryNHours);
  putInt32(w, 7, s.version);
}

export function encodeSaverDef(s: SaverDefProto): Uint8Array {
  return encodeWith(writeSaverDef, s);
}

export function decodeSaverDef(bytes: Uint8Array): SaverDefProto {
  const s: SaverDefProto = {
    filenameTensorName: "",
    saveTensorName: "",
    restoreOpName: "",
    maxToKeep: 0,
    sharded: false,
    keepCheckpointEveryNHours: 0,
    version: 0,
  };
  readFields(bytes, "SaverDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        s.filenameTensorName = r.string();
        return true;
      case 2:
        s.saveTensorName = r.string();
        return true;
      case 3:
        s.restoreOpName = r.string();
        return true;
      case 4:
        s.maxToKeep = r.int32();
        return true;
      case 5:
        s.sharded = r.bool();
        return true;
      case 6:
        s.keepCheckpointEveryNHours = r.float();
        return true;
      case 7:
        s.version = r.int32();
        return true;
      default:
        return false;
    }
  });
  return s;
}

// ---------------------------------------------------------------- VariableDef

export interface VariableDefProto {
  variableName: string;
  initializerName: string;
  snapshotName: string;
  isResource?: boolean;
  initialValueName?: string;
  /** Added after TF 1.12; left out when undefined. */
  trainable?: boolean;
}

/** Fields in number order: variable_name 1, initializer_name 2, snapshot_name 3, is_resource 5, initial_value_name 6, trainable 7. */
export function writeVariableDef(w: BinaryWriter, v: VariableDefProto): void {
  putString(w, 1, v.variableName);
  putString(w, 2, v.initializerName);
  putString(w, 3, v.snapshotName);
  putBool(w, 5, v.isResource);
  putString(w, 6, v.initialValueName);
  putBool(w, 7, v.trainable);
}

export function encodeVariableDef(v: VariableDefProto): Uint8Array {
  return encodeWith(writeVariableDef, v);
}

export function decodeVariableDef(bytes: Uint8Array): VariableDefProto {
  const v: VariableDefProto = { variableName: "", initializerName: "", snapshotName: "" };
  readFields(bytes, "VariableDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        v.variableName = r.string();
        return true;
      case 2:
        v.initializerName = r.string();
        return true;
      case 3:
        v.snapshotName = r.string();
        return true;
      case 5:
        v.isResource = r.bool();
        return true;
      case 6:
        v.initialValueName = r.string();
        return true;
      case 7:
        v.trainable = r.bool();
        return true;
      default:
        return false;
    }
  });
  return v;
}

// ---------------------------------------------------------------- CollectionDef

export type CollectionDefProto =
  | { kind: "node_list"; value: string[] }
  | { kind: "bytes_list"; value: Uint8Array[] }
  | { kind: "int64_list"; value: number[] }
  | { kind: "float_list"; value: number[] };

const COLLECTION_FIELDS = { node_list: 1, bytes_list: 2, int64_list: 3, float_list: 4 } as const;

/** The oneof member is a message with `repeated ... value = 1`; it is written even when the list is empty. */
export function writeCollectionDef(w: BinaryWriter, c: CollectionDefProto): void {
  putMessage(w, COLLECTION_FIELDS[c.kind], (w) => {
    switch (c.kind) {
      case "node_list":
        for (const s of c.value) w.tag(1, WireType.LengthDelimited).string(s);
        return;
      case "bytes_list":
        for (const b of c.value) w.tag(1, WireType.LengthDelimited).bytes(b);
        return;
      case "int64_list":
        return putPacked(w, 1, c.value, writeInt64);
      case "float_list":
        return putPacked(w, 1, c.value, writeFloat);
    }
  });
}

/** Values of the `repeated ... value = 1` field of a NodeList/BytesList/Int64List/FloatList message. */
function readListValues<T>(
  bytes: Uint8Array,
  what: string,
  read: (r: BinaryReader, wt: WireType, out: T[]) => void,
): T[] {
  const out: T[] = [];
  readFields(bytes, what, (field, wt, r) => {
    if (field !== 1) return false;
    read(r, wt, out);
    return true;
  });
  return out;
}

export function decodeCollectionDef(bytes: Uint8Array): CollectionDefProto | undefined {
  let out: CollectionDefProto | undefined;
  readFields(bytes, "CollectionDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        out = {
          kind: "node_list",
          value: readListValues(r.bytes(), "CollectionDef.NodeList", (rd, _w, o: string[]) =>
            o.push(rd.string()),
          ),
        };
        return true;
      case 2:
        out = {
          kind: "bytes_list",
          value: readListValues(r.bytes(), "CollectionDef.BytesList", (rd, _w, o: Uint8Array[]) =>
            o.push(rd.bytes()),
          ),
        };
        return true;
      case 3:
        out = {
          kind: "int64_list",
          value: readListValues(r.bytes(), "CollectionDef.Int64List", (rd, w, o: number[]) =>
            readRepeated(rd, w, readInt64, o),
          ),
        };
        return true;
      case 4:
        out = {
          kind: "float_list",
          value: readListValues(r.bytes(), "CollectionDef.FloatList", (rd, w, o: number[]) =>
            readRepeated(rd, w, readFloat, o),
          ),
        };
        return true;
      default:
        // any_list is not used by the kit
        return false;
    }
  });
  return out;
}

// ---------------------------------------------------------------- MetaGraphDef

export interface MetaInfoDefProto {
  metaGraphVersion?: string;
  /** A serialized OpList, passed through as is (optional: TF reads graphs without it). */
  strippedOpList?: Uint8Array;
  tags?: string[];
  tensorflowVersion?: string;
  tensorflowGitVersion?: string;
  strippedDefaultAttrs?: boolean;
}

export interface MetaGraphDefProto {
  metaInfoDef?: MetaInfoDefProto;
  graphDef?: GraphDefLike;
  saverDef?: SaverDefProto;
  /** Collections by name (`variables`, `trainable_variables`, `train_op`, `summaries`, ...). */
  collectionDef?: Record<string, CollectionDefProto>;
}

function writeMetaInfoDef(w: BinaryWriter, m: MetaInfoDefProto): void {
  putString(w, 1, m.metaGraphVersion);
  const ops = m.strippedOpList;
  if (ops) putMessage(w, 2, (w) => w.raw(ops));
  for (const tag of m.tags ?? []) w.tag(4, WireType.LengthDelimited).string(tag);
  putString(w, 5, m.tensorflowVersion);
  putString(w, 6, m.tensorflowGitVersion);
  putBool(w, 7, m.strippedDefaultAttrs);
}

function decodeMetaInfoDef(bytes: Uint8Array): MetaInfoDefProto {
  const m: MetaInfoDefProto = {};
  readFields(bytes, "MetaGraphDef.MetaInfoDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        m.metaGraphVersion = r.string();
        return true;
      case 2:
        m.strippedOpList = r.bytes();
        return true;
      case 4:
        (m.tags ??= []).push(r.string());
        return true;
      case 5:
        m.tensorflowVersion = r.string();
        return true;
      case 6:
        m.tensorflowGitVersion = r.string();
        return true;
      case 7:
        m.strippedDefaultAttrs = r.bool();
        return true;
      default:
        return false;
    }
  });
  return m;
}

/** MetaGraphDef fields 1-4; the collection map is written sorted by name. */
export function writeMetaGraphDef(w: BinaryWriter, m: MetaGraphDefProto): void {
  const { metaInfoDef, graphDef, saverDef, collectionDef } = m;
  if (metaInfoDef) putMessage(w, 1, (w) => writeMetaInfoDef(w, metaInfoDef));
  if (graphDef) putMessage(w, 2, (w) => writeGraphDef(w, graphDef));
  if (saverDef) putMessage(w, 3, (w) => writeSaverDef(w, saverDef));
  for (const key of Object.keys(collectionDef ?? {}).sort(compareByUtf8)) {
    putMessage(w, 4, (w) => {
      w.tag(1, WireType.LengthDelimited).string(key);
      putMessage(w, 2, (w) => writeCollectionDef(w, collectionDef![key]));
    });
  }
}

export function encodeMetaGraphDef(m: MetaGraphDefProto): Uint8Array {
  return encodeWith(writeMetaGraphDef, m);
}

export function decodeMetaGraphDef(bytes: Uint8Array): MetaGraphDefProto {
  const m: MetaGraphDefProto = {};
  readFields(bytes, "MetaGraphDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        m.metaInfoDef = decodeMetaInfoDef(r.bytes());
        return true;
      case 2:
        m.graphDef = decodeGraphDef(r.bytes());
        return true;
      case 3:
        m.saverDef = decodeSaverDef(r.bytes());
        return true;
      case 4: {
        let key = "";
        let value: CollectionDefProto | undefined;
        readFields(r.bytes(), "MetaGraphDef.CollectionDefEntry", (f, _w, rd) => {
          if (f === 1) key = rd.string();
          else if (f === 2) value = decodeCollectionDef(rd.bytes());
          else return false;
          return true;
        });
        if (value) (m.collectionDef ??= {})[key] = value;
        return true;
      }
      default:
        // signature_def, asset_file_def and object_graph_def are not used by the kit
        return false;
    }
  });
  return m;
}
