/**
 * `tf.summary.scalar`, `tf.summary.histogram`, `tf.summary.merge` and `tf.summary.merge_all`.
 * Each returns a scalar string tensor; evaluating it gives a serialized `Summary` proto for
 * `FileWriter.addSummary`. New summaries join the graph's `summaries` collection.
 */
import { optionalArgs } from "../base/optionalArgs";
import { getDefaultGraph, GraphKeys } from "../graph/graph";
import { nameScope } from "../graph/nameScope";
import { Tensor } from "../graph/tensor";
import { ValueError } from "../base/errors";
import { constant, convertToTensor } from "../ops/array/constant";
import { attr } from "../ops/attrs";
import { createOp, createOpNamed, inOpScope } from "../ops/createOp";
import "../ops/io";
import { cleanTag, summaryScope } from "./summaryScope";

/** Keyword arguments of `tf.summary.scalar` and `tf.summary.histogram`. */
export interface SummaryOptions {
  /** Collections to add the summary to (default `["summaries"]`). */
  collections?: string[];
  /** Prefix for the scope and tag, shown as a group in TensorBoard. */
  family?: string;
}

const REAL_NUMBER_TYPES =
  "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, half, uint32, uint64";

function checkRealNumber(t: Tensor, param: string): void {
  if (!t.dtype.isNumeric) {
    throw new TypeError(
      `Value passed to parameter '${param}' has DataType ${t.dtype.name} not in list of allowed values: ${REAL_NUMBER_TYPES}`,
    );
  }
}

function collect(value: Tensor, collections: string[] | undefined, defaults: string[]): void {
  const graph = value.graph;
  for (const key of collections ?? defaults) graph.addToCollection(key, value);
}

/**
 * Adds a `ScalarSummary` op: evaluating it gives a serialized Summary with one simple value, ready for
 * `FileWriter.addSummary`. The op is named like its scope, with its tag in the constant `<scope>/tags`.
 * Mirrors TF 1.x `tf.summary.scalar(name, tensor, collections=None, family=None)`
 * (tensorflow/python/summary/summary.py, `scalar`).
 * @param name - The summary's name, cleaned of characters TensorBoard refuses; also its tag.
 * @param tensor - A real-valued tensor with a single element.
 * @param options.collections - Collections to add it to (`["summaries"]`).
 * @param options.family - Prefix of the scope and tag (a TensorBoard group).
 * @returns A scalar string tensor.
 * @throws TypeError when `tensor` is not real-valued.
 * @example
 * ```ts
 * const mse = tf.reduceMean(tf.square(tf.constant([1, 2, 3])), { name: "mse" });
 * const mseSummary = tf.summary.scalar("MSE", mse);
 * ```
 */
export function scalar(name: string, tensor: unknown, options: SummaryOptions = {}): Tensor {
  return summaryScope(name, options.family, undefined, [tensor], (tag, scope) => {
    const tags = constant(tag, { name: "tags" });
    const values = convertToTensor(tensor, { name: "values" });
    checkRealNumber(values, "values");
    const op = createOpNamed(getDefaultGraph(), "ScalarSummary", scope, [tags, values], {
      T: attr.type(values.dtype),
    });
    collect(op.outputs[0], options.collections, [GraphKeys.SUMMARIES]);
    return op.outputs[0];
  });
}

/**
 * Adds a `HistogramSummary` op over all elements of `values`, with TF's default buckets; its tag is in the
 * constant `<scope>/tag`. Mirrors TF 1.x `tf.summary.histogram(name, values, collections=None, family=None)`
 * (tensorflow/python/summary/summary.py, `histogram`).
 * @param name - The summary's name and tag.
 * @param values - A real-valued tensor of any shape.
 * @param options.collections - Collections to add it to (`["summaries"]`).
 * @param options.family - Prefix of the scope and tag.
 * @returns A scalar string tensor.
 * @throws TypeError when `values` is not real-valued.
 * @throws {@link InvalidArgumentError} when run on NaN or infinite values.
 * @example
 * ```ts
 * const theta = tf.Variable(tf.randomUniform([9, 1], -1, 1), { name: "theta" });
 * const thetaHist = tf.summary.histogram("theta", theta);
 * ```
 */
