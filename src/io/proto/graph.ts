/**
 * GraphDef, NodeDef, AttrValue and VersionDef (tensorflow/core/framework/graph.proto, node_def.proto,
 * attr_value.proto, versions.proto), mapped to the plain-data
 * `GraphDefLike` the graph produces.
 */
import { dtypeFromProto } from "../../base/dtypes";
import type { AttrListLike, AttrValueLike, GraphDefLike, NodeDefLike, ShapeLike } from "../../base/graphdef";
import type { NDArray } from "../../base/ndarray/ndarray";
import { DataLossError } from "../../base/errors";
import { decodeTensorProto, decodeTensorShape, writeTensorProto, writeTensorShape } from "./tensor";
import {
  BinaryWriter,
  WireType,
  encodeWith,
  putInt32,
  putMessage,
  putPacked,
  putString,
  readBool,
  readFields,
  readFloat,
  readInt32,
  readInt64,
  readRepeated,
  writeBool,
  writeFloat,
  writeInt32,
  writeInt64,
} from "./wire";

// ---------------------------------------------------------------- VersionDef

export interface VersionDefProto {
  producer: number;
  minConsumer?: number;
  badConsumers?: number[];
}

export function writeVersionDef(w: BinaryWriter, v: VersionDefProto): void {
  putInt32(w, 1, v.producer);
  putInt32(w, 2, v.minConsumer);
  putPacked(w, 3, v.badConsumers, writeInt32);
}

export function decodeVersionDef(bytes: Uint8Array): VersionDefProto {
  const v: VersionDefProto = { producer: 0 };
  readFields(bytes, "VersionDef", (field, wt, r) => {
    if (field === 1) v.producer = r.int32();
    else if (field === 2) v.minConsumer = r.int32();
    else if (field === 3) readRepeated(r, wt, readInt32, (v.badConsumers ??= []));
    else return false;
    return true;
  });
  return v;
}

// ---------------------------------------------------------------- AttrValue

/** AttrValue's members form a oneof, so the chosen one is written even when it holds 0/false/"". */
export function writeAttrValue(w: BinaryWriter, a: AttrValueLike): void {
  switch (a.kind) {
    case "list":
      return putMessage(w, 1, (w) => writeAttrList(w, a.value));
    case "s":
      w.tag(2, WireType.LengthDelimited).bytes(a.value);
      return;
    case "i":
      w.tag(3, WireType.Varint).int64(a.value);
      return;
    case "f":
      w.tag(4, WireType.Bit32).float(a.value);
      return;
    case "b":
      w.tag(5, WireType.Varint).bool(a.value);
      return;
    case "type":
      w.tag(6, WireType.Varint).int32(a.value.protoEnum);
      return;
    case "shape":
      return putMessage(w, 7, (w) => writeTensorShape(w, a.value));
    case "tensor":
      return putMessage(w, 8, (w) => writeTensorProto(w, a.value));
  }
}

function writeAttrList(w: BinaryWriter, l: AttrListLike): void {
  for (const s of l.s ?? []) w.tag(2, WireType.LengthDelimited).bytes(s);
  putPacked(w, 3, l.i, writeInt64);
  putPacked(w, 4, l.f, writeFloat);
  putPacked(w, 5, l.b, writeBool);
  putPacked(
    w,
    6,
    l.type?.map((t) => t.protoEnum),
    writeInt32,
  );
  for (const s of l.shape ?? []) putMessage(w, 7, (w) => writeTensorShape(w, s));
  for (const t of l.tensor ?? []) putMessage(w, 8, (w) => writeTensorProto(w, t));
}

export function encodeAttrValue(a: AttrValueLike): Uint8Array {
  return encodeWith(writeAttrValue, a);
}

export function decodeAttrValue(bytes: Uint8Array): AttrValueLike | undefined {
  let out: AttrValueLike | undefined;
  readFields(bytes, "AttrValue", (field, _wt, r) => {
    switch (field) {
      case 1:
        out = { kind: "list", value: decodeAttrList(r.bytes()) };
        return true;
      case 2:
        out = { kind: "s", value: r.bytes() };
        return true;
      case 3:
        out = { kind: "i", value: readInt64(r) };
        return true;
      case 4:
        out = { kind: "f", value: r.float() };
        return true;
      case 5:
        out = { kind: "b", value: r.bool() };
        return true;
      case 6:
        out = { kind: "type", value: attrDType(r.int32()) };
        return true;
      case 7:
        out = { kind: "shape", value: decodeTensorShape(r.bytes()) };
        return true;
      case 8:
        out = { kind: "tensor", value: decodeTensorProto(r.bytes()) };
        return true;
      default:
        // placeholder / func attrs have no TS mirror; the node keeps its other attrs.
        return false;
    }
  });
  return out;
}

