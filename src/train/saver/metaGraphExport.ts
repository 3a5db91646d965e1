/**
 * `MetaGraphDef`s (`export_scoped_meta_graph`, tensorflow/python/framework/meta_graph.py; messages in
 * tensorflow/core/protobuf/meta_graph.proto): the graph with its shapes, the SaverDef, and the collections
 * (`variables` and `trainable_variables` as serialized VariableDefs, `train_op`, `summaries`, `losses` as
 * node names). Written to `prefix.meta` by `Saver.save` and carried by FileWriter's `meta_graph_def` event.
 */
import { optionalArgs } from "../../base/optionalArgs";
import * as fs from "fs";
import * as path from "path";
import { getDefaultGraph, type GraphImpl } from "../../graph/graph";
import { asGraphDef } from "../../graph/graphDefExport";
import type { GraphDefLike } from "../../base/graphdef";
import { Operation } from "../../graph/operation";
import { Tensor } from "../../graph/tensor";
import {
  encodeMetaGraphDef,
  encodeVariableDef,
  writeFileAtomic,
  type CollectionDefProto,
  type MetaGraphDefProto,
  type MetaInfoDefProto,
  type SaverDefProto,
} from "../../io";
import { Variable } from "../../ops/state/variable";
import { logWarning } from "../../base/logging";

/** Collections whose items are Variables, stored as VariableDef protos (TF's `_VARIABLE_COLLECTIONS`). */
export const VARIABLE_COLLECTIONS: ReadonlySet<string> = new Set([
  "variables",
  "trainable_variables",
  "local_variables",
  "model_variables",
  "moving_average_variables",
  "global_step",
  "metric_variables",
]);

/** The TF release whose behaviour the kit follows; GraphDefs carry its producer version (27). */
const META_INFO: MetaInfoDefProto = { tensorflowVersion: "1.12.0", tensorflowGitVersion: "tensorlings" };

/** `Variable.to_proto()`: names of the variable tensor, its initializer, snapshot and initial value. */
export function variableDefBytes(v: Variable): Uint8Array {
  return encodeVariableDef({
    variableName: v.name,
    initializerName: v.initializer.name,
    snapshotName: v.snapshot.name,
    initialValueName: v.initialValue.name,
  });
}

/** One collection as TF's `add_collection_def` stores it, or null when it cannot be (TF warns and skips it). */
function collectionDef(key: string, items: readonly unknown[]): CollectionDefProto | null {
  if (VARIABLE_COLLECTIONS.has(key) && items.every((x) => x instanceof Variable)) {
    return { kind: "bytes_list", value: items.map((x) => variableDefBytes(x as Variable)) };
  }
  const first = items[0];
  if (typeof first === "string" && items.every((x) => typeof x === "string")) {
    return { kind: "bytes_list", value: items.map((x) => new TextEncoder().encode(x as string)) };
  }
  if (typeof first === "number" && items.every((x) => typeof x === "number")) {
    const ints = items.every((x) => Number.isInteger(x));
    return ints
      ? { kind: "int64_list", value: items as number[] }
      : { kind: "float_list", value: items as number[] };
  }
  if (items.every((x) => x instanceof Tensor || x instanceof Operation)) {
    return { kind: "node_list", value: items.map((x) => (x as Tensor | Operation).name) };
  }
  return null;
}

/** Every non-empty collection of `graph` that can be serialized, by key. */
export function collectionDefs(
  graph: GraphImpl,
  keys: readonly string[] = graph.allCollectionKeys,
): Record<string, CollectionDefProto> {
  const out: Record<string, CollectionDefProto> = {};
  for (const key of keys) {
    const items = graph.getCollection(key);
    if (items.length === 0) continue;
    const def = collectionDef(key, items);
    if (def) out[key] = def;
    else
      logWarning(
        `Issue encountered when serializing: ${key}.\nType is unsupported, or the types of the items don't match field type in CollectionDef.`,
      );
  }
  return out;
}

/** Keyword arguments of `tf.train.exportMetaGraph` (TF 1.x `export_meta_graph`). */
export interface MetaGraphOptions {
  /** Graph whose ops and collections are exported (default: the default graph). */
  graph?: GraphImpl;
  /** Use this GraphDef instead of the graph's own (with shapes). */
  graphDef?: GraphDefLike;
  /** The SaverDef to include (a Saver's `asSaverDef()`). */
  saverDef?: SaverDefProto;
  /** Collections to export (default: all of the graph's). */
  collectionList?: readonly string[];
  /** Extra MetaInfoDef fields; the TF version fields are always the kit's. */
  metaInfoDef?: MetaInfoDefProto;
}

/** `meta_graph.create_meta_graph_def`. */
export function createMetaGraphDef(options: MetaGraphOptions = {}): MetaGraphDefProto {
  const graph = options.graph ?? getDefaultGraph();
  const meta: MetaGraphDefProto = {
    metaInfoDef: { ...options.metaInfoDef, ...META_INFO },
    graphDef: options.graphDef ?? asGraphDef(graph, { addShapes: true }),
    collectionDef: collectionDefs(graph, options.collectionList),
  };
  if (options.saverDef) meta.saverDef = options.saverDef;
  return meta;
}

/**
 * `tf.train.export_meta_graph(filename=None, ...)`: build the MetaGraphDef and, given a file
 * name, write it there (parent directories created, written atomically).
 * Mirrors TF 1.x `tf.train.export_meta_graph(filename=None, meta_info_def=None, graph_def=None,
 * saver_def=None, collection_list=None, ...)` (tensorflow/python/training/saver.py, `export_meta_graph`).
 * @param options.graph - The graph to export (the default graph).
 * @param options.graphDef - A GraphDef to use instead of the graph's own.
 * @param options.saverDef - The SaverDef to include.
 * @param options.collectionList - The collections to export (all).
 * @param options.metaInfoDef - Extra MetaInfoDef fields.
 * @returns The MetaGraphDef.
 * @example
 * ```ts
 * const theta = tf.Variable(tf.zeros([2, 1]), { name: "theta" });
 * const meta = tf.train.exportMetaGraph();
 * ```
 */
export function exportMetaGraph(options?: MetaGraphOptions): MetaGraphDefProto;
/**
 * The same, also written to `filename`: `tf.train.exportMetaGraph("/tmp/model.meta")`.
 * @param filename - The file to write, or null.
 * @param options - As in the first form.
 * @returns The MetaGraphDef.
 */
export function exportMetaGraph(filename: string | null | undefined, options?: MetaGraphOptions): MetaGraphDefProto;
export function exportMetaGraph(...args: unknown[]): MetaGraphDefProto {
  const parsed = optionalArgs<MetaGraphOptions>({ fn: "tf.train.exportMetaGraph", names: ["filename"] }, args);
  const filename = parsed.values[0] as string | undefined;
  const options = parsed.options;
  const meta = createMetaGraphDef(options);
  if (filename) {
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    writeFileAtomic(filename, encodeMetaGraphDef(meta));
  }
  return meta;
}