export function histogram(name: string, values: unknown, options: SummaryOptions = {}): Tensor {
  return summaryScope(name, options.family, "HistogramSummary", [values], (tag, scope) => {
    const tagTensor = constant(tag, { name: "tag" });
    const v = convertToTensor(values, { name: "values" });
    checkRealNumber(v, "values");
    const op = createOpNamed(getDefaultGraph(), "HistogramSummary", scope, [tagTensor, v], {
      T: attr.type(v.dtype),
    });
    collect(op.outputs[0], options.collections, [GraphKeys.SUMMARIES]);
    return op.outputs[0];
  });
}

/** Keyword arguments of `tf.summary.merge`. */
export interface MergeOptions {
  /** Collections to add the merged summary to (default: none). */
  collections?: string[];
  /** Name of the op (`Merge/MergeSummary` by default). */
  name?: string;
}

/**
 * Adds a `MergeSummary` op: one Summary holding the values of all inputs (`Merge/MergeSummary`).
 * Mirrors TF 1.x `tf.summary.merge(inputs, collections=None, name=None)`
 * (tensorflow/python/summary/summary.py, `merge`).
 * @param inputs - Summary tensors (from `scalar`, `histogram` or `merge`).
 * @param options.collections - Collections to add the result to.
 * @param options.name - Name of the op.
 * @returns A scalar string tensor.
 * @throws {@link ValueError} when `inputs` is empty.
 * @example
 * ```ts
 * const a = tf.summary.scalar("a", tf.constant(1));
 * const b = tf.summary.scalar("b", tf.constant(2));
 * const both = tf.summary.merge([a, b]);
 * ```
 */
export function merge(inputs: readonly Tensor[], options: MergeOptions = {}): Tensor {
  if (inputs.length === 0) {
    throw new ValueError(
      "List argument 'inputs' to 'MergeSummary' Op with length 0 shorter than minimum length 1.",
    );
  }
  const name = options.name === undefined ? undefined : cleanTag(options.name);
  return nameScope(name ?? null, { defaultName: "Merge", values: [...inputs] }, () =>
    inOpScope(name ?? "MergeSummary", [...inputs], (opName, graph) => {
      const tensors = inputs.map((t) => convertToTensor(t, { name: "inputs" }));
      const merged = createOp(graph, "MergeSummary", opName, tensors, { N: attr.int(tensors.length) })
        .outputs[0];
      collect(merged, options.collections, []);
      return merged;
    }),
  );
}

/** Keyword arguments of `tf.summary.mergeAll`. */
export interface MergeAllOptions {
  /** Only summaries whose name starts with this (a regular expression matched at the start, as in TF). */
  scope?: string;
  /** Name of the merge op. */
  name?: string;
}

/**
 * Merges every summary of a collection into one op, or returns null when there is none.
 * Mirrors TF 1.x `tf.summary.merge_all(key=tf.GraphKeys.SUMMARIES, scope=None, name=None)`
 * (tensorflow/python/summary/summary.py, `merge_all`).
 * @param options.scope - Keep only summaries whose name matches this regular expression at the start.
 * @param options.name - Name of the merge op.
 * @returns The merged summary tensor, or null.
 * @example
 * ```ts
 * tf.summary.scalar("loss", tf.constant(0.5));
 * const merged = tf.summary.mergeAll();
 * ```
 */
export function mergeAll(options?: MergeAllOptions): Tensor | null;
/**
 * The same, for another collection than `summaries`.
 * @param key - The collection.
 * @param options - As in the first form.
 * @returns The merged summary tensor, or null.
 */
export function mergeAll(key: string | null | undefined, options?: MergeAllOptions): Tensor | null;
export function mergeAll(...args: unknown[]): Tensor | null {
  const { values, options } = optionalArgs<MergeAllOptions>({ fn: "tf.summary.mergeAll", names: ["key"] }, args);
  const key = (values[0] as string | undefined) ?? GraphKeys.SUMMARIES;
  let summaries = getDefaultGraph().getCollection<Tensor>(key);
  if (options.scope !== undefined) {
    const re = new RegExp(`^(?:${options.scope})`);
    summaries = summaries.filter((s) => re.test(s.name));
  }
  if (summaries.length === 0) return null;
  return merge(summaries, { name: options.name });
}
