/**
 * `ScalarSummary`, `HistogramSummary` and `MergeSummary` (tensorflow/core/kernels/summary_op.cc): each
 * evaluates to a serialized `Summary` proto held in a scalar string tensor, ready for
 * `FileWriter.addSummary`.
 */
import { string } from "../../base/dtypes";
import { InvalidArgumentError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { encodeSummary } from "../../io";
import { registerOp } from "../registry";
import { histogramOf } from "./histogram";
import { joinSummary, splitSummary } from "./summaryWire";

const utf8 = new TextDecoder();

const scalarString = (bytes: Uint8Array): NDArray => new NDArray(string, [], [bytes]);
const debugShape = (shape: readonly number[]): string => `[${shape.join(",")}]`;

/** ` (tag 'MSE')` when there is a single tag, as TF's messages end. */
function singleTag(tags: NDArray): string {
  return tags.size === 1 ? ` (tag '${utf8.decode((tags.data as Uint8Array[])[0])}')` : "";
}

registerOp({
  type: "ScalarSummary",
  outputs: () => [{ dtype: string, shape: [] }],
  gradient: null,
  kernel:
    () =>
    ([tags, values]) => {
      const sameShape = tags.rank === values.rank && tags.shape.every((d, i) => d === values.shape[i]);
      if (!sameShape) {
        throw new InvalidArgumentError(
          `tags and values not the same shape: ${debugShape(tags.shape)} != ${debugShape(values.shape)}${singleTag(tags)}`,
        );
      }
      const names = tags.data as Uint8Array[];
      const numbers = values.data as ArrayLike<number>;
      const value = names.map((t, i) => ({ tag: utf8.decode(t), simpleValue: Number(numbers[i]) }));
      return [scalarString(encodeSummary({ value }))];
    },
});

registerOp({
  type: "HistogramSummary",
  outputs: () => [{ dtype: string, shape: [] }],
  gradient: null,
  kernel:
    (op) =>
    ([tag, values]) => {
      if (tag.rank !== 0) throw new InvalidArgumentError("tags must be scalar");
      const numbers = Float64Array.from(values.data as ArrayLike<number>);
      for (const v of numbers) {
        if (Number.isNaN(v)) throw new InvalidArgumentError(`Nan in summary histogram for: ${op.name}`);
        if (!Number.isFinite(v))
          throw new InvalidArgumentError(`Infinity in summary histogram for: ${op.name}`);
      }
      const histo = histogramOf(numbers);
      return [
        scalarString(encodeSummary({ value: [{ tag: utf8.decode((tag.data as Uint8Array[])[0]), histo }] })),
      ];
    },
});

registerOp({
  type: "MergeSummary",
  outputs: () => [{ dtype: string, shape: [] }],
  gradient: null,
  kernel: () => (inputs) => {
    const seen = new Set<string>();
    const merged: Uint8Array[] = [];
    for (const input of inputs) {
      for (const serialized of input.data as Uint8Array[]) {
        let values;
        try {
          values = splitSummary(serialized);
        } catch {
          throw new InvalidArgumentError("Could not parse one of the summary inputs");
        }
        for (const v of values) {
          if (v.tag !== "" && seen.has(v.tag)) {
            throw new InvalidArgumentError(`Duplicate tag ${v.tag} found in summary inputs`);
          }
          seen.add(v.tag);
          merged.push(v.bytes);
        }
      }
    }
    return [scalarString(joinSummary(merged))];
  },
});
