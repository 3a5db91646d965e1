/** Event files (events_writer.cc, record_writer.cc) checked with the protobufjs decoder, and the log directory
 * reader (as TensorBoard's event_accumulator.py reads). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { float32 } from "../../src/base/dtypes";
import type { GraphDefLike } from "../../src/base/graphdef";
import { NDArray } from "../../src/base/ndarray/ndarray";
import { DataLossError } from "../../src/base/errors";
import {
  EventFileWriter,
  FILE_VERSION,
  crc32c,
  encodeEvent,
  encodeGraphDef,
  encodeMetaGraphDef,
  encodeSummary,
  eventFileName,
  readEventFile,
  readLogdir,
  unmaskCrc,
} from "../../src/io";
import { tempDir } from "./helpers";
import { pbDecode } from "./protoDecoder";

/** An independent TFRecord walk: checks both CRCs of every record and returns the payloads. */
function independentRecords(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const length = Number(buf.readBigUInt64LE(pos));
    expect(unmaskCrc(buf.readUInt32LE(pos + 8))).toBe(crc32c(buf.subarray(pos, pos + 8)));
    const data = buf.subarray(pos + 12, pos + 12 + length);
    expect(unmaskCrc(buf.readUInt32LE(pos + 12 + length))).toBe(crc32c(data));
    out.push(data);
    pos += 16 + length;
  }
  expect(pos).toBe(buf.length);
  return out;
}

const graph: GraphDefLike = {
  producer: 27,
  nodes: [
    {
      name: "loss/mse",
      op: "Mean",
      inputs: ["loss/Square", "loss/Const"],
      attrs: { T: { kind: "type", value: float32 } },
    },
    { name: "loss/Square", op: "Square", inputs: ["error"], attrs: {} },
  ],
};

