import type { DType } from "./dtypes";
import type { NDArray } from "./ndarray/ndarray";

/**
 * Plain-data form of a graph, the TS mirror of TF's GraphDef/NodeDef/AttrValue protos.
 * The graph produces it (`graph.asGraphDef()`), the io layer serializes it, and
 * `importMetaGraph` rebuilds a graph from it.
 */
export interface GraphDefLike {
  /** The nodes, in creation order. */
  nodes: NodeDefLike[];
  /** `versions.producer`; TF 1.12 writes 27. */
  producer: number;
}

/** Plain-data form of one node (TF's `NodeDef` proto, tensorflow/core/framework/node_def.proto). */
export interface NodeDefLike {
  /** The op's unique name. */
  name: string;
  /** The op type (`"MatMul"`). */
  op: string;
  /** Data inputs as `name` / `name:k`, then control inputs as `^name`. */
  inputs: string[];
  /** The device string, when one was recorded. */
  device?: string;
  /** The attributes by name. */
  attrs: Record<string, AttrValueLike>;
}

/** A static shape: `null` for unknown rank, `null` entries (or -1 in protos) for unknown dims. */
export type ShapeLike = (number | null)[] | null;

/**
 * One attribute value (TF's `AttrValue` proto, tensorflow/core/framework/attr_value.proto), tagged by the
 * proto field it uses: `type`, `i`, `f`, `b`, `s`, `shape`, `tensor` or `list`.
 */
export type AttrValueLike =
  | {
      /** The proto field: a dtype (`DataType`). */
      kind: "type";
      /** The value. */
      value: DType;
    }
  | {
      /** The proto field: an integer. */
      kind: "i";
      /** The value. */
      value: number;
    }
  | {
      /** The proto field: a float. */
      kind: "f";
      /** The value. */
      value: number;
    }
  | {
      /** The proto field: a boolean. */
      kind: "b";
      /** The value. */
      value: boolean;
    }
  | {
      /** The proto field: a byte string. */
      kind: "s";
      /** The value. */
      value: Uint8Array;
    }
  | {
      /** The proto field: a static shape. */
      kind: "shape";
      /** The value. */
      value: ShapeLike;
    }
  | {
      /** The proto field: a tensor value (`TensorProto`). */
      kind: "tensor";
      /** The value. */
      value: NDArray;
    }
  | {
      /** The proto field: a list of values. */
      kind: "list";
      /** The value. */
      value: AttrListLike;
    };

/** A list attribute (`AttrValue.ListValue`): one array per element kind, as in the proto. */
export interface AttrListLike {
  /** Byte strings (e.g. `_class` colocation names). */
  s?: Uint8Array[];
  /** Integers. */
  i?: number[];
  /** Floats. */
  f?: number[];
  /** Booleans. */
  b?: boolean[];
  /** Dtypes. */
  type?: DType[];
  /** Shapes. */
  shape?: ShapeLike[];
  /** Tensor values. */
  tensor?: NDArray[];
}
