/**
 * The data that crosses between the trusted grader and the sandboxed learner process, in both
 * directions. Only data crosses: JSON with tagged values for what JSON lacks. Engine objects
 * travel as data too: an NDArray as dtype + shape + values, a graph as its MetaGraphDef bytes
 * (rebuilt in the receiver's own engine), tensors and ops as names in such a graph, an error as
 * type + message. A function stays where it was defined and travels as a handle: calling it on
 * the other side is one more request.
 *
 * Each side keeps a `Peer`: the graphs it has sent or received, by id, so that a graph sent back
 * and forth is the same object on each side, and the functions it has handed out, by id.
 */
import * as tf from "tensorlings";
import {
  decodeMetaGraphDef,
  decodeVariableDef,
  encodeMetaGraphDef,
  type CollectionDefProto,
  type MetaGraphDefProto,
} from "tensorlings/io";

/** Limits on one message, so that no value can exhaust the receiver. */
export const LIMITS = { depth: 48, nodes: 2_000_000, bytes: 64 * 1024 * 1024 } as const;

export type Encoded = null | boolean | number | string | Encoded[] | { $: string; [k: string]: unknown };

type Invoke = (handle: string, args: unknown[]) => unknown;

interface GraphEntry {
  id: string;
  /** Op count when last sent or received: a graph that grew since is sent again. */
  ops: number;
}

export class CodecError extends Error {
  override name = "CodecError";
}

export class Peer {
  private readonly graphIds = new Map<tf.Graph, GraphEntry>();
  private readonly graphsById = new Map<string, tf.Graph>();
  private readonly handles = new Map<string, (...args: unknown[]) => unknown>();
  private readonly handleIds = new Map<unknown, string>();
  private readonly sessionIds = new Map<tf.SessionImpl, string>();
  private readonly sessionsById = new Map<string, tf.SessionImpl>();
  /** Sessions received since the last `takeTouched()`: their variables are sent back after a call. */
  private readonly touched = new Set<tf.SessionImpl>();
  private nextId = 1;

  /**
   * @param side prefix of the ids this side makes ("t" trusted, "s" sandbox), so ids never clash
   * @param invoke how a function handle received from the other side is called
   */
  constructor(
    private readonly side: string,
    private readonly invoke: Invoke,
  ) {}

  /** The function this side handed out under `id`. */
  handle(id: string): (...args: unknown[]) => unknown {
    const fn = this.handles.get(id);
    if (!fn) throw new CodecError(`unknown function handle ${id}`);
    return fn;
  }

  encode(value: unknown): Encoded {
    let nodes = 0;
    const seen = new Set<object>();
    const enc = (v: unknown, depth: number): Encoded => {
      if (++nodes > LIMITS.nodes) throw new CodecError(`the value has more than ${LIMITS.nodes} parts`);
      if (depth > LIMITS.depth) throw new CodecError(`the value is nested more than ${LIMITS.depth} levels deep`);
      if (v === null) return null;
      switch (typeof v) {
        case "undefined":
          return { $: "undef" };
        case "boolean":
        case "string":
          return v;
        case "number":
          return Number.isFinite(v) && !Object.is(v, -0) ? v : { $: "num", v: Object.is(v, -0) ? "-0" : String(v) };
        case "bigint":
          return { $: "bigint", v: v.toString() };
        case "symbol":
          return { $: "symbol", v: String(v.description ?? "") };
        case "function":
          return { $: "fn", id: this.handOut(v as (...args: unknown[]) => unknown), name: String(v.name ?? "") };
      }
      const o = v as object;
      if (seen.has(o)) throw new CodecError("the value refers to itself (a cycle)");
      seen.add(o);
      try {
        return this.encodeObject(o, (x) => enc(x, depth + 1));
      } finally {
        seen.delete(o);
      }
    };
    return enc(value, 0);
  }

