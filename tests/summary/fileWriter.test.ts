/**
 * tf.summary.FileWriter (TF's writer.py and events_writer.cc): the book's learning-curve flow, read back with
 * an independent TFRecord walk, CRC check and protobufjs decoder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tf from "tensorlings";
import { FileWriter, scalar } from "../../src/summary";
import { SessionStatus, encodeSummary, readLogdir } from "../../src/io";
import { captureStderr, tempDir } from "../saver/helpers";
import { decodeEventsIndependently, readRecordsIndependently } from "./eventRecords";
import { pbDecode } from "../io/protoDecoder";

const stderr = captureStderr();
const eventFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.includes("tfevents"))
    .sort();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The book's linear regression with a `loss` scope and an MSE summary, on fed mini-batches. */
function buildGraph() {
  tf.resetDefaultGraph();
  const X = tf.placeholder(tf.float32, { shape: [null, 2], name: "X" });
  const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
  const theta = tf.Variable([[0.5], [-0.5]], { name: "theta" });
  const yPred = tf.matmul(X, theta, { name: "predictions" });
  const mse = tf.nameScope("loss", () => {
    const error = yPred.sub(y);
    return tf.reduceMean(tf.square(error), null, { name: "mse" });
  });
  const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(mse);
  const mseSummary = scalar("MSE", mse);
  // created inside a scope, the summary carries it in its tag: `train/MSE`
  const scopedSummary = tf.nameScope("train", () => scalar("MSE", mse));
  const init = tf.globalVariablesInitializer();
  return { X, y, mse, trainingOp, mseSummary, scopedSummary, init };
}

describe("the book's learning curves", () => {
  test("graph, meta graph and one MSE value per logged step, all readable by an independent decoder", () => {
    const logdir = path.join(tempDir(), "tf_logs", "run-20210325095200");
    const { X, y, mse, trainingOp, mseSummary, scopedSummary, init } = buildGraph();
    const before = Math.floor(Date.now() / 1000);
    const writer = FileWriter(logdir, tf.getDefaultGraph());
    const logged: { step: number; mse: number }[] = [];
    tf.withSession(tf.Session(), (sess) => {
      sess.run(init);
      for (let batch = 0; batch < 30; batch++) {
        const x1 = Math.sin(batch);
        const feed = [
          [
            X,
            [
              [x1, 1],
              [1 - x1, 0.5],
            ],
          ],
          [y, [[2 * x1 - 1], [1.5 - 2 * x1]]],
        ] as never;
        if (batch % 10 === 0) {
          const [m, summaryStr] = sess.run([mse, mseSummary], feed) as tf.NDArray[];
          writer.addSummary(summaryStr, batch);
          writer.addSummary(scopedSummary.eval(feed, sess), batch);
          logged.push({ step: batch, mse: m.item() as number });
        }
        sess.run(trainingOp, feed);
      }
    });
    writer.close();
    const after = Math.floor(Date.now() / 1000);

    const files = eventFiles(logdir);
    expect(files).toHaveLength(1);
    const m = new RegExp(`^events\\.out\\.tfevents\\.(\\d{10})\\.${escapeRe(os.hostname())}$`).exec(files[0]);
    expect(m).not.toBeNull();
    const stamp = Number(m![1]);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);

    const events = decodeEventsIndependently(path.join(logdir, files[0]));
    expect(events[0]).toEqual({ wallTime: stamp, fileVersion: "brain.Event:2" });
    // the graph: name scopes in node names, shapes on every node
    const graphDef = pbDecode("GraphDef", Uint8Array.from(events[1].graphDef));
    const nodes = graphDef.node as { name: string; op: string; attr: Record<string, any> }[];
    const names = nodes.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "loss/sub",
        "loss/Square",
        "loss/mse",
        "MSE/tags",
        "MSE",
        "train/MSE/tags",
        "train/MSE",
      ]),
    );
    expect(names).toEqual(tf.getDefaultGraph().operations.map((op) => op.name));
    expect(nodes.find((n) => n.name === "loss/mse")!.attr._output_shapes.list.shape).toEqual([{}]);
    expect(nodes.find((n) => n.name === "X")!.attr._output_shapes.list.shape).toEqual([
      { dim: [{ size: -1 }, { size: 2 }] },
    ]);
    // then the MetaGraphDef made from the same GraphDef
    const meta = pbDecode("MetaGraphDef", Uint8Array.from(events[2].metaGraphDef));
    expect(meta.graphDef).toEqual(graphDef);
    expect(meta.collectionDef.summaries.nodeList.value).toEqual(["MSE:0", "train/MSE:0"]);
    // then the summaries, in order
    const summaries = events.slice(3);
    expect(summaries).toHaveLength(2 * logged.length);
    logged.forEach(({ step, mse: value }, i) => {
      for (const [k, tag] of [
        [0, "MSE"],
        [1, "train/MSE"],
      ] as const) {
        const e = summaries[2 * i + k];
        expect(e.step ?? 0).toBe(step);
        expect(e.wallTime).toBeGreaterThanOrEqual(before);
        expect(e.summary).toEqual({ value: [{ tag, simpleValue: value }] });
      }
    });
    // and the kit's own reader agrees
    const [run] = readLogdir(path.join(logdir, ".."));
    expect(run.name).toBe("run-20210325095200");
    expect(run.scalars.get("train/MSE")!.map((p) => [p.step, p.value])).toEqual(
      logged.map((l) => [l.step, l.mse]),
    );
    expect(run.graph!.nodes.map((n) => n.name)).toEqual(names);
  });
});

