import type { DType } from "./dtypes";
import type { NDArray } from "./ndarray/ndarray";

/**
 * Plain-data form of a graph, the TS mirror of TF's GraphDef/NodeDef/AttrValue protos.
 * The graph produces it (`graph.asGraphDef()`), the io layer serializes it, and
 * `importMetaGraph` rebuilds a graph from it.
 */
export interface GraphDefLike {
  nodes: NodeDefLike[];
  /** `versions.producer`; TF 1.12 writes 27. */
  producer: number;
}

export interface NodeDefLike {
  name: string;
  op: string;
  /** Data inputs as `name` / `name:k`, then control inputs as `^name`. */
  inputs: string[];
  device?: string;
  attrs: Record<string, AttrValueLike>;
}

/** A static shape: `null` for unknown rank, `null` entries (or -1 in protos) for unknown dims. */
export type ShapeLike = (number | null)[] | null;

export type AttrValueLike =
  | { kind: "type"; value: DType }
  | { kind: "i"; value: number }
  | { kind: "f"; value: number }
  | { kind: "b"; value: boolean }
  | { kind: "s"; value: Uint8Array }
  | { kind: "shape"; value: ShapeLike }
  | { kind: "tensor"; value: NDArray }
  | { kind: "list"; value: AttrListLike };

export interface AttrListLike {
  s?: Uint8Array[];
  i?: number[];
  f?: number[];
  b?: boolean[];
  type?: DType[];
  shape?: ShapeLike[];
  tensor?: NDArray[];
}
