/**
 * MetaGraphDef, MetaInfoDef, SaverDef, VariableDef and CollectionDef
 * (tensorflow/core/protobuf/meta_graph.proto, saver.proto, framework/variable.proto): the content
 * of a checkpoint's `.meta` file and of an event's `meta_graph_def`.
 */
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import type { GraphDefLike } from "../../base/graphdef";
import { compareByUtf8, concatBytes, implicitFloat, parseMessage, toInt64 } from "./codec";
import * as pb from "./gen/meta_graph_pb";
import { graphDefFromProto, graphDefToProto } from "./graph";

// ---------------------------------------------------------------- SaverDef

/**
 * The checkpoint formats a SaverDef names; the kit writes V2 (tensor bundles). Mirrors TF 1.x's
 * `SaverDef.CheckpointFormatVersion` enum (tensorflow/core/protobuf/saver.proto).
 * @example
 * ```ts
 * import { SaverDefVersion } from "tensorlings/io";
 * const isV2 = (version: number) => version === SaverDefVersion.V2;
 * ```
 */
export const SaverDefVersion = {
  /** Before TF's V1 format. */
  LEGACY: 0,
  /** One file per checkpoint (TF's V1 format). */
  V1: 1,
  /** A `.index` table and `.data-*` shards (tensor bundles). */
  V2: 2,
} as const;

/**
 * How to run a Saver's graph: which tensor takes the file name, which ops save and restore.
 * Mirrors TF 1.x's `SaverDef` message (tensorflow/core/protobuf/saver.proto).
 */
