/** Summary op naming (summary_op_util.py) and values (summary_op.cc), decoded with protobufjs. */
import * as tf from "tensorlings";
import { histogram, merge, mergeAll, scalar } from "../../src/summary";
import { pbDecode } from "../io/protoDecoder";
import { captureStderr } from "../saver/helpers";
import fixture from "../fixtures/summary/histograms.json";

const stderr = captureStderr();
const graph = () => tf.getDefaultGraph();
const constValue = (name: string) => {
  const a = graph().getOperationByName(name).attrs.value;
  return a.kind === "tensor" ? a.value.toArray() : undefined;
};
/** Evaluate a summary op and decode the Summary it returns. */
const evalSummary = (t: tf.Tensor, sess: tf.Session): any => {
  const out = sess.run(t) as tf.NDArray;
  expect(out.dtype).toBe(tf.string);
  expect(out.shape).toEqual([]);
  return pbDecode("Summary", (out.data as Uint8Array[])[0]);
};

beforeEach(() => tf.resetDefaultGraph());

describe("tf.summary.scalar naming", () => {
  test("op named like its scope, tag constant <scope>/tags, tag = the scope", () => {
    const x = tf.constant(1.5, { name: "x" });
    const s = scalar("MSE", x);
    expect(s.name).toBe("MSE:0");
    expect(s.op.type).toBe("ScalarSummary");
    expect(s.op.nodeDefInputs).toEqual(["MSE/tags", "x"]);
    expect(constValue("MSE/tags")).toBe("MSE");
    expect(s.op.attrType("T")).toBe(tf.float32);
    expect(s.shape).toEqual([]);
    expect(s.dtype).toBe(tf.string);

    expect(constValue(`${scalar("MSE", x).op.name}/tags`)).toBe("MSE_1");
    const scoped = tf.nameScope("loss", () => scalar("MSE", x));
    expect(scoped.op.name).toBe("loss/MSE");
    expect(constValue("loss/MSE/tags")).toBe("loss/MSE");
    // exercise 12's tag
    const ex12 = tf.nameScope("logistic_regression", () =>
      tf.nameScope("train", () => scalar("log_loss", x)),
    );
    expect(constValue(`${ex12.op.name}/tags`)).toBe("logistic_regression/train/log_loss");
  });

  test("names in use are compared without case: MSE next to loss/mse becomes loss/MSE_1", () => {
    const mse = tf.nameScope("loss", () => {
      const m = tf.reduceMean(tf.constant([1, 2]), null, { name: "mse" });
      return [m, scalar("MSE", m)];
    })[1];
    expect(mse.op.name).toBe("loss/MSE_1");
    expect(constValue("loss/MSE_1/tags")).toBe("loss/MSE_1");
  });

  test("family prefixes scope and tag; illegal characters are replaced and logged", () => {
    const x = tf.constant(1.5, { name: "x" });
    const fam = scalar("acc", x, { family: "metrics" });
    expect(fam.op.name).toBe("metrics/acc");
    expect(constValue("metrics/acc/tags")).toBe("metrics/metrics/acc");
    stderr.clear();
    expect(scalar("my loss (test)", x).op.name).toBe("my_loss__test_");
    expect(scalar("/abs", x).op.name).toBe("abs");
    expect(stderr.lines()).toEqual([
      "INFO:tensorflow:Summary name my loss (test) is illegal; using my_loss__test_ instead.",
      "INFO:tensorflow:Summary name /abs is illegal; using abs instead.",
    ]);
  });

  test("collections: summaries by default, or the ones given", () => {
    const x = tf.constant(1.5, { name: "x" });
    const a = scalar("a", x);
    const b = scalar("b", x, { collections: ["custom"] });
    expect(graph().getCollection("summaries")).toEqual([a]);
    expect(graph().getCollection("custom")).toEqual([b]);
  });

  test("a JS number becomes <scope>/values; bool and string values are refused", () => {
    const s = scalar("half", 0.5);
    expect(s.op.nodeDefInputs).toEqual(["half/tags", "half/values"]);
    expect(() => scalar("flag", tf.constant(true))).toThrow(
      new TypeError(
        "Value passed to parameter 'values' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, half, uint32, uint64",
      ),
    );
  });
});

