/**
 * Hand-written protobuf encoders against the spec's byte vectors and against protobufjs built from
 * the repository's .proto files (decoding our bytes, and encoding the same message byte for byte).
 */
import { bool, float32, float64, int32, int64, string } from "../../src/base/dtypes";
import type { GraphDefLike } from "../../src/base/graphdef";
import { NDArray } from "../../src/base/ndarray/ndarray";
import { DataLossError } from "../../src/base/errors";
import {
  decodeBundleEntry,
  decodeBundleHeader,
  decodeEvent,
  decodeGraphDef,
  decodeMetaGraphDef,
  decodeSaverDef,
  decodeSummary,
  decodeTensorProto,
  decodeVariableDef,
  encodeBundleEntry,
  encodeBundleHeader,
  encodeEvent,
  encodeGraphDef,
  encodeMetaGraphDef,
  encodeSaverDef,
  encodeSummary,
  encodeTensorProto,
  encodeVariableDef,
  CollectionDefProto,
  MetaGraphDefProto,
  SummaryProto,
} from "../../src/io";
import { decodeHistogram } from "../../src/io/proto/event";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { hex, toHex } from "./helpers";
import { pbDecode, pbEncode } from "./protoDecoder";

const utf8 = (s: string) => new TextEncoder().encode(s);
const encodeTensor = encodeTensorProto;
/** Hex with spaces for readability. */
const h = (s: string) => s.replace(/\s+/g, "");

describe("spec byte vectors", () => {
  test("Summary for tag MSE is 12 bytes", () => {
    expect(toHex(encodeSummary({ value: [{ tag: "MSE", simpleValue: 0.5 }] }))).toBe(
      h("0a0a 0a034d5345 150000003f"),
    );
  });

  test("the book's MSE event (25 bytes)", () => {
    const e = encodeEvent({
      wallTime: 1616665937.5,
      step: 10,
      summary: { value: [{ tag: "MSE", simpleValue: 0.5 }] },
    });
    expect(toHex(e)).toBe("09000060541717d841100a2a0c0a0a0a034d5345150000003f");
    // A summary already serialized by the graph is embedded as is.
    const pre = encodeSummary({ value: [{ tag: "MSE", simpleValue: 0.5 }] });
    expect(toHex(encodeEvent({ wallTime: 1616665937.5, step: 10, summary: pre }))).toBe(toHex(e));
  });

  test("the file_version event events_writer.cc writes first", () => {
    const e = encodeEvent({ wallTime: 1599759586, fileVersion: "brain.Event:2" });
    expect(toHex(e)).toBe(h("09 00008038 99d6d741 1a0d") + toHex(utf8("brain.Event:2")));
  });

  test("a simple_value of 0 is still written (oneof member)", () => {
    expect(toHex(encodeSummary({ value: [{ tag: "x", simpleValue: 0 }] }))).toBe("0a080a01781500000000");
  });

  test("bundle header bytes 08 01 1a 02 08 01 (tensor_bundle.cc `BundleWriter::Finish`)", () => {
    expect(toHex(encodeBundleHeader({ numShards: 1, endianness: 0, version: { producer: 1 } }))).toBe(
      "08011a020801",
    );
  });

  test("bundle entries of the TF checkpoints (scalar, offset 0 left out, int64 entry)", () => {
    const a = { dtype: 1, shape: [], shardId: 0, offset: 0, size: 4, crc32c: 0x1f273806, slices: 0 };
    expect(toHex(encodeBundleEntry(a))).toBe("080112002804350638271f");
    const idx = { dtype: 9, shape: [5], shardId: 0, offset: 320, size: 40, crc32c: 0x5c197daa, slices: 0 };
    expect(toHex(encodeBundleEntry(idx))).toBe("080912041202080520c002282835aa7d195c");
    expect(decodeBundleEntry(hex("080912041202080520c002282835aa7d195c"), "k")).toEqual(idx);
    // theta float32 [9,1]: dims are field 2 of TensorShapeProto (`12 02 08 09`), as in the real files above.
    const theta = { dtype: 1, shape: [9, 1], shardId: 0, offset: 0, size: 36, crc32c: 0x01020304, slices: 0 };
    expect(toHex(encodeBundleEntry(theta))).toBe(h("0801 1208 12020809 12020801 2824 3504030201"));
    expect(decodeBundleHeader(hex("08011a020801"))).toEqual({
      numShards: 1,
      endianness: 0,
      version: { producer: 1 },
    });
  });
});

