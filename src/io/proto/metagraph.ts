/**
 * MetaGraphDef, MetaInfoDef, SaverDef, VariableDef and CollectionDef
 * (tensorflow/core/protobuf/meta_graph.proto, saver.proto, framework/variable.proto): the content
 * of a checkpoint's `.meta` file and of an event's `meta_graph_def`.
 */
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import type { GraphDefLike } from "../../graph/graphdef";
import { compareByUtf8, concatBytes, implicitFloat, parseMessage, toInt64 } from "./codec";
import * as pb from "./gen/meta_graph_pb";
import { graphDefFromProto, graphDefToProto } from "./graph";

// ---------------------------------------------------------------- SaverDef

export const SaverDefVersion = {
  LEGACY: pb.SaverDef_CheckpointFormatVersion.LEGACY,
  V1: pb.SaverDef_CheckpointFormatVersion.V1,
  V2: pb.SaverDef_CheckpointFormatVersion.V2,
} as const;

export interface SaverDefProto {
  filenameTensorName: string;
  saveTensorName: string;
  restoreOpName: string;
  maxToKeep: number;
  sharded: boolean;
  keepCheckpointEveryNHours: number;
  version: number;
}

function saverDefToProto(s: SaverDefProto): pb.SaverDef {
  return create(pb.SaverDefSchema, {
    ...s,
    keepCheckpointEveryNHours: implicitFloat(s.keepCheckpointEveryNHours),
  });
}

function saverDefFromProto(p: pb.SaverDef): SaverDefProto {
  const {
    filenameTensorName,
    saveTensorName,
    restoreOpName,
    maxToKeep,
    sharded,
    keepCheckpointEveryNHours,
    version,
  } = p;
  return {
    filenameTensorName,
    saveTensorName,
    restoreOpName,
    maxToKeep,
    sharded,
    keepCheckpointEveryNHours,
    version,
  };
}

export function encodeSaverDef(s: SaverDefProto): Uint8Array {
  return toBinary(pb.SaverDefSchema, saverDefToProto(s));
}

export function decodeSaverDef(bytes: Uint8Array): SaverDefProto {
  return saverDefFromProto(parseMessage(pb.SaverDefSchema, bytes));
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

export function encodeVariableDef(v: VariableDefProto): Uint8Array {
  return toBinary(pb.VariableDefSchema, create(pb.VariableDefSchema, v));
}

/** The optional fields are set only when the bytes hold them. */
export function decodeVariableDef(bytes: Uint8Array): VariableDefProto {
  const p = parseMessage(pb.VariableDefSchema, bytes);
  const v: VariableDefProto = {
    variableName: p.variableName,
    initializerName: p.initializerName,
    snapshotName: p.snapshotName,
  };
  if (p.isResource) v.isResource = true;
  if (p.initialValueName) v.initialValueName = p.initialValueName;
  if (p.trainable) v.trainable = true;
  return v;
}

// ---------------------------------------------------------------- CollectionDef

export type CollectionDefProto =
  | { kind: "node_list"; value: string[] }
  | { kind: "bytes_list"; value: Uint8Array[] }
  | { kind: "int64_list"; value: number[] }
  | { kind: "float_list"; value: number[] };

/** The oneof member is a message with `repeated ... value = 1`; it is written even when the list is empty. */
function collectionDefToProto(c: CollectionDefProto): pb.CollectionDef {
  return create(pb.CollectionDefSchema, { kind: collectionOneof(c) });
}

function collectionOneof(c: CollectionDefProto): MessageInitShape<typeof pb.CollectionDefSchema>["kind"] {
  switch (c.kind) {
    case "node_list":
      return { case: "nodeList", value: { value: c.value } };
    case "bytes_list":
      return { case: "bytesList", value: { value: c.value } };
    case "int64_list":
      return { case: "int64List", value: { value: c.value.map(toInt64) } };
    case "float_list":
      return { case: "floatList", value: { value: c.value } };
  }
}

/** undefined for `any_list`, which the kit does not use. */
function collectionDefFromProto(p: pb.CollectionDef): CollectionDefProto | undefined {
  const { kind } = p;
  switch (kind.case) {
    case "nodeList":
      return { kind: "node_list", value: kind.value.value };
    case "bytesList":
      return { kind: "bytes_list", value: kind.value.value };
    case "int64List":
      return { kind: "int64_list", value: kind.value.value.map(Number) };
    case "floatList":
      return { kind: "float_list", value: kind.value.value };
    default:
      return undefined;
  }
}

export function decodeCollectionDef(bytes: Uint8Array): CollectionDefProto | undefined {
  return collectionDefFromProto(parseMessage(pb.CollectionDefSchema, bytes));
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

/** The OpList's fields travel as the message's unknown fields, which protobuf-es writes back as they came. */
function metaInfoDefToProto(m: MetaInfoDefProto): pb.MetaGraphDef_MetaInfoDef {
  const { strippedOpList, ...rest } = m;
  return create(pb.MetaGraphDef_MetaInfoDefSchema, {
    ...rest,
    strippedOpList: strippedOpList && parseMessage(pb.OpListSchema, strippedOpList),
  });
}

function metaInfoDefFromProto(p: pb.MetaGraphDef_MetaInfoDef): MetaInfoDefProto {
  const m: MetaInfoDefProto = {};
  if (p.metaGraphVersion) m.metaGraphVersion = p.metaGraphVersion;
  if (p.strippedOpList) m.strippedOpList = toBinary(pb.OpListSchema, p.strippedOpList);
  if (p.tags.length > 0) m.tags = p.tags;
  if (p.tensorflowVersion) m.tensorflowVersion = p.tensorflowVersion;
  if (p.tensorflowGitVersion) m.tensorflowGitVersion = p.tensorflowGitVersion;
  if (p.strippedDefaultAttrs) m.strippedDefaultAttrs = true;
  return m;
}

/**
 * Fields 1-3, then the collection map (field 4, the last one the kit writes) sorted by name. The
 * map goes one entry at a time, because protobuf-es would put integer-like names first.
 */
export function encodeMetaGraphDef(m: MetaGraphDefProto): Uint8Array {
  const head = create(pb.MetaGraphDefSchema, {
    metaInfoDef: m.metaInfoDef && metaInfoDefToProto(m.metaInfoDef),
    graphDef: m.graphDef && graphDefToProto(m.graphDef),
    saverDef: m.saverDef && saverDefToProto(m.saverDef),
  });
  const collections = m.collectionDef ?? {};
  const entries = Object.keys(collections)
    .sort(compareByUtf8)
    .map((name) =>
      toBinary(
        pb.MetaGraphDefSchema,
        create(pb.MetaGraphDefSchema, { collectionDef: { [name]: collectionDefToProto(collections[name]) } }),
      ),
    );
  return concatBytes([toBinary(pb.MetaGraphDefSchema, head), ...entries]);
}

/** signature_def, asset_file_def and object_graph_def are not used by the kit, and not read. */
export function decodeMetaGraphDef(bytes: Uint8Array): MetaGraphDefProto {
  const p = parseMessage(pb.MetaGraphDefSchema, bytes);
  const m: MetaGraphDefProto = {};
  if (p.metaInfoDef) m.metaInfoDef = metaInfoDefFromProto(p.metaInfoDef);
  if (p.graphDef) m.graphDef = graphDefFromProto(p.graphDef);
  if (p.saverDef) m.saverDef = saverDefFromProto(p.saverDef);
  for (const [name, value] of Object.entries(p.collectionDef)) {
    const collection = collectionDefFromProto(value);
    if (collection) (m.collectionDef ??= {})[name] = collection;
  }
  return m;
}