describe("EventFileWriter", () => {
  test("file name pattern, version record, and records protobufjs decodes", () => {
    const logdir = path.join(tempDir(), "tf_logs", "run-1");
    const before = Math.floor(Date.now() / 1000);
    const writer = new EventFileWriter(logdir);
    expect(fs.existsSync(logdir)).toBe(true);
    expect(writer.path).toBeNull(); // opened on the first event, as in TF
    writer.addEvent(encodeEvent({ wallTime: 1000.5, graphDef: encodeGraphDef(graph) }));
    for (let step = 0; step < 3; step++) {
      writer.addEvent(
        encodeEvent({
          wallTime: 1001 + step,
          step,
          summary: { value: [{ tag: "MSE", simpleValue: 1 / (step + 1) }] },
        }),
      );
    }
    writer.flush();
    writer.close();
    const after = Math.floor(Date.now() / 1000);

    const name = path.basename(writer.path!);
    const match = /^events\.out\.tfevents\.(\d{10})\.(.+)$/.exec(name);
    expect(match).not.toBeNull();
    const seconds = Number(match![1]);
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(after);
    expect(match![2]).toBe(os.hostname());

    const events = independentRecords(fs.readFileSync(writer.path!)).map((r) => pbDecode("Event", r));
    expect(events[0]).toEqual({ wallTime: seconds, fileVersion: FILE_VERSION });
    expect(events[1].graphDef).toEqual(Array.from(encodeGraphDef(graph)));
    expect(pbDecode("GraphDef", Uint8Array.from(events[1].graphDef)).node.map((n: any) => n.name)).toEqual([
      "loss/mse",
      "loss/Square",
    ]);
    expect(events.slice(2)).toEqual([
      { wallTime: 1001, summary: { value: [{ tag: "MSE", simpleValue: 1 }] } },
      { wallTime: 1002, step: 1, summary: { value: [{ tag: "MSE", simpleValue: 0.5 }] } },
      { wallTime: 1003, step: 2, summary: { value: [{ tag: "MSE", simpleValue: Math.fround(1 / 3) }] } },
    ]);
  });

  test("a filename suffix opens the file at once", () => {
    const writer = new EventFileWriter(tempDir(), { filenameSuffix: ".v2" });
    expect(writer.path).toMatch(/events\.out\.tfevents\.\d{10}\..+\.v2$/);
    writer.close();
    expect(readEventFile(writer.path!).map((e) => e.fileVersion)).toEqual([FILE_VERSION]);
  });

  test("eventFileName pads seconds to 10 digits", () => {
    expect(eventFileName(1616665937.9, "kiwimac")).toBe("events.out.tfevents.1616665937.kiwimac");
    expect(eventFileName(12, "h", ".x")).toBe("events.out.tfevents.0000000012.h.x");
  });

  test("two writers in the same second do not clobber each other", () => {
    const logdir = tempDir();
    const writers = [new EventFileWriter(logdir), new EventFileWriter(logdir)];
    writers.forEach((w, i) => w.addEvent(encodeEvent({ wallTime: 5, step: i + 1 })));
    writers.forEach((w) => w.close());
    expect(new Set(writers.map((w) => w.path)).size).toBe(2);
    expect(writers.map((w) => readEventFile(w.path!).map((e) => e.step))).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  test("writing after close is an error", () => {
    const writer = new EventFileWriter(tempDir());
    writer.close();
    expect(() => writer.addEvent(encodeEvent({ wallTime: 1 }))).toThrow(/closed/);
  });
});

describe("readEventFile", () => {
  test("a file cut in the middle of a record reads up to the last whole record", () => {
    const writer = new EventFileWriter(tempDir());
    for (let step = 1; step <= 4; step++)
      writer.addEvent(
        encodeEvent({ wallTime: step, step, summary: { value: [{ tag: "a", simpleValue: step }] } }),
      );
    writer.close();
    const full = fs.readFileSync(writer.path!);
    fs.writeFileSync(writer.path!, full.subarray(0, full.length - 7));
    expect(readEventFile(writer.path!).map((e) => e.step)).toEqual([0, 1, 2, 3]);
    const bad = Buffer.from(full);
    bad[bad.length - 10] ^= 1;
    fs.writeFileSync(writer.path!, bad);
    expect(() => readEventFile(writer.path!)).toThrow(DataLossError);
  });
});

describe("readLogdir", () => {
  test("finds runs, scalars (simple and tensor form), histograms and graphs", () => {
    const logdir = tempDir();
    const w1 = new EventFileWriter(path.join(logdir, "run-a"));
    w1.addEvent(encodeEvent({ wallTime: 10, graphDef: encodeGraphDef(graph) }));
    for (let step = 0; step < 3; step++) {
      w1.addEvent(
        encodeEvent({
          wallTime: 11 + step,
          step: step * 10,
          summary: encodeSummary({
            value: [
              { tag: "logistic_regression/train/log_loss", simpleValue: 0.5 + step },
              {
                tag: "weights",
                histo: { min: 0, max: 1, num: 2, sum: 1, sumSquares: 1, bucketLimit: [0, 1], bucket: [1, 1] },
              },
            ],
          }),
        }),
      );
    }
    w1.close();
    const w2 = new EventFileWriter(path.join(logdir, "nested", "run-b"));
    w2.addEvent(encodeEvent({ wallTime: 20, metaGraphDef: encodeMetaGraphDef({ graphDef: graph }) }));
    w2.addEvent(
      encodeEvent({
        wallTime: 21,
        step: 7,
        summary: {
          value: [
            {
              tag: "acc",
              tensor: NDArray.from(0.75, float32),
              metadata: { pluginData: { pluginName: "scalars" } },
            },
          ],
        },
      }),
    );
    w2.close();
    fs.writeFileSync(path.join(logdir, "notes.txt"), "not a run");

    const runs = readLogdir(logdir);
    expect(runs.map((r) => r.name)).toEqual([path.join("nested", "run-b"), "run-a"]);
    const [b, a] = runs;
    expect(a.scalars.get("logistic_regression/train/log_loss")).toEqual([
      { step: 0, wallTime: 11, value: 0.5 },
      { step: 10, wallTime: 12, value: 1.5 },
      { step: 20, wallTime: 13, value: 2.5 },
    ]);
    expect(a.histograms.get("weights")).toHaveLength(3);
    expect(a.histograms.get("weights")![0].histo.bucket).toEqual([1, 1]);
    expect(a.graph?.nodes.map((n) => n.name)).toEqual(["loss/mse", "loss/Square"]);
    expect(b.scalars.get("acc")).toEqual([{ step: 7, wallTime: 21, value: 0.75 }]);
    expect(b.graph?.nodes.map((n) => n.inputs)).toEqual([["loss/Square", "loss/Const"], ["error"]]);
  });

  test("the log directory itself can be a run", () => {
    const logdir = tempDir();
    const w = new EventFileWriter(logdir);
    w.addEvent(encodeEvent({ wallTime: 1, step: 1, summary: { value: [{ tag: "x", simpleValue: 2 }] } }));
    w.close();
    expect(readLogdir(logdir).map((r) => [r.name, r.scalars.get("x")?.[0].value])).toEqual([[".", 2]]);
  });
});