  private encodeObject(o: object, enc: (v: unknown) => Encoded): Encoded {
    if (Array.isArray(o)) return o.map(enc);
    if (o instanceof tf.NDArray) return encodeNDArray(o);
    if (ArrayBuffer.isView(o)) return { $: "typed", type: o.constructor.name, b64: base64(o) };
    if (o instanceof tf.Tensor) return { $: "tensor", graph: this.encodeGraph(o.graph), name: o.name };
    if (o instanceof tf.Operation) return { $: "op", graph: this.encodeGraph(o.graph), name: o.name };
    if (o instanceof tf.SessionImpl) return this.encodeSession(o);
    if (isGraph(o)) return this.encodeGraph(o);
    if (o instanceof tf.DType) return { $: "dtype", name: o.name };
    if (o instanceof Error) return { $: "error", type: errorType(o), message: safeMessage(o) };
    if (o instanceof Date) return { $: "date", v: Number.isNaN(o.getTime()) ? null : o.toISOString() };
    if (o instanceof Map) return { $: "map", entries: [...o.entries()].map(([k, v]) => [enc(k), enc(v)]) };
    if (o instanceof Set) return { $: "set", values: [...o.values()].map(enc) };
    if (o instanceof Promise) throw new CodecError("a Promise cannot be sent; await it first");
    const fields: Record<string, Encoded> = {};
    for (const key of Object.keys(o)) fields[key] = enc((o as Record<string, unknown>)[key]);
    // Methods of a class instance travel as handles bound to it (e.g. a returned model object).
    const proto = Object.getPrototypeOf(o) as object | null;
    if (proto && proto !== Object.prototype) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key === "constructor" || key in fields) continue;
        const d = Object.getOwnPropertyDescriptor(proto, key);
        if (d && typeof d.value === "function") fields[key] = enc((d.value as (...args: unknown[]) => unknown).bind(o));
      }
    }
    return { $: "obj", v: fields };
  }

  private encodeGraph(g: tf.Graph): Encoded {
    const ops = g.getOperations().length;
    const known = this.graphIds.get(g);
    if (known && known.ops === ops) return { $: "graph", id: known.id };
    const id = known?.id ?? `${this.side}${this.nextId++}`;
    this.graphIds.set(g, { id, ops });
    this.graphsById.set(id, g);
    const meta = tf.train.exportMetaGraph(null, { graph: g });
    return { $: "graph", id, meta: base64(encodeMetaGraphDef(meta)) };
  }

  /**
   * A session travels with the values of its initialised variables, so that a session passed to
   * the other side, and changed there, can be brought up to date when the call returns.
   */
  private encodeSession(sess: tf.SessionImpl): Encoded {
    let id = this.sessionIds.get(sess);
    if (!id) {
      id = `${this.side}s${this.nextId++}`;
      this.sessionIds.set(sess, id);
      this.sessionsById.set(id, sess);
    }
    const vars = [...sess.state.variables].map(([op, value]) => [op.name, encodeNDArray(value)]);
    return { $: "session", id, graph: this.encodeGraph(sess.graph), vars };
  }

  private decodeSession(v: { [k: string]: unknown }): tf.SessionImpl {
    const id = str(v.id);
    const graph = this.decodeGraph(v.graph);
    let sess = this.sessionsById.get(id);
    if (!sess || sess.graph !== graph) {
      sess = tf.Session({ graph });
      this.sessionsById.set(id, sess);
      this.sessionIds.set(sess, id);
    }
    sess.state.variables.clear();
    for (const entry of list(v.vars)) {
      const [name, value] = list(entry);
      sess.state.variables.set(graph.getOperationByName(str(name)), decodeNDArray(value as { [k: string]: unknown }));
    }
    this.touched.add(sess);
    return sess;
  }

  /** The sessions received since the last call, to send back with their variables as they are now. */
  takeTouched(): tf.SessionImpl[] {
    const out = [...this.touched];
    this.touched.clear();
    return out;
  }

  private handOut(fn: (...args: unknown[]) => unknown): string {
    let id = this.handleIds.get(fn);
    if (!id) {
      id = `${this.side}f${this.nextId++}`;
      this.handleIds.set(fn, id);
      this.handles.set(id, fn);
    }
    return id;
  }

  decode(value: unknown): unknown {
    let nodes = 0;
    const dec = (v: unknown, depth: number): unknown => {
      if (++nodes > LIMITS.nodes) throw new CodecError(`the value has more than ${LIMITS.nodes} parts`);
      if (depth > LIMITS.depth) throw new CodecError(`the value is nested more than ${LIMITS.depth} levels deep`);
      if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number") return v;
      if (Array.isArray(v)) return v.map((x) => dec(x, depth + 1));
      if (typeof v !== "object" || typeof (v as { $?: unknown }).$ !== "string")
        throw new CodecError("malformed value");
      return this.decodeTagged(v as { $: string; [k: string]: unknown }, (x) => dec(x, depth + 1));
    };
    return dec(value, 0);
  }

  private decodeTagged(v: { $: string; [k: string]: unknown }, dec: (x: unknown) => unknown): unknown {
    switch (v.$) {
      case "undef":
        return undefined;
      case "num":
        return Number(str(v.v));
      case "bigint":
        return BigInt(str(v.v));
      case "symbol":
        return Symbol(str(v.v));
      case "fn": {
        const id = str(v.id);
        const invoke = this.invoke;
        const remote = (...args: unknown[]) => invoke(id, args);
        Object.defineProperty(remote, "name", { value: str(v.name ?? "") });
        return remote;
      }
      case "typed":
        return decodeTyped(str(v.type), str(v.b64));
      case "nd":
        return decodeNDArray(v);
      case "graph":
        return this.decodeGraph(v);
      case "tensor":
        return tensorIn(this.decodeGraph(v.graph), str(v.name));
      case "op":
        return this.decodeGraph(v.graph).getOperationByName(str(v.name));
      case "session":
        return this.decodeSession(v);
      case "dtype":
        return dtypeByName(str(v.name));
      case "error":
        return remoteError(str(v.type), str(v.message));
      case "date":
        return v.v === null ? new Date(NaN) : new Date(str(v.v));
      case "map":
        return new Map(list(v.entries).map((e) => list(e).map(dec) as [unknown, unknown]));
      case "set":
        return new Set(list(v.values).map(dec));
      case "obj": {
        const out: Record<string, unknown> = {};
        const fields = v.v;
        if (!fields || typeof fields !== "object") throw new CodecError("malformed object");
        for (const [k, x] of Object.entries(fields)) {
          if (k === "__proto__") continue;
          out[k] = dec(x);
        }
        return out;
      }
      default:
        throw new CodecError(`unknown value tag "${v.$.slice(0, 20)}"`);
    }
  }

  private decodeGraph(v: unknown): tf.Graph {
    if (!v || typeof v !== "object" || (v as { $?: unknown }).$ !== "graph") throw new CodecError("malformed graph");
    const { id, meta } = v as { id?: unknown; meta?: unknown };
    const key = str(id);
    const known = this.graphsById.get(key);
    if (meta === undefined) {
      if (!known) throw new CodecError(`unknown graph ${key}`);
      return known;
    }
    const def = decodeMetaGraphDef(fromBase64(str(meta)));
    // A graph this side already holds, grown on the other side: add the new ops to it, so that
    // the objects this side holds stay the ones the graph's tensors belong to.
    const graph = known && extend(known, def) ? known : tf.Graph();
    if (graph !== known) graph.asDefault(() => tf.train.importScopedMetaGraph(def));
    this.graphsById.set(key, graph);
    this.graphIds.set(graph, { id: key, ops: graph.getOperations().length });
    return graph;
  }
}

