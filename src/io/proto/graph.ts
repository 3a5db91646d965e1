/**
 * GraphDef, NodeDef, AttrValue and VersionDef (tensorflow/core/framework/graph.proto,
 * node_def.proto, attr_value.proto, versions.proto), mapped to the plain-data `GraphDefLike` the
 * graph produces.
 */
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import type { AttrListLike, AttrValueLike, GraphDefLike, NodeDefLike } from "../../base/graphdef";
import { parseMessage, sortedRecord, toInt64 } from "./codec";
import * as pb from "./gen/graph_pb";
import {
  dtypeFromEnum,
  tensorFromProto,
  tensorShapeFromProto,
  tensorShapeToProto,
  tensorToProto,
} from "./tensor";

// ---------------------------------------------------------------- VersionDef

/**
 * The version stamp of a graph or checkpoint: which version wrote it and which readers may read it.
 * Mirrors TF 1.x's `VersionDef` message (tensorflow/core/framework/versions.proto).
 */
export interface VersionDefProto {
  /** The version of the writer (TF's `GRAPH_DEF_VERSION` for graphs, 1 for tensor bundles). */
  producer: number;
  /** The oldest reader version that can read it. */
  minConsumer?: number;
  /** Reader versions known not to read it. */
  badConsumers?: number[];
}

/** The generated VersionDef message of a version stamp. */
export function versionDefToProto(v: VersionDefProto): pb.VersionDef {
  return create(pb.VersionDefSchema, {
    producer: v.producer,
    minConsumer: v.minConsumer ?? 0,
    badConsumers: v.badConsumers ?? [],
  });
}

/** A version stamp from its generated message (fields left at their defaults are left out). */
export function versionDefFromProto(p: pb.VersionDef): VersionDefProto {
  const v: VersionDefProto = { producer: p.producer };
  if (p.minConsumer) v.minConsumer = p.minConsumer;
  if (p.badConsumers.length > 0) v.badConsumers = p.badConsumers;
  return v;
}

// ---------------------------------------------------------------- AttrValue

/** AttrValue's members form a oneof, so the chosen one is written even when it holds 0/false/"". */
function attrValueToProto(a: AttrValueLike): pb.AttrValue {
  return create(pb.AttrValueSchema, { value: attrOneof(a) });
}

function attrOneof(a: AttrValueLike): MessageInitShape<typeof pb.AttrValueSchema>["value"] {
  switch (a.kind) {
    case "list":
      return { case: "list", value: attrListToProto(a.value) };
    case "i":
      return { case: "i", value: toInt64(a.value) };
    case "type":
      return { case: "type", value: a.value.protoEnum };
    case "shape":
      return { case: "shape", value: tensorShapeToProto(a.value) };
    case "tensor":
      return { case: "tensor", value: tensorToProto(a.value) };
    case "s":
      return { case: "s", value: a.value };
    case "f":
      return { case: "f", value: a.value };
    case "b":
      return { case: "b", value: a.value };
  }
}

function attrListToProto(l: AttrListLike): pb.AttrValue_ListValue {
  return create(pb.AttrValue_ListValueSchema, {
    s: l.s ?? [],
    i: (l.i ?? []).map(toInt64),
    f: l.f ?? [],
    b: l.b ?? [],
    type: (l.type ?? []).map((t) => t.protoEnum),
    shape: (l.shape ?? []).map(tensorShapeToProto),
    tensor: (l.tensor ?? []).map(tensorToProto),
  });
}

/** The engine's attr value; undefined for the kinds it has no mirror of (`placeholder`, `func`). */
function attrValueFromProto(p: pb.AttrValue): AttrValueLike | undefined {
  const { value } = p;
  switch (value.case) {
    case "list":
      return { kind: "list", value: attrListFromProto(value.value) };
    case "s":
      return { kind: "s", value: value.value };
    case "f":
      return { kind: "f", value: value.value };
    case "b":
      return { kind: "b", value: value.value };
    case "i":
      return { kind: "i", value: Number(value.value) };
    case "type":
      return { kind: "type", value: attrDType(value.value) };
    case "shape":
      return { kind: "shape", value: tensorShapeFromProto(value.value) };
    case "tensor":
      return { kind: "tensor", value: tensorFromProto(value.value) };
    default:
      return undefined;
  }
}

/** Only the lists that hold values, as TF's `ListValue` leaves the others out. */
function attrListFromProto(p: pb.AttrValue_ListValue): AttrListLike {
  const l: AttrListLike = {};
  if (p.s.length > 0) l.s = p.s;
  if (p.i.length > 0) l.i = p.i.map(Number);
  if (p.f.length > 0) l.f = p.f;
  if (p.b.length > 0) l.b = p.b;
  if (p.type.length > 0) l.type = p.type.map(attrDType);
  if (p.shape.length > 0) l.shape = p.shape.map(tensorShapeFromProto);
  if (p.tensor.length > 0) l.tensor = p.tensor.map(tensorFromProto);
  return l;
}

const attrDType = (value: number) => dtypeFromEnum(value, "AttrValue has an unsupported type");

/**
 * Serializes one attr value of a node. Mirrors TF 1.x's `AttrValue.SerializeToString`
 * (tensorflow/core/framework/attr_value.proto).
 * @param a - the attr value; its `kind` picks the oneof member, written even when it holds 0, false or ""
 * @returns the serialized AttrValue
 * @example
 * ```ts
 * import { encodeAttrValue } from "tensorlings/io";
 * const bytes = encodeAttrValue({ kind: "b", value: false }); // 28 00
 * ```
 */
