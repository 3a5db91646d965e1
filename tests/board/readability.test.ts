/**
 * Board fixes (finding 8): an op's dtype is the type of what it outputs, not its `T` attr; a chart
 * of several runs reads without colour; a log directory that is itself one run is named after it.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { describeNode } from "../../board/shared/nodeInfo";
import { renderScalarChart } from "../../board/text/scalarChart";
import { renderLogdirText } from "../../board/text/textView";
import { LogdirWatcher } from "../../board/server/logdirWatcher";
import { EventFileWriter, encodeEvent } from "../../src/io";
import { asGraphDef } from "../../src/graph/graphDefExport";
import { tempDir } from "./helpers";

test("an op's dtype is its output's: RandomStandardNormal float32, Shape int32, Less bool", () => {
  tf.resetDefaultGraph();
  const r = tf.randomNormal([2, 3], { name: "r" });
  tf.shape(r, { name: "s" });
  tf.less(r, 0.5, { name: "lt" });
  tf.cast(r, tf.int32, { name: "c" });
  const nodes = new Map(asGraphDef(tf.getDefaultGraph()).nodes.map((n) => [n.name, describeNode(n)]));
  expect(nodes.get("r/RandomStandardNormal")?.dtype).toBe("float32");
  expect(nodes.get("r/RandomStandardNormal")?.attrs.T).toBe("int32");
  expect(nodes.get("s")?.dtype).toBe("int32");
  expect(nodes.get("lt")?.dtype).toBe("bool");
  expect(nodes.get("c")?.dtype).toBe("int32");
  expect(nodes.get("r")?.dtype).toBe("float32");
});

test("without colour, each run of a chart has its own letter, on its line and in the legend", () => {
  const run = (name: string, f: (i: number) => number, n = 20) => ({
    run: name,
    points: Array.from({ length: n }, (_, i) => ({ step: i, value: f(i) })),
  });
  const text = renderScalarChart("loss", [run("lr-0.1", (i) => 10 - i * 0.4), run("lr-0.01", (i) => 2 + i * 0.1, 15)], {
    color: false,
    width: 30,
  });
  const lines = text.split("\n");
  const legend = lines.filter((l) => /\s[AB] ─ lr-/.test(l));
  expect(legend).toHaveLength(2);
  expect(legend[0]).toContain("A ─ lr-0.1");
  expect(legend[1]).toContain("B ─ lr-0.01");
  expect(new Set(legend.map((l) => l.trim().slice(0, 3))).size).toBe(2);
  const plot = lines.slice(1, lines.findIndex((l) => l.includes("step 0")));
  // A ends at the bottom right (the falling run), B higher up and further left (it stops at step 14).
  const at = (letter: string) => {
    const row = plot.findIndex((l) => /[AB]/.test(l) && l.includes(letter));
    return { row, col: plot[row].lastIndexOf(letter) };
  };
  expect(at("A").row).toBe(plot.length - 1);
  expect(at("B").row).toBeLessThan(at("A").row);
  expect(at("B").col).toBeLessThan(at("A").col);
  expect(text).not.toContain("━━");
});

test("a log directory that is itself one run is named after its folder", () => {
  const logdir = path.join(tempDir(), "my-run");
  const writer = new EventFileWriter(logdir);
  writer.addEvent(encodeEvent({ wallTime: 1, step: 0, summary: { value: [{ tag: "loss", simpleValue: 1 }] } }));
  writer.close();
  expect(fs.readdirSync(logdir).length).toBe(1);
  const text = renderLogdirText(logdir, { color: false });
  expect(text).toContain("  my-run  1 scalar tag");
  expect(text).not.toMatch(/^\s+\.\s/m);
  const watcher = new LogdirWatcher(logdir);
  watcher.refresh(true);
  expect(watcher.summary().runs.map((r) => r.name)).toEqual(["my-run"]);
});
