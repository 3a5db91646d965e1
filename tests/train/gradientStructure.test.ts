// What `tf.gradients` adds to the graph (TF's gradients_impl.py `gradients`): names, AddN where gradients
// meet, gating, `null` for unconnected inputs, and what blocks gradients.
import * as tf from "tensorlings";
import { registerOp } from "../../src/ops/registry";
import { createOp } from "../../src/ops/createOp";
import { regressionGraph, runInitialized as run, valuesOf as values } from "./trainHelpers";

const names = (from = 0) =>
  tf
    .getDefaultGraph()
    .getOperations()
    .slice(from)
    .map((op) => op.name);
const opCount = () => tf.getDefaultGraph().getOperations().length;

beforeEach(() => tf.resetDefaultGraph());

describe("tf.gradients", () => {
  test("returns null for an x that ys does not depend on", () => {
    const a = tf.Variable(1.0, { name: "a" });
    const b = tf.Variable(2.0, { name: "b" });
    const z = a.mul(3);
    const [ga, gb] = tf.gradients(z, [a, b]);
    expect(gb).toBeNull();
    expect(run(ga as tf.Tensor).item()).toBe(3);
    expect(tf.gradients(z, b)).toEqual([null]);
  });

  test("sums gradients that meet at one tensor with gradients/AddN, AddN_1", () => {
    const x = tf.placeholder(tf.float32, { shape: [2], name: "x" });
    const u = x.mul(2);
    const y = tf.add(tf.square(u), tf.sin(u)).add(x);
    const [g] = tf.gradients(y, [x]);
    const addNs = tf
      .getDefaultGraph()
      .getOperations()
      .filter((op) => op.type === "AddN")
      .map((op) => op.name);
    expect(addNs).toEqual(["gradients/AddN", "gradients/AddN_1"]);
    expect(g?.op.name).toBe("gradients/AddN_1");
    const got = values(run(g, [[x, [0.5, -1]]]));
    [0.5, -1].forEach((v, i) => expect(got[i]).toBeCloseTo((4 * v + Math.cos(2 * v)) * 2 + 1, 5));
  });

  test("initial gradient: Shape (a Const for a known shape), grad_ys_0, Fill; gradients/uid is reserved", () => {
    const x = tf.placeholder(tf.float32, { shape: [3], name: "x" });
    tf.gradients(tf.reduceSum(tf.square(x), null, { name: "loss" }), [x]);
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .filter((op) => op.name.startsWith("gradients/"));
    expect(ops.slice(0, 3).map((op) => [op.name, op.type])).toEqual([
      ["gradients/Shape", "Const"],
      ["gradients/grad_ys_0", "Const"],
      ["gradients/Fill", "Fill"],
    ]);
    expect(names()).not.toContain("gradients/uid");
    expect(tf.getDefaultGraph().uniqueName("gradients/uid")).toBe("gradients/uid_1");
  });

  test("a later call builds under gradients_1, and an explicit name is used as the scope", () => {
    const x = tf.placeholder(tf.float32, { shape: [2], name: "x" });
    const y = tf.square(x);
    tf.gradients(y, [x]);
    const before = opCount();
    tf.gradients(y, [x]);
    expect(names(before).every((n) => n.startsWith("gradients_1/"))).toBe(true);
    const mid = opCount();
    tf.gradients(y, [x], null, { name: "my_grads" });
    expect(names(mid).every((n) => n.startsWith("my_grads/"))).toBe(true);
  });

  test("each op's gradient runs in <op name>_grad, relative to the gradients scope", () => {
    const x = tf.placeholder(tf.float32, { shape: [2], name: "x" });
    const loss = tf.nameScope("loss", () => tf.reduceMean(tf.square(x.sub(1)), null, { name: "mse" }));
    expect(loss.op.name).toBe("loss/mse");
    const before = opCount();
    tf.gradients(loss, [x]);
    const scopes = new Set(names(before).map((n) => n.split("/").slice(0, -1).join("/")));
    expect([...scopes]).toEqual(
      expect.arrayContaining(["gradients/loss/mse_grad", "gradients/loss/Square_grad"]),
    );
  });

  test("several ys add up; an intermediate tensor can be one of the xs", () => {
    const x = tf.placeholder(tf.float32, { shape: [], name: "x" });
    const h = tf.square(x);
    const y1 = h.mul(3);
    const y2 = tf.sin(x);
    const [gx, gh] = tf.gradients([y1, y2], [x, h]);
    const [vx, vh] = run([gx, gh], [[x, 0.5]]) as tf.NDArray[];
    expect(vx.item()).toBeCloseTo(3 * 2 * 0.5 + Math.cos(0.5), 6);
    expect(vh.item()).toBe(3);
  });

  test("gradYs replaces the initial ones", () => {
    const x = tf.placeholder(tf.float32, { shape: [2], name: "x" });
    const [g] = tf.gradients(tf.square(x), [x], [tf.constant([10, 100])]);
    expect(values(run(g, [[x, [1, 2]]]))).toEqual([20, 400]);
  });

  test("stopGradients and tf.stopGradient cut the flow", () => {
    const x = tf.placeholder(tf.float32, { shape: [], name: "x" });
    const h = tf.square(x);
    const y = h.add(x);
    const [g] = tf.gradients(y, [x], null, { stopGradients: [h] });
    expect(run(g, [[x, 3]]).item()).toBe(1);
    const [g2] = tf.gradients(tf.stopGradient(h).add(x.mul(2)), [x]);
    expect(run(g2, [[x, 3]]).item()).toBe(2);
    expect(tf.gradients(tf.stopGradient(h), [x])).toEqual([null]);
  });
});