export function encodeAttrValue(a: AttrValueLike): Uint8Array {
  return toBinary(pb.AttrValueSchema, attrValueToProto(a));
}

/**
 * Parses a serialized AttrValue. Mirrors TF 1.x's `AttrValue.FromString`.
 * @param bytes - the serialized message
 * @returns the value, or undefined for kinds the engine has no mirror of (`placeholder`, `func`)
 * @throws `DataLossError` when the bytes are not an AttrValue, or name a dtype the kit does not support
 * @example
 * ```ts
 * import { decodeAttrValue } from "tensorlings/io";
 * const attr = decodeAttrValue(Uint8Array.from([0x30, 0x01])); // { kind: "type", value: float32 }
 * ```
 */
export function decodeAttrValue(bytes: Uint8Array): AttrValueLike | undefined {
  return attrValueFromProto(parseMessage(pb.AttrValueSchema, bytes));
}

// ---------------------------------------------------------------- NodeDef and GraphDef

/**
 * The attr map is written sorted by key, as deterministic protobuf output does (attr names are
 * identifiers, never integer-like, so `sortedRecord` keeps that order).
 */
function nodeDefToProto(n: NodeDefLike): pb.NodeDef {
  const attr: Record<string, pb.AttrValue> = {};
  for (const [key, value] of Object.entries(sortedRecord(n.attrs))) attr[key] = attrValueToProto(value);
  return create(pb.NodeDefSchema, { name: n.name, op: n.op, input: n.inputs, device: n.device ?? "", attr });
}

function nodeDefFromProto(p: pb.NodeDef): NodeDefLike {
  const n: NodeDefLike = { name: p.name, op: p.op, inputs: p.input, attrs: {} };
  if (p.device) n.device = p.device;
  for (const [key, value] of Object.entries(p.attr)) {
    const attr = attrValueFromProto(value);
    if (attr) n.attrs[key] = attr;
  }
  return n;
}

/**
 * Serializes one node, attrs sorted by name. Mirrors TF 1.x's `NodeDef.SerializeToString`
 * (tensorflow/core/framework/node_def.proto).
 * @param n - the node
 * @returns the serialized NodeDef
 * @example
 * ```ts
 * import { encodeNodeDef } from "tensorlings/io";
 * const bytes = encodeNodeDef({ name: "init", op: "NoOp", inputs: ["^theta/Assign"], attrs: {} });
 * ```
 */
export function encodeNodeDef(n: NodeDefLike): Uint8Array {
  return toBinary(pb.NodeDefSchema, nodeDefToProto(n));
}

/**
 * Parses a serialized NodeDef. Mirrors TF 1.x's `NodeDef.FromString`.
 * @param bytes - the serialized message
 * @returns the node; attrs of kinds the engine has no mirror of are left out
 * @throws `DataLossError` when the bytes are not a NodeDef, or a tensor or dtype in it is unsupported
 * @example
 * ```ts
 * import { decodeNodeDef, encodeNodeDef } from "tensorlings/io";
 * const node = decodeNodeDef(encodeNodeDef({ name: "init", op: "NoOp", inputs: [], attrs: {} }));
 * ```
 */
export function decodeNodeDef(bytes: Uint8Array): NodeDefLike {
  return nodeDefFromProto(parseMessage(pb.NodeDefSchema, bytes));
}

/** The generated GraphDef message of a graph; `versions` is always set, as Python's `as_graph_def` sets it. */
export function graphDefToProto(g: GraphDefLike): pb.GraphDef {
  return create(pb.GraphDefSchema, {
    node: g.nodes.map(nodeDefToProto),
    versions: versionDefToProto({ producer: g.producer }),
  });
}

/** A graph from its generated GraphDef message. */
export function graphDefFromProto(p: pb.GraphDef): GraphDefLike {
  return { nodes: p.node.map(nodeDefFromProto), producer: p.versions?.producer ?? 0 };
}

/**
 * Serializes a graph with the bytes TF 1.x writes. Mirrors TF 1.x's `GraphDef.SerializeToString`
 * (tensorflow/core/framework/graph.proto), as `tf.train.write_graph` and FileWriter's graph event use it.
 * @param g - the graph, e.g. from `asGraphDef`
 * @returns the serialized GraphDef
 * @example
 * ```ts
 * import { encodeGraphDef } from "tensorlings/io";
 * const bytes = encodeGraphDef({ nodes: [{ name: "x", op: "Placeholder", inputs: [], attrs: {} }], producer: 27 });
 * ```
 */
export function encodeGraphDef(g: GraphDefLike): Uint8Array {
  return toBinary(pb.GraphDefSchema, graphDefToProto(g));
}

/**
 * Parses a serialized GraphDef. Mirrors TF 1.x's `GraphDef.FromString`.
 * @param bytes - the serialized message, e.g. an event's `graph_def`
 * @returns the graph's nodes and producer version
 * @throws `DataLossError` when the bytes are not a GraphDef, or a tensor or dtype in it is unsupported
 * @example
 * ```ts
 * import { decodeGraphDef, encodeGraphDef } from "tensorlings/io";
 * const { nodes } = decodeGraphDef(encodeGraphDef({ nodes: [], producer: 27 }));
 * ```
 */
export function decodeGraphDef(bytes: Uint8Array): GraphDefLike {
  return graphDefFromProto(parseMessage(pb.GraphDefSchema, bytes));
}