describe("FileWriter behaviour", () => {
  test("the file appears with the first event, or at once with a filename suffix", () => {
    const dir = tempDir();
    const lazy = FileWriter(path.join(dir, "lazy"));
    expect(lazy.getLogdir()).toBe(path.join(dir, "lazy"));
    expect(eventFiles(path.join(dir, "lazy"))).toEqual([]);
    lazy.flush();
    expect(eventFiles(path.join(dir, "lazy"))).toEqual([]);
    const eager = FileWriter(path.join(dir, "eager"), null, { filenameSuffix: ".v2" });
    const [file] = eventFiles(path.join(dir, "eager"));
    expect(file).toMatch(/^events\.out\.tfevents\.\d{10}\..+\.v2$/);
    expect(decodeEventsIndependently(path.join(dir, "eager", file))).toHaveLength(1);
    eager.close();
    lazy.close();
  });

  test("metadata is kept on the first value of each tag only", () => {
    const dir = tempDir();
    const writer = FileWriter(dir);
    const withMeta = (value: number) =>
      encodeSummary({
        value: [
          {
            tag: "acc",
            simpleValue: value,
            metadata: { pluginData: { pluginName: "scalars" }, displayName: "accuracy" },
          },
          { tag: "loss", simpleValue: -value },
        ],
      });
    writer.addSummary(withMeta(0.5), 1);
    writer.addSummary(withMeta(0.75), 2);
    writer.addSummary({ value: [{ tag: "other", simpleValue: 1, metadata: { displayName: "o" } }] }, 3);
    writer.close();
    const events = decodeEventsIndependently(path.join(dir, eventFiles(dir)[0])).slice(1);
    expect(events.map((e) => e.summary)).toEqual([
      {
        value: [
          {
            tag: "acc",
            simpleValue: 0.5,
            metadata: { pluginData: { pluginName: "scalars" }, displayName: "accuracy" },
          },
          { tag: "loss", simpleValue: -0.5 },
        ],
      },
      {
        value: [
          { tag: "acc", simpleValue: 0.75 },
          { tag: "loss", simpleValue: -0.75 },
        ],
      },
      { value: [{ tag: "other", simpleValue: 1, metadata: { displayName: "o" } }] },
    ]);
    expect(events.map((e) => e.step)).toEqual([1, 2, 3]);
  });

  test("session logs, raw events, graph defs", () => {
    const dir = tempDir();
    const writer = FileWriter(dir);
    writer.addSessionLog({ status: SessionStatus.START }, 0);
    writer.addEvent({ wallTime: 12.5, step: 4, summary: { value: [{ tag: "x", simpleValue: 2 }] } });
    writer.addGraph({ producer: 27, nodes: [{ name: "a/b", op: "NoOp", inputs: [], attrs: {} }] });
    writer.close();
    const events = decodeEventsIndependently(path.join(dir, eventFiles(dir)[0]));
    expect(events[1].sessionLog).toEqual({ status: SessionStatus.START });
    expect(events[2]).toEqual({
      wallTime: 12.5,
      step: 4,
      summary: { value: [{ tag: "x", simpleValue: 2 }] },
    });
    expect(pbDecode("GraphDef", Uint8Array.from(events[3].graphDef)).node).toEqual([
      { name: "a/b", op: "NoOp" },
    ]);
  });

  test("a closed writer warns and writes nothing; reopen starts a new file", () => {
    const dir = tempDir();
    const writer = FileWriter(dir);
    writer.addSummary({ value: [{ tag: "a", simpleValue: 1 }] }, 0);
    writer.close();
    stderr.clear();
    writer.addSummary({ value: [{ tag: "a", simpleValue: 2 }] }, 1);
    writer.flush();
    expect(stderr.lines()).toEqual([
      "UserWarning: Attempting to use a closed FileWriter. The operation will be a noop unless the FileWriter is explicitly reopened.",
    ]);
    expect(eventFiles(dir)).toHaveLength(1);
    // (in the same second the new file gets a `.1` ending, so it still sorts after the first)
    writer.reopen();
    writer.addSummary({ value: [{ tag: "a", simpleValue: 3 }] }, 2);
    writer.close();
    const files = eventFiles(dir);
    expect(files).toHaveLength(2);
    const values = files.flatMap((f) =>
      decodeEventsIndependently(path.join(dir, f))
        .filter((e) => e.summary)
        .map((e) => e.summary.value[0].simpleValue),
    );
    expect(values).toEqual([1, 3]);
    for (const f of files) expect(readRecordsIndependently(path.join(dir, f)).crcsOk).toBe(true);
  });

  test("addSummary refuses what is not a serialized Summary", () => {
    const writer = FileWriter(tempDir());
    expect(() => writer.addSummary(tf.NDArray.from([1, 2]), 0)).toThrow(
      "addSummary expects a serialized Summary (the value of a summary op, a scalar string), got a float32 array of shape [2]",
    );
    expect(() => writer.addSummary(Uint8Array.from([0x0a, 0x05, 0x01]), 0)).toThrow(tf.DataLossError);
    writer.close();
  });
});
