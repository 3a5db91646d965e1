/**
 * `tf.train.import_meta_graph(path)`: rebuild a saved graph in the default graph, with its
 * collections and its Variables, and return a Saver over the saved SaverDef, so that a fresh
 * process can do `getTensorByName("theta:0")` and `saver.restore(sess, path)`.
 */
import * as fs from "fs";
import "../../ops";
import "../../ops/io";
import { getDefaultGraph, GraphKeys, type GraphImpl } from "../../graph/graph";
import { importGraphDef } from "../../ops/graphDefImport";
import type { Operation } from "../../graph/operation";
import { canonicalTensor, type Tensor } from "../../graph/tensor";
import { DataLossError, OSError } from "../../base/errors";
import {
  decodeMetaGraphDef,
  decodeVariableDef,
  type MetaGraphDefProto,
  type VariableDefProto,
} from "../../io";
import { Variable } from "../../ops/state/variable";
import { logInfo } from "../../base/logging";
import { VARIABLE_COLLECTIONS } from "./metaGraphExport";
import { SaverImpl } from "./saver";

/**
 * Reads a binary MetaGraphDef file. Mirrors TF 1.x `meta_graph.read_meta_graph_file(filename)`
 * (tensorflow/python/framework/meta_graph.py).
 * @param filename - The `.meta` file.
 * @returns The decoded MetaGraphDef.
 * @throws {@link OSError} when the file is missing or cannot be parsed.
 */
export function readMetaGraphFile(filename: string): MetaGraphDefProto {
  if (!fs.existsSync(filename)) throw new OSError(`File ${filename} does not exist.`);
  try {
    return decodeMetaGraphDef(fs.readFileSync(filename));
  } catch (e) {
    if (e instanceof DataLossError) throw new OSError(`Cannot parse file ${filename}: ${e.message}.`);
    throw e;
  }
}

/** The element a collection entry names: `x:0` is a tensor, `x` an operation. */
function graphElement(graph: GraphImpl, name: string): Tensor | Operation {
  return name.includes(":") ? graph.getTensorByName(name) : graph.getOperationByName(name);
}

/** TF's `Variable(variable_def=...)`: wrap the imported ops of one variable. */
function variableFromDef(graph: GraphImpl, def: VariableDefProto, trainable: boolean): Variable {
  const varTensor = canonicalTensor(graph.getTensorByName(def.variableName));
  if (varTensor instanceof Variable) return varTensor;
  const initializer = graph.getOperationByName(def.initializerName);
  const snapshot = graph.getTensorByName(def.snapshotName);
  const initialValue = def.initialValueName
    ? graph.getTensorByName(def.initialValueName)
    : initializer.inputs[1];
  return Variable.fromGraph(varTensor.op, initializer, snapshot, initialValue, trainable);
}

/** Put the saved collections back: variables as Variable objects, node lists as tensors and ops. */
function restoreCollections(graph: GraphImpl, meta: MetaGraphDefProto): void {
  const collections = meta.collectionDef ?? {};
  const trainableDefs = collections[GraphKeys.TRAINABLE_VARIABLES];
  const trainableNames = new Set(
    trainableDefs?.kind === "bytes_list"
      ? trainableDefs.value.map((b) => decodeVariableDef(b).variableName)
      : [],
  );
  for (const key of Object.keys(collections).sort()) {
    const def = collections[key];
    switch (def.kind) {
      case "bytes_list":
        if (VARIABLE_COLLECTIONS.has(key)) {
          for (const bytes of def.value) {
            const v = decodeVariableDef(bytes);
            graph.addToCollection(
              key,
              variableFromDef(graph, v, v.trainable ?? trainableNames.has(v.variableName)),
            );
          }
        } else {
          for (const bytes of def.value) graph.addToCollection(key, new TextDecoder().decode(bytes));
        }
        break;
      case "node_list":
        for (const name of def.value) graph.addToCollection(key, graphElement(graph, name));
        break;
      case "int64_list":
      case "float_list":
        for (const x of def.value) graph.addToCollection(key, x);
        break;
    }
  }
}

/**
 * `meta_graph.import_scoped_meta_graph(meta)`: the graph and its collections into the default
 * graph, without the Saver that `importMetaGraph` adds (so the graph holds exactly what was saved).
 * Mirrors TF 1.x `tf.train.import_meta_graph`'s first half (tensorflow/python/framework/meta_graph.py,
 * `import_scoped_meta_graph`).
 * @param meta - The MetaGraphDef.
 * @returns The default graph.
 * @example
 * ```ts
 * const meta = tf.train.exportMetaGraph();
 * const g = tf.Graph();
 * g.asDefault(() => tf.train.importScopedMetaGraph(meta));
 * ```
 */
export function importScopedMetaGraph(meta: MetaGraphDefProto): GraphImpl {
  const graph = getDefaultGraph();
  if (meta.graphDef) importGraphDef(graph, meta.graphDef);
  restoreCollections(graph, meta);
  return graph;
}

/**
 * `tf.train.import_meta_graph(meta_graph_or_file)`: import into the default graph and return a
 * Saver using the saved SaverDef (a new Saver over all variables when there is none, or null when
 * the graph has no variables). Mirrors TF 1.x `tf.train.import_meta_graph(meta_graph_or_file)`
 * (tensorflow/python/training/saver.py, `import_meta_graph`).
 * @param metaGraphOrFile - A `.meta` file or a MetaGraphDef.
 * @returns The saver, or null when there is nothing to restore.
 * @throws {@link OSError} when the file is missing or cannot be parsed.
 * @example
 * ```ts
 * const saver = tf.train.importMetaGraph("/tmp/my_model_final.ckpt.meta");
 * const theta = tf.getDefaultGraph().getTensorByName("theta:0");
 * tf.withSession(tf.Session(), (sess) => saver?.restore(sess, "/tmp/my_model_final.ckpt"));
 * ```
 */
export function importMetaGraph(metaGraphOrFile: string | MetaGraphDefProto): SaverImpl | null {
  const meta = typeof metaGraphOrFile === "string" ? readMetaGraphFile(metaGraphOrFile) : metaGraphOrFile;
  const graph = importScopedMetaGraph(meta);
  if (meta.saverDef) return new SaverImpl(null, { saverDef: meta.saverDef });
  if (graph.getCollection(GraphKeys.GLOBAL_VARIABLES).length > 0) return new SaverImpl();
  logInfo("Saver not created because there are no variables in the graph to restore");
  return null;
}
