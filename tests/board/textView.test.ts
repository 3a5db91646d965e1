/** The terminal view: the graph tree (also used by the lessons), scalar charts, the whole log directory. */
import * as path from "path";
import * as tf from "tensorlings";
import { renderGraphTree } from "../../board/text/graphTree";
import { renderScalarChart } from "../../board/text/scalarChart";
import { renderLogdirText } from "../../board/text/textView";
import { readLogdir } from "../../src/io";
import { tempDir } from "./helpers";
import { LOSS_TAG, writeLogregRun } from "./logregFixture";

/** The book's first graph, f = x*x*y + y + 2, then an error and its mean square in a `loss` scope. */
function firstGraph() {
  tf.resetDefaultGraph();
  const x = tf.Variable(3, { name: "x" });
  const y = tf.Variable(4, { name: "y" });
  const f = x.mul(x).mul(y).add(y).add(2);
  tf.nameScope("loss", () => tf.reduceMean(tf.square(tf.subtract(f, 1, { name: "error" })), null, { name: "mse" }));
  return tf.getDefaultGraph();
}

describe("renderGraphTree", () => {
  test("a live graph: scopes with op counts, then ops with type, dtype, shape and inputs", () => {
    // TF's names: the 2 in `... + 2` becomes add_1/y, so add_1 is both an op and a scope and the op
    // shows inside it as (add_1), as TensorBoard draws it. Inputs are named relative to the op's scope.
    expect(renderGraphTree(firstGraph(), { color: false }).split("\n")).toEqual([
      "Graph: 18 ops",
      "├─ add_1/            2 ops",
      "│  ├─ (add_1)        Add  float32 []  ← add, add_1/y",
      "│  └─ y              Const  float32 []",
      "├─ loss/             5 ops",
      "│  ├─ error/         2 ops",
      "│  │  ├─ (error)     Sub  float32 []  ← add_1, error/y",
      "│  │  └─ y           Const  float32 []",
      "│  ├─ Const          Const  int32 [0]",
      "│  ├─ Square         Square  float32 []  ← error",
      "│  └─ mse            Mean  float32 []  ← Square, Const",
      "├─ x/                4 ops",
      "│  ├─ (x)            VariableV2  float32 []",
      "│  ├─ Assign         Assign  float32 []  ← x, initial_value",
      "│  ├─ initial_value  Const  float32 []",
      "│  └─ read           Identity  float32 []  ← x",
      "├─ y/                4 ops",
      "│  ├─ (y)            VariableV2  float32 []",
      "│  ├─ Assign         Assign  float32 []  ← y, initial_value",
      "│  ├─ initial_value  Const  float32 []",
      "│  └─ read           Identity  float32 []  ← y",
      "├─ add               Add  float32 []  ← mul_1, y/read",
      "├─ mul               Mul  float32 []  ← x/read, x/read",
      "└─ mul_1             Mul  float32 []  ← mul, y/read",
    ]);
  });

  test("closed scopes summarise their op types; long scopes are cut short", () => {
    const graph = firstGraph();
    expect(renderGraphTree(graph, { color: false, maxDepth: 1 }).split("\n").slice(1, 5)).toEqual([
      "├─ add_1/  2 ops   Add Const",
      "├─ loss/   5 ops   Const×2 Mean Square Sub",
      "├─ x/      4 ops   Assign Const Identity VariableV2",
      "├─ y/      4 ops   Assign Const Identity VariableV2",
    ]);
    const cut = renderGraphTree(graph, { color: false, maxOpsPerScope: 3 }).split("\n");
    expect(cut).toContain("│  └─ … 2 more: Const Identity");
  });

  test("colours only when asked", () => {
    expect(renderGraphTree(firstGraph(), { color: true })).toContain("\u001b[");
    expect(renderGraphTree(firstGraph(), { color: false })).not.toContain("\u001b[");
  });

  test("a GraphDef read back from an event file: exercise 12's scopes", () => {
    const logdir = tempDir();
    writeLogregRun(logdir, { name: "run", epochs: 1 }).writer.close();
    const text = renderGraphTree(readLogdir(logdir)[0].graph!, { color: false });
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Graph: \d+ ops$/);
    expect(lines[1]).toMatch(/^├─ logistic_regression\/\s+\d+ ops$/);
    for (const scope of ["model", "train", "init", "save"]) expect(lines.some((l) => l.startsWith(`│  ├─ ${scope}/`) || l.startsWith(`│  └─ ${scope}/`))).toBe(true);
    expect(text).toMatch(/│ {2}│ {2}├─ theta\/\s+3 ops\s+Assign Identity VariableV2/);
    expect(text).toMatch(/logits\s+MatMul {2}float32 \[\?,1\] {2}← X, theta\/read/);
    expect(lines[lines.length - 2]).toMatch(/^├─ X\s+Placeholder {2}float32 \[\?,7\]$/);
  });

  test("anything else is refused with a clear message", () => {
    expect(() => renderGraphTree({} as never)).toThrow("renderGraphTree expects a graph (tf.getDefaultGraph()) or a GraphDef with a `nodes` array");
  });
});