describe("non-differentiable ops block gradients", () => {
  test("a cast to an integer type", () => {
    const x = tf.Variable([1.5, 2.5], { name: "x" });
    const y = tf.cast(tf.cast(x, tf.int32), tf.float32).mul(2);
    expect(tf.gradients(y, [x])).toEqual([null]);
  });

  test("comparisons, argMax, rounding and FloorDiv", () => {
    const x = tf.placeholder(tf.float32, { shape: [3], name: "x" });
    expect(tf.gradients(tf.cast(tf.greater(x, 0), tf.float32), [x])).toEqual([null]);
    expect(tf.gradients(tf.cast(tf.argMax(x, 0), tf.float32), [x])).toEqual([null]);
    expect(tf.gradients(tf.floor(x).add(tf.round(x)).add(tf.ceil(x)), [x])).toEqual([null]);
    expect(tf.gradients(tf.floordiv(x, 2), [x])).toEqual([null]);
  });

  test("random ops: nothing flows into their shape or bounds", () => {
    const limit = tf.placeholder(tf.int32, { shape: [1], name: "shape" });
    const r = tf.randomUniform(limit, -1, 1, { seed: 1 });
    expect(tf.gradients(r.mul(2), [limit])).toEqual([null]);
    const s = tf.randomNormal([2], { seed: 1 });
    const [g] = tf.gradients(s.mul(3), [s]);
    expect(values(run(g))).toEqual([3, 3]);
  });

  test("an op type with no gradient declared at all raises TF's LookupError", () => {
    registerOp({
      type: "NoGradientForTest",
      outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
      kernel: () => (inputs) => [inputs[0]],
    });
    const x = tf.placeholder(tf.float32, { shape: [], name: "x" });
    const graph = tf.getDefaultGraph();
    const y = createOp(graph, "NoGradientForTest", "opaque", [x]).outputs[0];
    let error: Error | null = null;
    try {
      tf.gradients(tf.square(y), [x]);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe("LookupError");
    expect(error?.message).toBe("No gradient defined for operation 'opaque' (op type: NoGradientForTest)");
  });
});

describe("Pow's gradient with respect to the exponent at x <= 0", () => {
  test("is 0 rather than NaN, as TF masks log(x) there", () => {
    const x = tf.placeholder(tf.float32, { shape: [3], name: "x" });
    const y = tf.placeholder(tf.float32, { shape: [3], name: "y" });
    const [gx, gy] = tf.gradients(tf.pow(x, y), [x, y]);
    const [vx, vy] = run(
      [gx, gy],
      [
        [x, [0, -2, 2]],
        [y, [2, 3, 3]],
      ],
    ) as tf.NDArray[];
    expect(values(vx)).toEqual([0, 12, 12]);
    expect(values(vy)[0]).toBe(0);
    expect(values(vy)[1]).toBe(0);
    expect(values(vy)[2]).toBeCloseTo(8 * Math.log(2), 5);
  });
});

describe("the chapter's constant-X regression, minimized with gating (optimizer.py)", () => {
  test("builds exactly TF's gradient and update ops, in order", () => {
    const { mse } = regressionGraph();
    const before = opCount();
    const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: 0.01 }).minimize(mse);
    const added = tf
      .getDefaultGraph()
      .getOperations()
      .slice(before)
      .map((op) => [op.name, op.type]);
    expect(added).toEqual([
      ["gradients/Shape", "Const"],
      ["gradients/grad_ys_0", "Const"],
      ["gradients/Fill", "Fill"],
      ["gradients/mse_grad/Reshape/shape", "Const"],
      ["gradients/mse_grad/Reshape", "Reshape"],
      ["gradients/mse_grad/Const", "Const"],
      ["gradients/mse_grad/Tile", "Tile"],
      ["gradients/mse_grad/Const_1", "Const"],
      ["gradients/mse_grad/truediv", "RealDiv"],
      ["gradients/Square_grad/Const", "Const"],
      ["gradients/Square_grad/Mul", "Mul"],
      ["gradients/Square_grad/Mul_1", "Mul"],
      ["gradients/sub_grad/Neg", "Neg"],
      ["gradients/sub_grad/tuple/group_deps", "NoOp"],
      ["gradients/sub_grad/tuple/control_dependency", "Identity"],
      ["gradients/sub_grad/tuple/control_dependency_1", "Identity"],
      ["gradients/predictions_grad/MatMul", "MatMul"],
      ["gradients/predictions_grad/MatMul_1", "MatMul"],
      ["gradients/predictions_grad/tuple/group_deps", "NoOp"],
      ["gradients/predictions_grad/tuple/control_dependency", "Identity"],
      ["gradients/predictions_grad/tuple/control_dependency_1", "Identity"],
      ["GradientDescent/learning_rate", "Const"],
      ["GradientDescent/update_theta/ApplyGradientDescent", "ApplyGradientDescent"],
      ["GradientDescent", "NoOp"],
    ]);
    expect(trainingOp.name).toBe("GradientDescent");
    expect(tf.getDefaultGraph().getCollection("train_op")).toEqual([trainingOp]);
    const g = tf.getDefaultGraph();
    // The Square gradient's 2.0 waits for the incoming gradient; the update reads the gated one.
    expect(g.getOperationByName("gradients/Square_grad/Const").controlInputs.map((op) => op.name)).toEqual([
      "gradients/mse_grad/truediv",
    ]);
    expect(
      g.getOperationByName("GradientDescent/update_theta/ApplyGradientDescent").inputs.map((t) => t.name),
    ).toEqual([
      "theta:0",
      "GradientDescent/learning_rate:0",
      "gradients/predictions_grad/tuple/control_dependency_1:0",
    ]);
  });

  test("a second minimize builds under gradients_1 and GradientDescent_1", () => {
    const { mse } = regressionGraph();
    tf.train.GradientDescentOptimizer({ learningRate: 0.01 }).minimize(mse);
    const before = opCount();
    tf.train.GradientDescentOptimizer({ learningRate: 0.01 }).minimize(mse);
    const added = names(before);
    expect(added[0]).toBe("gradients_1/Shape");
    expect(added[added.length - 1]).toBe("GradientDescent_1");
  });

  test("plain tf.gradients does not gate (no tuple ops)", () => {
    const { mse, theta } = regressionGraph();
    const before = opCount();
    const [g] = tf.gradients(mse, [theta]);
    expect(names(before).some((n) => n.includes("tuple"))).toBe(false);
    expect(g?.op.name).toBe("gradients/predictions_grad/MatMul_1");
  });

  test("with placeholders of unknown batch size the Mean and Sub gradients build dynamic-shape ops", () => {
    const X = tf.placeholder(tf.float32, { shape: [null, 2], name: "X" });
    const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
    const theta = tf.Variable([[0.5], [-0.5]], { name: "theta" });
    const error = tf.matmul(X, theta, { name: "predictions" }).sub(y);
    const mse = tf.reduceMean(tf.square(error), null, { name: "mse" });
    const before = opCount();
    const [g] = tf.gradients(mse, [theta]);
    const types = new Set(
      tf
        .getDefaultGraph()
        .getOperations()
        .slice(before)
        .map((op) => op.type),
    );
    for (const t of [
      "Shape",
      "BroadcastGradientArgs",
      "Sum",
      "Reshape",
      "Prod",
      "Maximum",
      "FloorDiv",
      "Cast",
    ]) {
      expect(types).toContain(t);
    }
    const got = values(
      run(g, [
        [
          X,
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        ],
        [y, [[1], [0], [2]]],
      ]),
    );
    // d/dθ mean((Xθ - y)^2) = 2/m Xᵀ(Xθ - y), worked out by hand: errors are [-1.5, -0.5, -2.5].
    expect(got[0]).toBeCloseTo((2 / 3) * (1 * -1.5 + 3 * -0.5 + 5 * -2.5), 5);
    expect(got[1]).toBeCloseTo((2 / 3) * (2 * -1.5 + 4 * -0.5 + 6 * -2.5), 5);
  });
});

describe("tf.sigmoid's gradient is numerically stable", () => {
  test("finite at large |x| in float32, and accurate in the far tail in float64", () => {
    const x = tf.placeholder(tf.float32, { shape: [4], name: "x" });
    const [g] = tf.gradients(tf.sigmoid(x), [x]);
    const got = values(run(g, [[x, [-100, -20, 0, 100]]]));
    expect(got.every(Number.isFinite)).toBe(true);
    expect(got[2]).toBe(0.25);
    expect(got[0]).toBeLessThan(1e-40);
    expect(got[3]).toBe(0);
    const x64 = tf.placeholder(tf.float64, { shape: [1], name: "x64" });
    const [g64] = tf.gradients(tf.sigmoid(x64), [x64]);
    const want = Math.exp(-30) / (1 + Math.exp(-30)) ** 2;
    expect(Math.abs(values(run(g64, [[x64, [-30]]]))[0] - want) / want).toBeLessThan(1e-12);
  });
});