export interface SaverDefProto {
  /** The string tensor fed with the checkpoint prefix, e.g. `"save/Const:0"`. */
  filenameTensorName: string;
  /** The tensor to fetch to save, e.g. `"save/control_dependency:0"`. */
  saveTensorName: string;
  /** The op to run to restore, e.g. `"save/restore_all"`. */
  restoreOpName: string;
  /** How many recent checkpoints to keep (0 keeps all). */
  maxToKeep: number;
  /** Whether the saver writes one file per device. */
  sharded: boolean;
  /** Also keep one checkpoint every this many hours. */
  keepCheckpointEveryNHours: number;
  /** One of {@link SaverDefVersion}. */
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

/**
 * Serializes a SaverDef. Mirrors TF 1.x's `SaverDef.SerializeToString`.
 * @param s - the saver's description
 * @returns the serialized SaverDef
 * @example
 * ```ts
 * import { SaverDefVersion, encodeSaverDef } from "tensorlings/io";
 * const bytes = encodeSaverDef({
 *   filenameTensorName: "save/Const:0", saveTensorName: "save/control_dependency:0",
 *   restoreOpName: "save/restore_all", maxToKeep: 5, sharded: false,
 *   keepCheckpointEveryNHours: 10000, version: SaverDefVersion.V2,
 * });
 * ```
 */
export function encodeSaverDef(s: SaverDefProto): Uint8Array {
  return toBinary(pb.SaverDefSchema, saverDefToProto(s));
}

/**
 * Parses a serialized SaverDef. Mirrors TF 1.x's `SaverDef.FromString`.
 * @param bytes - the serialized message
 * @returns all its fields (defaults where the bytes leave them out)
 * @throws `DataLossError` when the bytes are not a SaverDef
 * @example
 * ```ts
 * import { decodeSaverDef } from "tensorlings/io";
 * const { maxToKeep } = decodeSaverDef(Uint8Array.from([0x20, 0x05])); // 5
 * ```
 */
export function decodeSaverDef(bytes: Uint8Array): SaverDefProto {
  return saverDefFromProto(parseMessage(pb.SaverDefSchema, bytes));
}

// ---------------------------------------------------------------- VariableDef

/**
 * The names of a variable's ops and tensors, as the `variables` collections of a meta graph list
 * them. Mirrors TF 1.x's `VariableDef` message (tensorflow/core/framework/variable.proto).
 */
export interface VariableDefProto {
  /** The variable's tensor, e.g. `"theta:0"`. */
  variableName: string;
  /** Its initializer op, e.g. `"theta/Assign"`. */
  initializerName: string;
  /** Its read tensor, e.g. `"theta/read:0"`. */
  snapshotName: string;
  /** True for resource variables (never written by the kit). */
  isResource?: boolean;
  /** The tensor of its initial value, e.g. `"random_uniform:0"`. */
  initialValueName?: string;
  /** Added after TF 1.12; left out when undefined. */
  trainable?: boolean;
}

/**
 * Serializes a VariableDef. Mirrors TF 1.x's `VariableDef.SerializeToString` (what
 * `Variable.to_proto` returns).
 * @param v - the variable's names
 * @returns the serialized VariableDef
 * @example
 * ```ts
 * import { encodeVariableDef } from "tensorlings/io";
 * const bytes = encodeVariableDef({ variableName: "theta:0", initializerName: "theta/Assign", snapshotName: "theta/read:0" });
 * ```
 */
export function encodeVariableDef(v: VariableDefProto): Uint8Array {
  return toBinary(pb.VariableDefSchema, create(pb.VariableDefSchema, v));
}

/**
 * Parses a serialized VariableDef; the optional fields are set only when the bytes hold them.
 * Mirrors TF 1.x's `VariableDef.FromString`.
 * @param bytes - the serialized message
 * @returns the variable's names
 * @throws `DataLossError` when the bytes are not a VariableDef
 * @example
 * ```ts
 * import { decodeVariableDef, encodeVariableDef } from "tensorlings/io";
 * const def = decodeVariableDef(encodeVariableDef({ variableName: "w:0", initializerName: "w/Assign", snapshotName: "w/read:0" }));
 * ```
 */
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

/**
 * One graph collection: node names, serialized protos, int64s or floats. Mirrors TF 1.x's
 * `CollectionDef` message (tensorflow/core/protobuf/meta_graph.proto).
 */
export type CollectionDefProto =
  | {
      /** Names of ops or tensors, e.g. `train_op`. */
      kind: "node_list";
      /** The names. */
      value: string[];
    }
  | {
      /** Serialized protos, e.g. the VariableDefs of `variables`. */
      kind: "bytes_list";
      /** The serialized messages. */
      value: Uint8Array[];
    }
  | {
      /** Integers. */
      kind: "int64_list";
      /** The integers. */
      value: number[];
    }
  | {
      /** Floats. */
      kind: "float_list";
      /** The floats. */
      value: number[];
    };

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

/**
 * Parses a serialized CollectionDef. Mirrors TF 1.x's `CollectionDef.FromString`.
 * @param bytes - the serialized message
 * @returns the collection, or undefined for an `any_list` (which the kit does not use) or an empty message
 * @throws `DataLossError` when the bytes are not a CollectionDef
 * @example
 * ```ts
 * import { decodeCollectionDef } from "tensorlings/io";
 * const ops = decodeCollectionDef(Uint8Array.from([0x0a, 0x03, 0x0a, 0x01, 0x74])); // node_list ["t"]
 * ```
 */
export function decodeCollectionDef(bytes: Uint8Array): CollectionDefProto | undefined {
  return collectionDefFromProto(parseMessage(pb.CollectionDefSchema, bytes));
}

// ---------------------------------------------------------------- MetaGraphDef

/**
 * What wrote a meta graph, and with which ops. Mirrors TF 1.x's `MetaGraphDef.MetaInfoDef`
 * message (tensorflow/core/protobuf/meta_graph.proto).
 */
export interface MetaInfoDefProto {
  /** A user-chosen version string. */
  metaGraphVersion?: string;
  /** A serialized OpList, passed through as is (optional: TF reads graphs without it). */
  strippedOpList?: Uint8Array;
  /** SavedModel tags, e.g. `["serve"]`. */
  tags?: string[];
  /** The TF version that wrote it, e.g. `"1.12.0"`. */
  tensorflowVersion?: string;
  /** The TF git version that wrote it. */
  tensorflowGitVersion?: string;
  /** Whether attrs equal to their defaults were left out of the nodes. */
  strippedDefaultAttrs?: boolean;
}

/**
 * A graph with what is needed to resume it: its saver and collections, as a checkpoint's `.meta`
 * file holds it. Mirrors TF 1.x's `MetaGraphDef` message (tensorflow/core/protobuf/meta_graph.proto).
 */
export interface MetaGraphDefProto {
  /** What wrote it. */
  metaInfoDef?: MetaInfoDefProto;
  /** The graph. */
  graphDef?: GraphDefLike;
  /** How to save and restore its variables. */
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
 * Serializes a MetaGraphDef with the bytes TF 1.x writes, collections sorted by name. Mirrors
 * TF 1.x's `MetaGraphDef.SerializeToString` (what `export_meta_graph` writes to a `.meta` file).
 * @param m - the meta graph
 * @returns the serialized MetaGraphDef
 * @example
 * ```ts
 * import { encodeMetaGraphDef } from "tensorlings/io";
 * const bytes = encodeMetaGraphDef({
 *   graphDef: { nodes: [{ name: "x", op: "Placeholder", inputs: [], attrs: {} }], producer: 27 },
 *   collectionDef: { train_op: { kind: "node_list", value: ["train/GradientDescent"] } },
 * });
 * ```
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
  // Fields 1-3, then the collection map (field 4, the last one the kit writes) one entry at a
  // time, because protobuf-es would put integer-like names first.
  return concatBytes([toBinary(pb.MetaGraphDefSchema, head), ...entries]);
}

/**
 * Parses a serialized MetaGraphDef (`signature_def`, `asset_file_def` and `object_graph_def`,
 * which the kit does not use, are skipped). Mirrors TF 1.x's `MetaGraphDef.FromString`.
 * @param bytes - the content of a `.meta` file, or an event's `meta_graph_def`
 * @returns the meta graph; fields the bytes leave out stay undefined
 * @throws `DataLossError` when the bytes are not a MetaGraphDef, or a tensor or dtype in it is unsupported
 * @example
 * ```ts
 * import * as fs from "fs";
 * import { decodeMetaGraphDef } from "tensorlings/io";
 * const readMeta = (file: string) => decodeMetaGraphDef(fs.readFileSync(file)).saverDef;
 * ```
 */
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