describe("renderScalarChart", () => {
  const series = [
    { run: "a", points: [0, 1, 2, 3].map((step) => ({ step, value: 4 - step })) },
    { run: "b", points: [0, 1].map((step) => ({ step, value: 2 + step })) },
  ];

  test("one line per run over a shared step axis, a legend with the last values", () => {
    const lines = renderScalarChart("MSE", series, { height: 6, width: 31, color: false }).split("\n");
    // a falls from 4 to 1 over steps 0..3 (all 31 columns); b rises from 2 to 3 over steps 0..1
    // (the first 11 columns), both interpolated linearly between their points.
    expect(lines).toEqual([
      "MSE",
      "       4.0 ┼──╮",
      "       3.5 ┤  ╰────╮",
      "       3.0 ┤       ╭────╮B",
      "       2.5 ┤  ╭────╯    ╰────╮",
      "       2.0 ┼──╯              ╰────╮",
      "       1.5 ┤                      ╰────╮",
      "       1.0 ┤                           ╰──A",
      "           step 0                    step 3",
      "           A ─ a  last 1 at step 3, 4 points",
      "           B ─ b  last 3 at step 1, 2 points",
    ]);
  });

  test("smoothing is applied before plotting", () => {
    const smoothed = renderScalarChart("MSE", [series[0]], { smoothing: 0.6, color: false });
    // Debiased average of 4, 3, 2, 1 at 0.6: 1.6576 / (1 - 0.6^4) = 1.9044 (worked by hand).
    expect(smoothed).toContain("last 1.904 at step 3");
  });

  test("a tag with no finite value says so", () => {
    expect(renderScalarChart("x", [{ run: "a", points: [{ step: 0, value: NaN }] }], { color: false })).toBe("x\n  (no finite values)");
  });
});

describe("renderLogdirText", () => {
  const logdir = tempDir();
  beforeAll(() => {
    writeLogregRun(logdir, { name: "logreg-run-1", epochs: 3 }).writer.close();
    writeLogregRun(logdir, { name: "logreg-run-2", epochs: 2, learningRate: 0.1 }).writer.close();
  });

  test("runs, a chart per tag, and a graph shared by both runs printed once", () => {
    const text = renderLogdirText(logdir, { color: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe(`Log directory ${logdir}: 2 runs`);
    expect(lines[1]).toMatch(/^ {2}logreg-run-1 {2}1 scalar tag, 3 points, graph of \d+ ops$/);
    expect(lines[2]).toMatch(/^ {2}logreg-run-2 {2}1 scalar tag, 2 points, graph of \d+ ops$/);
    expect(lines).toContain(LOSS_TAG);
    expect(lines.filter((l) => l.startsWith("Graph of "))).toEqual(["Graph of logreg-run-1, logreg-run-2"]);
  });

  test("an empty or missing log directory", () => {
    expect(renderLogdirText(tempDir(), { color: false })).toMatch(/: 0 runs\nNo event files/);
    expect(() => renderLogdirText(path.join(logdir, "nope"))).toThrow(`log directory not found: ${path.join(logdir, "nope")}`);
  });
});
