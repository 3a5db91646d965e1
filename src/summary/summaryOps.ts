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

/** `tf.summary.scalar(name, tensor)`: a `ScalarSummary` op named like the scope, with tag constant `<scope>/tags`. */
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

/** `tf.summary.histogram(name, values)`: a `HistogramSummary` with TF's default buckets, tag constant `<scope>/tag`. */
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

export interface MergeOptions {
  /** Collections to add the merged summary to (default: none). */
  collections?: string[];
  name?: string;
}

/** `tf.summary.merge(inputs)`: one Summary holding the values of all inputs (`Merge/MergeSummary`). */
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

export interface MergeAllOptions {
  /** Only summaries whose name starts with this (a regular expression matched at the start, as in TF). */
  scope?: string;
  name?: string;
}

/** `tf.summary.merge_all(key="summaries")`: merge every summary of the collection, or null when there is none. */
export function mergeAll(options?: MergeAllOptions): Tensor | null;
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