describe("TensorProto as Python's make_tensor_proto writes Consts", () => {
  test("a float32 scalar goes to float_val", () => {
    expect(toHex(encodeTensor(NDArray.from(5, float32)))).toBe(h("0801 1200 2a040000a040"));
  });

  test("a multi-element float32 array goes to tensor_content", () => {
    const t = new NDArray(float32, [2, 1], Float32Array.from([1, 2]));
    expect(toHex(encodeTensor(t))).toBe(h("0801 1208120208021202 0801 2208 0000803f00000040"));
  });

  test("int32, int64, float64 single values and an empty array", () => {
    expect(toHex(encodeTensor(new NDArray(int32, [1], Int32Array.from([-1]))))).toBe(
      h("0803 120412020801 3a0affffffffffffffffff01"),
    );
    expect(toHex(encodeTensor(new NDArray(int64, [], Float64Array.from([300]))))).toBe(
      h("0809 1200 5202ac02"),
    );
    expect(toHex(encodeTensor(new NDArray(float64, [], Float64Array.from([0.5]))))).toBe(
      h("0802 1200 3208000000000000e03f"),
    );
    expect(toHex(encodeTensor(new NDArray(float32, [0], new Float32Array(0))))).toBe("080112021200");
  });

  test("bools always go to bool_val and strings to string_val", () => {
    expect(toHex(encodeTensor(new NDArray(bool, [3], Uint8Array.from([1, 0, 1]))))).toBe(
      h("080a 120412020803 5a03010001"),
    );
    expect(toHex(encodeTensor(NDArray.from(["ab", ""], string)))).toBe(h("0807 120412020802 42026162 4200"));
  });

  test.each([
    ["float32 matrix", new NDArray(float32, [2, 3], Float32Array.from([1, -2, 3.5, 0, 1e-8, 7]))],
    ["float64 vector", new NDArray(float64, [3], Float64Array.from([1 / 3, -0, 1e300]))],
    ["int32 vector", new NDArray(int32, [4], Int32Array.from([0, -1, 2 ** 31 - 1, -(2 ** 31)]))],
    ["int64 vector", new NDArray(int64, [3], Float64Array.from([2 ** 40, -(2 ** 50), 7]))],
    ["int64 scalar", new NDArray(int64, [], Float64Array.from([-5]))],
    ["bool matrix", new NDArray(bool, [2, 2], Uint8Array.from([1, 0, 0, 1]))],
    ["string vector", NDArray.from(["é", "", "x".repeat(200)], string)],
    ["float32 scalar", NDArray.from(-0.25, float32)],
  ])("%s round-trips and protobufjs agrees", (_name, t) => {
    const bytes = encodeTensor(t);
    const back = decodeTensorProto(bytes);
    expect(back.dtype).toBe(t.dtype);
    expect(back.shape).toEqual(t.shape);
    expect(back.toArray()).toEqual(t.toArray());
    const pb = pbDecode("TensorProto", bytes);
    expect(pb.dtype).toBe(t.dtype.protoEnum);
    expect((pb.tensorShape.dim ?? []).map((d: any) => d.size ?? 0)).toEqual(t.shape);
  });

  test("decoding follows TF: a short value list repeats its last value", () => {
    const bytes = pbEncode("TensorProto", {
      dtype: 1,
      tensorShape: { dim: [{ size: 2 }, { size: 2 }] },
      floatVal: [7],
    });
    expect(decodeTensorProto(bytes).toArray()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    const ints = pbEncode("TensorProto", { dtype: 3, tensorShape: { dim: [{ size: 3 }] }, intVal: [1, 2] });
    expect(decodeTensorProto(ints).toArray()).toEqual([1, 2, 2]);
  });

  test("unsupported dtypes and malformed bytes are DataLossErrors", () => {
    const half = pbEncode("TensorProto", { dtype: 4, tensorShape: {} });
    expect(() => decodeTensorProto(half)).toThrow(DataLossError);
    expect(() => decodeTensorProto(hex("0801 12 05 1202"))).toThrow(DataLossError);
  });
});

/** A small chapter-9 style graph using every attr kind. */
function sampleGraph(): GraphDefLike {
  return {
    producer: 27,
    nodes: [
      {
        name: "X",
        op: "Const",
        inputs: [],
        attrs: {
          dtype: { kind: "type", value: float32 },
          value: { kind: "tensor", value: new NDArray(float32, [2, 2], Float32Array.from([1, 2, 3, 4])) },
        },
      },
      {
        name: "theta",
        op: "VariableV2",
        inputs: [],
        attrs: {
          shape: { kind: "shape", value: [9, 1] },
          dtype: { kind: "type", value: float32 },
          container: { kind: "s", value: new Uint8Array(0) },
          shared_name: { kind: "s", value: new Uint8Array(0) },
        },
      },
      {
        name: "X_1",
        op: "Placeholder",
        inputs: [],
        device: "/device:CPU:0",
        attrs: { dtype: { kind: "type", value: float32 }, shape: { kind: "shape", value: [null, 9] } },
      },
      { name: "unknown", op: "Placeholder", inputs: [], attrs: { shape: { kind: "shape", value: null } } },
      {
        name: "train/update_theta/ApplyGradientDescent",
        op: "ApplyGradientDescent",
        inputs: ["theta", "train/learning_rate", "gradients/MatMul_grad/MatMul_1:0", "^init"],
        attrs: {
          T: { kind: "type", value: float32 },
          use_locking: { kind: "b", value: false },
          _class: { kind: "list", value: { s: [utf8("loc:@theta")] } },
          seed: { kind: "i", value: 0 },
          seed2: { kind: "i", value: -42 },
          f: { kind: "f", value: 0.25 },
          _output_shapes: { kind: "list", value: { shape: [[9, 1], null, []] } },
          many: { kind: "list", value: { i: [1, -1], f: [0.5], b: [true, false], type: [int32, int64] } },
          empty_list: { kind: "list", value: {} },
        },
      },
    ],
  };
}

describe("GraphDef", () => {
  test("our bytes equal protobufjs's encoding of the same graph", () => {
    const g = sampleGraph();
    const ours = encodeGraphDef(g);
    const attrObj = (a: any): any => {
      switch (a.kind) {
        case "type":
          return { type: a.value.protoEnum };
        case "tensor":
          return { tensor: pbDecode("TensorProto", encodeTensor(a.value)) };
        case "shape":
          return {
            shape:
              a.value === null
                ? { unknownRank: true }
                : {
                    dim: a.value.map((d: number | null) =>
                      d === null ? { size: -1 } : d === 0 ? {} : { size: d },
                    ),
                  },
          };
        case "s":
          return { s: Array.from(a.value) };
        case "list": {
          const l = a.value;
          const out: any = {};
          if (l.s) out.s = l.s.map((b: Uint8Array) => Array.from(b));
          if (l.i) out.i = l.i;
          if (l.f) out.f = l.f;
          if (l.b) out.b = l.b;
          if (l.type) out.type = l.type.map((t: any) => t.protoEnum);
          if (l.shape) out.shape = l.shape.map((s: any) => attrObj({ kind: "shape", value: s }).shape);
          return { list: out };
        }
        default:
          return { [a.kind]: a.value };
      }
    };
    const obj = {
      node: g.nodes.map((n) => ({
        name: n.name,
        op: n.op,
        ...(n.inputs.length ? { input: n.inputs } : {}),
        ...(n.device ? { device: n.device } : {}),
        attr: Object.fromEntries(
          Object.keys(n.attrs)
            .sort()
            .map((k) => [k, attrObj(n.attrs[k])]),
        ),
      })),
      versions: { producer: 27 },
    };
    expect(toHex(ours)).toBe(toHex(pbEncode("GraphDef", obj)));
  });

  test("decodes back to the same GraphDefLike", () => {
    const g = sampleGraph();
    const back = decodeGraphDef(encodeGraphDef(g));
    expect(back.producer).toBe(27);
    expect(back.nodes.map((n) => [n.name, n.op, n.inputs, n.device])).toEqual(
      g.nodes.map((n) => [n.name, n.op, n.inputs, n.device]),
    );
    const apply = back.nodes[4].attrs;
    expect(apply.T).toEqual({ kind: "type", value: float32 });
    expect(apply.seed2).toEqual({ kind: "i", value: -42 });
    expect(apply.use_locking).toEqual({ kind: "b", value: false });
    expect(apply.f).toEqual({ kind: "f", value: 0.25 });
    expect(apply._output_shapes).toEqual({ kind: "list", value: { shape: [[9, 1], null, []] } });
    expect(apply.many).toEqual({
      kind: "list",
      value: { i: [1, -1], f: [0.5], b: [true, false], type: [int32, int64] },
    });
    expect(apply.empty_list).toEqual({ kind: "list", value: {} });
    expect(back.nodes[2].attrs.shape).toEqual({ kind: "shape", value: [null, 9] });
    expect(back.nodes[3].attrs.shape).toEqual({ kind: "shape", value: null });
    const value = back.nodes[0].attrs.value;
    expect(value.kind === "tensor" && value.value.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test("an unknown dim is the 10-byte varint of -1", () => {
    const g: GraphDefLike = {
      producer: 0,
      nodes: [{ name: "p", op: "P", inputs: [], attrs: { shape: { kind: "shape", value: [null] } } }],
    };
    expect(toHex(encodeGraphDef(g))).toContain(h("3a0d 120b 08ffffffffffffffffff01"));
    expect(toHex(encodeGraphDef(g)).endsWith("2200")).toBe(true); // versions is always written
  });
});

describe("Summary and Event", () => {
  const summary: SummaryProto = {
    value: [
      { tag: "logistic_regression/train/log_loss", simpleValue: 0.6931 },
      {
        tag: "weights",
        histo: {
          min: -1,
          max: 2,
          num: 3,
          sum: 1,
          sumSquares: 5,
          bucketLimit: [-0.5, 1.5, 1.7976931348623157e308],
          bucket: [1, 1, 1],
        },
      },
      {
        tag: "loss",
        tensor: NDArray.from(1.5, float32),
        metadata: { pluginData: { pluginName: "scalars" }, dataClass: 1 },
      },
    ],
  };

  test("protobufjs decodes our Summary", () => {
    const pb = pbDecode("Summary", encodeSummary(summary));
    expect(pb.value[0]).toEqual({
      tag: "logistic_regression/train/log_loss",
      simpleValue: Math.fround(0.6931),
    });
    expect(pb.value[1].histo).toEqual({
      min: -1,
      max: 2,
      num: 3,
      sum: 1,
      sumSquares: 5,
      bucketLimit: [-0.5, 1.5, 1.7976931348623157e308],
      bucket: [1, 1, 1],
    });
    expect(pb.value[2].tensor).toEqual({ dtype: 1, tensorShape: {}, floatVal: [1.5] });
    expect(pb.value[2].metadata).toEqual({ pluginData: { pluginName: "scalars" }, dataClass: 1 });
  });

  /** The same summary as a protobufjs object. */
  const summaryObject = {
    value: [
      { tag: "logistic_regression/train/log_loss", simpleValue: 0.6931 },
      {
        tag: "weights",
        histo: {
          min: -1,
          max: 2,
          num: 3,
          sum: 1,
          sumSquares: 5,
          bucketLimit: [-0.5, 1.5, 1.7976931348623157e308],
          bucket: [1, 1, 1],
        },
      },
      {
        tag: "loss",
        tensor: { dtype: 1, tensorShape: {}, floatVal: [1.5] },
        metadata: { pluginData: { pluginName: "scalars" }, dataClass: 1 },
      },
    ],
  };

  test("our Summary bytes equal protobufjs's", () => {
    const obj = summaryObject;
    expect(toHex(encodeSummary(summary))).toBe(toHex(pbEncode("Summary", obj)));
  });

  test("decodeSummary reads what protobufjs writes", () => {
    const back = decodeSummary(pbEncode("Summary", summaryObject));
    expect(back.value[0]).toEqual({
      tag: "logistic_regression/train/log_loss",
      simpleValue: Math.fround(0.6931),
    });
    expect(back.value[1].histo?.bucketLimit).toEqual([-0.5, 1.5, 1.7976931348623157e308]);
    expect(back.value[2].tensor?.item()).toBe(1.5);
    expect(back.value[2].metadata).toEqual({ pluginData: { pluginName: "scalars" }, dataClass: 1 });
  });

  test("events with graph, meta graph and session log payloads", () => {
    const graph = encodeGraphDef(sampleGraph());
    const cases = [
      { wallTime: 1.25, step: 0, graphDef: graph },
      { wallTime: 2.5, step: 3, metaGraphDef: Uint8Array.from([1, 2, 3]) },
      { wallTime: 3, step: 2 ** 40, sessionLog: { status: 1, checkpointPath: "/tmp/m", msg: "hi" } },
    ];
    for (const e of cases) {
      const bytes = encodeEvent(e);
      const pb = pbDecode("Event", bytes);
      expect(pb.wallTime).toBe(e.wallTime);
      expect(pb.step ?? 0).toBe(e.step);
      const back = decodeEvent(bytes);
      expect(back.step).toBe(e.step);
      if (e.graphDef) {
        expect(pb.graphDef).toEqual(Array.from(graph));
        expect(toHex(back.graphDef!)).toBe(toHex(graph));
      }
      if (e.metaGraphDef) expect(pb.metaGraphDef).toEqual([1, 2, 3]);
      if (e.sessionLog) {
        expect(pb.sessionLog).toEqual(e.sessionLog);
        expect(back.sessionLog).toEqual(e.sessionLog);
      }
    }
  });
});

describe("MetaGraphDef, SaverDef, VariableDef", () => {
  const saverDef = {
    filenameTensorName: "save/Const:0",
    saveTensorName: "save/control_dependency:0",
    restoreOpName: "save/restore_all",
    maxToKeep: 5,
    sharded: false,
    keepCheckpointEveryNHours: 10000,
    version: 2,
  };
  const variableDef = {
    variableName: "theta:0",
    initializerName: "theta/Assign",
    snapshotName: "theta/read:0",
    initialValueName: "random_uniform:0",
    trainable: true,
  };

  test("SaverDef and VariableDef bytes equal protobufjs's and decode back", () => {
    const { sharded: _s, ...saverObj } = saverDef;
    expect(toHex(encodeSaverDef(saverDef))).toBe(toHex(pbEncode("SaverDef", saverObj)));
    expect(decodeSaverDef(encodeSaverDef(saverDef))).toEqual(saverDef);
    expect(toHex(encodeVariableDef(variableDef))).toBe(toHex(pbEncode("VariableDef", variableDef)));
    expect(decodeVariableDef(encodeVariableDef(variableDef))).toEqual(variableDef);
  });

  test("a MetaGraphDef with collections decodes with protobufjs and with ours", () => {
    const meta: MetaGraphDefProto = {
      metaInfoDef: {
        metaGraphVersion: "",
        tensorflowVersion: "1.12.0",
        tensorflowGitVersion: "v1.12.0",
        tags: ["serve"],
      },
      graphDef: sampleGraph(),
      saverDef,
      collectionDef: {
        variables: { kind: "bytes_list", value: [encodeVariableDef(variableDef)] },
        trainable_variables: { kind: "bytes_list", value: [encodeVariableDef(variableDef)] },
        train_op: { kind: "node_list", value: ["train/GradientDescent"] },
        steps: { kind: "int64_list", value: [1, 2 ** 40] },
        rates: { kind: "float_list", value: [0.5] },
        nothing: { kind: "node_list", value: [] },
      },
    };
    const bytes = encodeMetaGraphDef(meta);
    const pb = pbDecode("MetaGraphDef", bytes);
    expect(pb.metaInfoDef).toEqual({
      tensorflowVersion: "1.12.0",
      tensorflowGitVersion: "v1.12.0",
      tags: ["serve"],
    });
    const { sharded: _sharded, ...saverFields } = saverDef;
    expect(pb.saverDef).toEqual(saverFields);
    expect(pb.graphDef.node.map((n: any) => n.name)).toEqual(sampleGraph().nodes.map((n) => n.name));
    expect(pb.collectionDef.train_op).toEqual({ nodeList: { value: ["train/GradientDescent"] } });
    expect(pb.collectionDef.steps).toEqual({ int64List: { value: [1, 2 ** 40] } });
    expect(pb.collectionDef.nothing).toEqual({ nodeList: {} });
    expect(pbDecode("VariableDef", Uint8Array.from(pb.collectionDef.variables.bytesList.value[0]))).toEqual(
      variableDef,
    );

    const back = decodeMetaGraphDef(bytes);
    expect(back.saverDef).toEqual(saverDef);
    expect(back.graphDef?.nodes).toHaveLength(5);
    expect(back.collectionDef?.steps).toEqual({ kind: "int64_list", value: [1, 2 ** 40] });
    expect(back.collectionDef?.rates).toEqual({ kind: "float_list", value: [0.5] });
    expect(back.collectionDef?.nothing).toEqual({ kind: "node_list", value: [] });
    const vars = back.collectionDef?.variables;
    expect(vars?.kind === "bytes_list" && decodeVariableDef(vars.value[0])).toEqual(variableDef);
    expect(back.metaInfoDef?.tags).toEqual(["serve"]);
  });
});

test("repeated numeric fields are read whether packed or not", () => {
  // HistogramProto.bucket (7) as two unpacked doubles, then one packed run.
  const unpacked = hex("39 000000000000f03f 39 0000000000000040 3a 08 0000000000000840");
  expect(decodeHistogram(unpacked).bucket).toEqual([1, 2, 3]);
});

describe("where TF 1.x's protobuf and protobuf-es write differently, TF's bytes are kept", () => {
  /** Keys of the map entries of `field`, in the order the bytes hold them. */
  function mapKeys(bytes: Uint8Array, field: number): string[] {
    const keys: string[] = [];
    const r = new BinaryReader(bytes);
    while (r.pos < r.len) {
      const [no, wireType] = r.tag();
      if (no !== field) {
        r.skip(wireType, no);
        continue;
      }
      const entry = new BinaryReader(r.bytes());
      expect(entry.tag()).toEqual([1, WireType.LengthDelimited]);
      keys.push(entry.string());
    }
    return keys;
  }

  test("collections are sorted by UTF-8 bytes, integer-like names and non-BMP characters included", () => {
    const names = ["b", "9", "\u{1F600}", "10", "\uFFFD", "a"];
    const collectionDef: Record<string, CollectionDefProto> = Object.fromEntries(
      names.map((n) => [n, { kind: "node_list", value: [`${n}/op`] }]),
    );
    const bytes = encodeMetaGraphDef({ graphDef: { nodes: [], producer: 1 }, collectionDef });
    // A JS object would list "9" before "10"; UTF-16 order would put U+1F600 before U+FFFD.
    expect(mapKeys(bytes, 4)).toEqual(["10", "9", "a", "b", "\uFFFD", "\u{1F600}"]);
    expect(decodeMetaGraphDef(bytes).collectionDef?.["10"]).toEqual({ kind: "node_list", value: ["10/op"] });
  });

  test("a NodeDef's attrs are sorted by name", () => {
    const attrs = {
      z: { kind: "i", value: 1 },
      T: { kind: "b", value: true },
      a: { kind: "f", value: 0 },
    } as const;
    const bytes = encodeGraphDef({ nodes: [{ name: "n", op: "Op", inputs: [], attrs }], producer: 0 });
    const node = new BinaryReader(bytes);
    node.tag();
    expect(mapKeys(node.bytes(), 5)).toEqual(["T", "a", "z"]);
  });

  test("-0 is left out of a histogram's plain double fields, as 0 is; bucket lists keep it", () => {
    const histo = { min: -0, max: 0, num: 0, sum: -0, sumSquares: 0, bucketLimit: [-0], bucket: [0] };
    const ours = encodeSummary({ value: [{ tag: "h", histo }] });
    const expected = pbEncode("Summary", {
      value: [{ tag: "h", histo: { bucketLimit: [-0], bucket: [0] } }],
    });
    expect(toHex(ours)).toBe(toHex(expected));
    expect(toHex(ours)).toContain("0000000000000080"); // the packed -0
  });

  test("a serialized Summary is embedded byte for byte, fields the kit does not model in place", () => {
    // Summary.Value: tag "x", an image (field 4, not in our .proto), then metadata (9).
    const value = hex("0a0178 2200 4a00");
    const summary = Uint8Array.from([0x0a, value.length, ...value]);
    const event = encodeEvent({ wallTime: 1, step: 2, summary });
    expect(toHex(event)).toBe(toHex(encodeEvent({ wallTime: 1, step: 2 })) + "2a09" + toHex(summary));
    expect(decodeEvent(event).summary?.value.map((v) => v.tag)).toEqual(["x"]);
  });

  test("a stripped_op_list travels through as it came", () => {
    const ops = hex("0a05 0a03 416464"); // OpList { op { name: "Add" } }
    const bytes = encodeMetaGraphDef({ metaInfoDef: { strippedOpList: ops } });
    expect(toHex(bytes)).toBe(h("0a09 1207") + toHex(ops));
    expect(toHex(decodeMetaGraphDef(bytes).metaInfoDef!.strippedOpList!)).toBe(toHex(ops));
  });

  test("a bundle entry counts its slices; damaged bytes name the key", () => {
    expect(decodeBundleEntry(hex("0801 1200 3a00 3a00"), "w").slices).toBe(2);
    expect(() => decodeBundleEntry(hex("0801 12 05 1202"), "scope/w")).toThrow(
      /Unable to parse the entry for key scope\/w/,
    );
    // A dim of -1: a checkpoint entry's shape must be fully known.
    expect(() => decodeBundleEntry(hex("0801 1211 12020801 120b08ffffffffffffffffff01"), "w")).toThrow(
      "Entry for key w has a partially known shape",
    );
  });
});