describe("summary values", () => {
  test("ScalarSummary gives the serialized Summary of summary_op.cc's SummaryScalarOp", () => {
    const s = scalar("MSE", tf.constant(0.5));
    const i = scalar("count", tf.constant(7, { dtype: tf.int32 }));
    tf.withSession(tf.Session(), (sess) => {
      const bytes = ((sess.run(s) as tf.NDArray).data as Uint8Array[])[0];
      expect(Buffer.from(bytes).toString("hex")).toBe("0a0a0a034d5345150000003f");
      expect(evalSummary(i, sess)).toEqual({ value: [{ tag: "count", simpleValue: 7 }] });
    });
  });

  test("values are the evaluated tensors (fed placeholders included)", () => {
    const x = tf.placeholder(tf.float32, { shape: [null], name: "x" });
    const mean = tf.reduceMean(tf.square(x), null, { name: "mse" });
    const s = tf.nameScope("loss", () => scalar("MSE", mean));
    tf.withSession(tf.Session(), (sess) => {
      const feed: [tf.Tensor, number[]][] = [[x, [0.1, 0.2, 0.7]]];
      const [m, out] = sess.run([mean, s], feed as never) as tf.NDArray[];
      const decoded = pbDecode("Summary", (out.data as Uint8Array[])[0]);
      expect(decoded).toEqual({ value: [{ tag: "loss/MSE", simpleValue: m.item() }] });
    });
  });

  test("tags and values of different shapes", () => {
    const s = scalar("v", tf.constant([1, 2]));
    expect(() => tf.Session().run(s)).toThrow(tf.InvalidArgumentError);
    expect(() => tf.Session().run(s)).toThrow("tags and values not the same shape: [] != [2] (tag 'v')");
  });

  test("HistogramSummary matches TF's bucket algorithm (Python oracle)", () => {
    const sess = tf.Session();
    const DBL = (x: number | string) =>
      x === "DBL_MAX" ? Number.MAX_VALUE : x === "-DBL_MAX" ? -Number.MAX_VALUE : x;
    for (const name of ["normal", "mixed", "single", "empty"] as const) {
      const { values, expected } = fixture[name];
      const h = histogram(`h_${name}`, tf.constant(values as number[], { dtype: tf.float64 }));
      const decoded = evalSummary(h, sess).value[0];
      expect(decoded.tag).toBe(`h_${name}`);
      const want = Object.fromEntries(
        Object.entries(expected).map(([k, v]) => [k, Array.isArray(v) ? v.map(DBL) : DBL(v)]),
      );
      // protobufjs leaves out zero-valued scalar fields
      for (const k of ["min", "max", "num", "sum", "sumSquares"]) expect(decoded.histo[k] ?? 0).toBe(want[k]);
      expect(decoded.histo.bucketLimit).toEqual(want.bucketLimit);
      expect(decoded.histo.bucket).toEqual(want.bucket);
    }
    expect(histogram("w", [1, 2]).op.nodeDefInputs).toEqual(["w/tag", "w/values"]);
    const bad = histogram("bad", tf.constant([1, NaN]));
    expect(() => sess.run(bad)).toThrow("Nan in summary histogram for: bad");
  });
});

describe("merge and mergeAll", () => {
  test("Merge/MergeSummary holds every value, in order", () => {
    const x = tf.constant(2, { name: "x" });
    const a = scalar("a", x);
    const h = histogram("h", x);
    const merged = mergeAll()!;
    expect(merged.op.name).toBe("Merge/MergeSummary");
    expect(merged.op.nodeDefInputs).toEqual(["a", "h"]);
    expect(merged.op.attrNumber("N")).toBe(2);
    expect(graph().getCollection("summaries")).toEqual([a, h]); // the merged op is not added
    tf.withSession(tf.Session(), (sess) => {
      const decoded = evalSummary(merged, sess);
      expect(decoded.value.map((v: { tag: string }) => v.tag)).toEqual(["a", "h"]);
      expect(decoded.value[0].simpleValue).toBe(2);
      expect(decoded.value[1].histo.num).toBe(1);
    });
    expect(merge([a], { name: "my_merge" }).op.name).toBe("my_merge/my_merge");
    expect(mergeAll("summaries", { scope: "h" })!.op.nodeDefInputs).toEqual(["h"]);
  });

  test("nothing to merge, duplicate tags", () => {
    expect(mergeAll()).toBeNull();
    const a = scalar("a", 1.0);
    expect(() => merge([])).toThrow(tf.ValueError);
    expect(() => tf.Session().run(merge([a, a]))).toThrow("Duplicate tag a found in summary inputs");
  });
});