/**
 * Adds to `graph` the ops and collection entries of `def` that it lacks, when `def` is `graph`
 * grown (its ops are a superset by name); false, changing nothing, otherwise.
 */
function extend(graph: tf.Graph, def: MetaGraphDefProto): boolean {
  const nodes = def.graphDef?.nodes ?? [];
  const have = new Set(graph.getOperations().map((o) => o.name));
  const incoming = new Set(nodes.map((n) => n.name));
  if (![...have].every((n) => incoming.has(n))) return false;
  const collectionDef: Record<string, CollectionDefProto> = {};
  for (const [key, c] of Object.entries(def.collectionDef ?? {})) {
    if (c.kind === "node_list") collectionDef[key] = { kind: c.kind, value: c.value.filter((n) => !have.has(n.split(":")[0])) };
    else if (c.kind === "bytes_list") {
      const isNew = (b: Uint8Array) => {
        try {
          return !have.has(decodeVariableDef(b).variableName.split(":")[0]);
        } catch {
          return false;
        }
      };
      collectionDef[key] = { kind: c.kind, value: c.value.filter(isNew) };
    }
  }
  const graphDef = def.graphDef ? { ...def.graphDef, nodes: nodes.filter((n) => !have.has(n.name)) } : undefined;
  graph.asDefault(() => tf.train.importScopedMetaGraph({ ...def, graphDef, collectionDef }));
  return true;
}