function decodeAttrList(bytes: Uint8Array): AttrListLike {
  const l: AttrListLike = {};
  const types: number[] = [];
  readFields(bytes, "AttrValue.ListValue", (field, wt, r) => {
    switch (field) {
      case 2:
        (l.s ??= []).push(r.bytes());
        return true;
      case 3:
        readRepeated(r, wt, readInt64, (l.i ??= []));
        return true;
      case 4:
        readRepeated(r, wt, readFloat, (l.f ??= []));
        return true;
      case 5:
        readRepeated(r, wt, readBool, (l.b ??= []));
        return true;
      case 6:
        readRepeated(r, wt, readInt32, types);
        return true;
      case 7:
        (l.shape ??= [] as ShapeLike[]).push(decodeTensorShape(r.bytes()));
        return true;
      case 8:
        (l.tensor ??= [] as NDArray[]).push(decodeTensorProto(r.bytes()));
        return true;
      default:
        return false;
    }
  });
  if (types.length > 0) l.type = types.map(attrDType);
  return l;
}

function attrDType(value: number) {
  try {
    return dtypeFromProto(value);
  } catch {
    throw new DataLossError(`AttrValue has an unsupported type (DataType enum ${value})`);
  }
}

// ---------------------------------------------------------------- NodeDef and GraphDef

/** NodeDef fields; the attr map is written as entries sorted by key, as deterministic protobuf output does. */
export function writeNodeDef(w: BinaryWriter, n: NodeDefLike): void {
  putString(w, 1, n.name);
  putString(w, 2, n.op);
  for (const input of n.inputs) w.tag(3, WireType.LengthDelimited).string(input);
  putString(w, 4, n.device);
  for (const key of Object.keys(n.attrs).sort(compareByUtf8)) {
    putMessage(w, 5, (w) => {
      w.tag(1, WireType.LengthDelimited).string(key);
      putMessage(w, 2, (w) => writeAttrValue(w, n.attrs[key]));
    });
  }
}

export function encodeNodeDef(n: NodeDefLike): Uint8Array {
  return encodeWith(writeNodeDef, n);
}

export function decodeNodeDef(bytes: Uint8Array): NodeDefLike {
  const n: NodeDefLike = { name: "", op: "", inputs: [], attrs: {} };
  readFields(bytes, "NodeDef", (field, _wt, r) => {
    switch (field) {
      case 1:
        n.name = r.string();
        return true;
      case 2:
        n.op = r.string();
        return true;
      case 3:
        n.inputs.push(r.string());
        return true;
      case 4:
        n.device = r.string() || undefined;
        return true;
      case 5: {
        let key = "";
        let value: AttrValueLike | undefined;
        readFields(r.bytes(), "NodeDef.AttrEntry", (f, _w, rd) => {
          if (f === 1) key = rd.string();
          else if (f === 2) value = decodeAttrValue(rd.bytes());
          else return false;
          return true;
        });
        if (value) n.attrs[key] = value;
        return true;
      }
      default:
        return false;
    }
  });
  if (n.device === undefined) delete n.device;
  return n;
}

/** GraphDef fields: `node = 1` repeated, `versions = 4` (always written, as Python's `as_graph_def` sets it). */
export function writeGraphDef(w: BinaryWriter, g: GraphDefLike): void {
  for (const node of g.nodes) putMessage(w, 1, (w) => writeNodeDef(w, node));
  putMessage(w, 4, (w) => writeVersionDef(w, { producer: g.producer }));
}

export function encodeGraphDef(g: GraphDefLike): Uint8Array {
  return encodeWith(writeGraphDef, g);
}

export function decodeGraphDef(bytes: Uint8Array): GraphDefLike {
  const g: GraphDefLike = { nodes: [], producer: 0 };
  readFields(bytes, "GraphDef", (field, _wt, r) => {
    if (field === 1) g.nodes.push(decodeNodeDef(r.bytes()));
    else if (field === 4) g.producer = decodeVersionDef(r.bytes()).producer;
    else return false;
    return true;
  });
  return g;
}

/**
 * Order of two strings by their UTF-8 bytes (what C++ `std::string` comparison gives). Comparing
 * code points is equivalent; plain `<` on UTF-16 units is not for characters beyond U+FFFF.
 */
export function compareByUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