/** A tensor of `graph` by name; a variable comes back as the graph's Variable object. */
function tensorIn(graph: tf.Graph, name: string): tf.Tensor {
  const variable = graph
    .getCollection(tf.GraphKeys.GLOBAL_VARIABLES)
    .find((x): x is tf.Tensor => x instanceof tf.Tensor && x.name === name);
  return variable ?? graph.getTensorByName(name);
}

function isGraph(o: object): o is tf.Graph {
  return o.constructor === tf.getDefaultGraph().constructor;
}

function encodeNDArray(a: tf.NDArray): Encoded {
  const data = a.data;
  const values = Array.isArray(data)
    ? { $: "strings", v: (data as Uint8Array[]).map(base64) }
    : { $: "typed", type: data.constructor.name, b64: base64(data) };
  return { $: "nd", dtype: a.dtype.name, shape: [...a.shape], data: values };
}

function decodeNDArray(v: { [k: string]: unknown }): tf.NDArray {
  const shape = list(v.shape).map((d) => {
    if (!Number.isInteger(d) || (d as number) < 0) throw new CodecError("malformed NDArray shape");
    return d as number;
  });
  const data = v.data as { $?: unknown; v?: unknown; type?: unknown; b64?: unknown };
  const values =
    data?.$ === "strings" ? list(data.v).map((s) => fromBase64(str(s))) : decodeTyped(str(data?.type), str(data?.b64));
  try {
    return new tf.NDArray(dtypeByName(str(v.dtype)), shape, values as never);
  } catch (e) {
    throw new CodecError(`malformed NDArray: ${(e as Error).message}`);
  }
}

const TYPED: Record<string, new (buf: ArrayBuffer) => ArrayBufferView> = {
  Float32Array,
  Float64Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  BigInt64Array,
  BigUint64Array,
};

function decodeTyped(type: string, b64: string): ArrayBufferView {
  const Ctor = Object.hasOwn(TYPED, type) ? TYPED[type] : undefined;
  if (!Ctor) throw new CodecError(`unsupported typed array ${type.slice(0, 30)}`);
  const bytes = fromBase64(b64);
  const size = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new CodecError(`malformed ${type}`);
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  return new Ctor(buf);
}

function dtypeByName(name: string): tf.DType {
  const all: Record<string, tf.DType> = {
    float32: tf.float32,
    float64: tf.float64,
    int32: tf.int32,
    int64: tf.int64,
    bool: tf.bool,
    string: tf.string,
  };
  if (!Object.hasOwn(all, name)) throw new CodecError(`unknown dtype ${name.slice(0, 30)}`);
  return all[name];
}

/** An error thrown on the other side: same class name and message, a plain Error here. */
export class RemoteError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

function remoteError(type: string, message: string): RemoteError {
  return new RemoteError(type.slice(0, 80), message.slice(0, 4000));
}

/** The class name of a thrown value, without running code it controls beyond plain reads. */
export function errorType(e: unknown): string {
  try {
    if (e instanceof Error) {
      const n = (e as { name?: unknown }).name;
      return typeof n === "string" && n ? n.slice(0, 80) : "Error";
    }
  } catch {
    // A getter that throws: fall through.
  }
  return e === null ? "null" : typeof e;
}

/** The message of a thrown value; never throws, whatever the value does. */
export function safeMessage(e: unknown): string {
  try {
    if (e instanceof Error) {
      const m = (e as { message?: unknown }).message;
      return typeof m === "string" ? m.slice(0, 4000) : "";
    }
    if (typeof e === "string") return e.slice(0, 4000);
    if (typeof e === "number" || typeof e === "boolean" || e === null || e === undefined) return String(e);
    return Object.prototype.toString.call(e);
  } catch {
    return "(an unprintable value)";
  }
}

function base64(v: ArrayBufferView): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}

function fromBase64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "base64"));
}

function str(v: unknown): string {
  if (typeof v !== "string") throw new CodecError("malformed value (expected a string field)");
  return v;
}

function list(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new CodecError("malformed value (expected a list)");
  return v;
}
