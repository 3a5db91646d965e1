// Optimizers (TF's optimizer.py, gradient_descent.py, momentum.py): the nodes and slots they create, their
// errors, global step, tensor learning rates, and their update rules against NumPy float32 re-computations of
// TF 1.x's training kernels (tests/fixtures/train/generate_fixtures.py).
import * as tf from "tensorlings";
import fixture from "../fixtures/train/optimizers.json";
import { regressionGraph, runInitialized, valuesOf } from "./trainHelpers";

beforeEach(() => tf.resetDefaultGraph());

const opsAfter = (from: number) =>
  tf
    .getDefaultGraph()
    .getOperations()
    .slice(from)
    .map((op) => op.name);
const opCount = () => tf.getDefaultGraph().getOperations().length;

/** The error `fn` throws, as [class name, message]. */
function errorOf(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  throw new Error("expected an error");
}

describe("nodes and slots", () => {
  test("MomentumOptimizer: slot theta/Momentum (zeros, not trainable), Momentum/momentum", () => {
    const { mse, theta } = regressionGraph();
    const opt = tf.train.MomentumOptimizer({ learningRate: 0.01, momentum: 0.9 });
    const before = opCount();
    const trainingOp = opt.minimize(mse);
    expect(opsAfter(before).filter((n) => !n.startsWith("gradients/"))).toEqual([
      "theta/Momentum/Initializer/zeros",
      "theta/Momentum",
      "theta/Momentum/Assign",
      "theta/Momentum/read",
      "Momentum/learning_rate",
      "Momentum/momentum",
      "Momentum/update_theta/ApplyMomentum",
      "Momentum",
    ]);
    expect(trainingOp.type).toBe("NoOp");
    const slot = opt.getSlot(theta, "momentum");
    expect(slot?.name).toBe("theta/Momentum:0");
    expect(opt.getSlotNames()).toEqual(["momentum"]);
    expect(tf.trainableVariables().map((v) => v.name)).toEqual(["theta:0"]);
    expect(tf.globalVariables().map((v) => v.name)).toEqual(["theta:0", "theta/Momentum:0"]);
    expect(valuesOf(runInitialized(slot))).toEqual([0, 0, 0]);
  });

  test("AdamOptimizer: beta1_power, beta2_power, slots theta/Adam and theta/Adam_1", () => {
    const { mse, theta } = regressionGraph();
    const opt = tf.train.AdamOptimizer({ learningRate: 0.01 });
    const before = opCount();
    opt.minimize(mse);
    expect(opsAfter(before).filter((n) => !n.startsWith("gradients/"))).toEqual([
      "beta1_power/initial_value",
      "beta1_power",
      "beta1_power/Assign",
      "beta1_power/read",
      "beta2_power/initial_value",
      "beta2_power",
      "beta2_power/Assign",
      "beta2_power/read",
      "theta/Adam/Initializer/zeros",
      "theta/Adam",
      "theta/Adam/Assign",
      "theta/Adam/read",
      "theta/Adam_1/Initializer/zeros",
      "theta/Adam_1",
      "theta/Adam_1/Assign",
      "theta/Adam_1/read",
      "Adam/learning_rate",
      "Adam/beta1",
      "Adam/beta2",
      "Adam/epsilon",
      "Adam/update_theta/ApplyAdam",
      "Adam/mul",
      "Adam/Assign",
      "Adam/mul_1",
      "Adam/Assign_1",
      "Adam",
    ]);
    expect(opt.getSlot(theta, "m")?.name).toBe("theta/Adam:0");
    expect(opt.getSlot(theta, "v")?.name).toBe("theta/Adam_1:0");
    expect(opt.getSlotNames()).toEqual(["m", "v"]);
    expect(tf.trainableVariables().map((v) => v.name)).toEqual(["theta:0"]);
  });

  test("RMSPropOptimizer: slots theta/RMSProp (ones) and theta/RMSProp_1 (zeros)", () => {
    const { mse, theta } = regressionGraph();
    const opt = tf.train.RMSPropOptimizer({ learningRate: 0.01 });
    const before = opCount();
    opt.minimize(mse);
    expect(opsAfter(before).filter((n) => !n.startsWith("gradients/"))).toEqual([
      "theta/RMSProp/Initializer/ones",
      "theta/RMSProp",
      "theta/RMSProp/Assign",
      "theta/RMSProp/read",
      "theta/RMSProp_1/Initializer/zeros",
      "theta/RMSProp_1",
      "theta/RMSProp_1/Assign",
      "theta/RMSProp_1/read",
      "RMSProp/learning_rate",
      "RMSProp/decay",
      "RMSProp/momentum",
      "RMSProp/epsilon",
      "RMSProp/update_theta/ApplyRMSProp",
      "RMSProp",
    ]);
    expect(opt.getSlot(theta, "rms")?.name).toBe("theta/RMSProp:0");
    expect(opt.getSlot(theta, "momentum")?.name).toBe("theta/RMSProp_1:0");
    const [rms, mom] = runInitialized([opt.getSlot(theta, "rms"), opt.getSlot(theta, "momentum")]);
    expect(valuesOf(rms)).toEqual([1, 1, 1]);
    expect(valuesOf(mom)).toEqual([0, 0, 0]);
  });

  test("an optimizer name replaces the scope (and slot suffix)", () => {
    const { mse, theta } = regressionGraph();
    const opt = tf.train.MomentumOptimizer({ learningRate: 0.01, momentum: 0.5, name: "Mom" });
    const trainingOp = opt.minimize(mse);
    expect(trainingOp.name).toBe("Mom");
    expect(opt.getSlot(theta, "momentum")?.name).toBe("theta/Mom:0");
  });
});

describe("global step and learning rates", () => {
  test("minimize with globalStep increments it after the updates", () => {
    const { mse } = regressionGraph();
    const step = tf.train.createGlobalStep();
    expect(step.name).toBe("global_step:0");
    expect(step.dtype).toBe(tf.int64);
    const before = opCount();
    const trainingOp = tf.train
      .GradientDescentOptimizer({ learningRate: 0.01 })
      .minimize(mse, { globalStep: step });
    expect(opsAfter(before).filter((n) => !n.startsWith("gradients/"))).toEqual([
      "GradientDescent/learning_rate",
      "GradientDescent/update_theta/ApplyGradientDescent",
      "GradientDescent/update",
      "GradientDescent/value",
      "GradientDescent",
    ]);
    expect(trainingOp.type).toBe("AssignAdd");
    // As in TF's GraphDef: the step's `value` constant waits on the updates, and the AssignAdd
    // reading it needs no control input of its own (TF drops deps an input already carries).
    const value = tf.getDefaultGraph().getOperationByName("GradientDescent/value");
    expect(value.controlInputs.map((op) => op.name)).toEqual(["GradientDescent/update"]);
    expect(trainingOp.inputs.map((t) => t.op)).toContain(value);
    expect(trainingOp.controlInputs).toEqual([]);
    expect(tf.train.getGlobalStep()).toBe(step);
    const counts = tf.withSession(tf.Session(), (s) => {
      s.run(tf.globalVariablesInitializer());
      const seen = [s.run(step).item()];
      for (let i = 0; i < 3; i++) {
        s.run(trainingOp);
        seen.push(s.run(step).item());
      }
      return seen;
    });
    expect(counts).toEqual([0, 1, 2, 3]);
  });

  test("a learning rate given as a placeholder is read at each run", () => {
    tf.resetDefaultGraph();
    const run = fixture.runs.find((r) => r.feedLearningRates) as (typeof fixture.runs)[number];
    const lr = tf.placeholder(tf.float32, { shape: [], name: "lr" });
    const { theta, train } = buildProblem(
      (o) => tf.train.GradientDescentOptimizer({ ...o, learningRate: lr }),
      {},
    );
    expect(
      tf
        .getDefaultGraph()
        .getOperations()
        .some((op) => op.name === "GradientDescent/learning_rate"),
    ).toBe(false);
    tf.withSession(tf.Session(), (s) => {
      s.run(tf.globalVariablesInitializer());
      run.feedLearningRates?.forEach((rate, i) => {
        s.run(train, [[lr, rate]]);
        expectClose(valuesOf(s.run(theta)), run.steps[i].theta);
      });
    });
  });
});

describe("errors (optimizer.py)", () => {
  test("minimize when no variable gets a gradient", () => {
    const theta = tf.Variable([[1.5], [2.5]], { name: "theta" });
    const loss = tf.reduceSum(tf.cast(tf.cast(theta, tf.int32), tf.float32), null, { name: "loss" });
    expect(errorOf(() => tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(loss))).toEqual([
      "ValueError",
      "No gradients provided for any variable, check your graph for ops that do not support gradients, between " +
        `variables ["<tf.Variable 'theta:0' shape=(2, 1) dtype=float32_ref>"] and loss Tensor("loss:0", shape=(), dtype=float32).`,
    ]);
  });

  test("applyGradients with only null gradients, or with nothing", () => {
    const theta = tf.Variable([1.0], { name: "theta" });
    const opt = tf.train.GradientDescentOptimizer({ learningRate: 0.1 });
    const [name, message] = errorOf(() => opt.applyGradients([[null, theta]]));
    expect(name).toBe("ValueError");
    expect(message.startsWith("No gradients provided for any variable: ")).toBe(true);
    expect(errorOf(() => opt.applyGradients([]))).toEqual(["ValueError", "No variables provided."]);
  });

  test("computeGradients with no trainable variables", () => {
    const x = tf.Variable(1.0, { name: "x", trainable: false });
    expect(
      errorOf(() => tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(x.mul(2))),
    ).toEqual(["ValueError", "No variables to optimize."]);
  });
});

describe("computeGradients / applyGradients", () => {
  test("pairs each variable with its gradient (null where unconnected) and honours varList", () => {
    const a = tf.Variable(2.0, { name: "a" });
    const b = tf.Variable(3.0, { name: "b" });
    const c = tf.Variable(4.0, { name: "c" });
    const loss = a.mul(b);
    const opt = tf.train.GradientDescentOptimizer({ learningRate: 0.5 });
    const pairs = opt.computeGradients(loss);
    expect(pairs.map(([g, v]) => [g === null, v])).toEqual([
      [false, a],
      [false, b],
      [true, c],
    ]);
    expect(runInitialized(pairs.slice(0, 2).map(([g]) => g)).map((x: tf.NDArray) => x.item())).toEqual([
      3, 2,
    ]);
    const only = opt.computeGradients(loss, { varList: [b] });
    expect(only.map(([, v]) => v)).toEqual([b]);
    const train = opt.applyGradients(pairs);
    expect(
      tf
        .getDefaultGraph()
        .getOperations()
        .filter((op) => op.type === "ApplyGradientDescent")
        .map((op) => op.name),
    ).toEqual([
      "GradientDescent/update_a/ApplyGradientDescent",
      "GradientDescent/update_b/ApplyGradientDescent",
    ]);
    const after = tf.withSession(tf.Session(), (s) => {
      s.run(tf.globalVariablesInitializer());
      s.run(train);
      return s.run([a, b, c]).map((x: tf.NDArray) => x.item());
    });
    expect(after).toEqual([2 - 0.5 * 3, 3 - 0.5 * 2, 4]);
  });

  test("GATE_NONE builds no tuple ops, GATE_GRAPH one tuple over all gradients", () => {
    const { mse } = regressionGraph();
    const opt = tf.train.GradientDescentOptimizer({ learningRate: 0.1 });
    let before = opCount();
    opt.computeGradients(mse, { gateGradients: tf.train.GATE_NONE });
    expect(opsAfter(before).some((n) => n.includes("tuple"))).toBe(false);
    before = opCount();
    const [[g]] = opt.computeGradients(mse, { gateGradients: tf.train.GATE_GRAPH });
    expect(g?.op.name).toBe("tuple/control_dependency");
    expect(
      opsAfter(before)
        .filter((n) => n.includes("tuple"))
        .some((n) => n.startsWith("gradients_1/")),
    ).toBe(false);
  });
});

// --- update rules ------------------------------------------------------------------------

type Run = (typeof fixture.runs)[number];
type Factory = (options: any) => tf.train.Optimizer;
const FACTORIES: Record<string, Factory> = {
  GradientDescent: (o) => tf.train.GradientDescentOptimizer(o),
  Momentum: (o) => tf.train.MomentumOptimizer(o),
  Adam: (o) => tf.train.AdamOptimizer(o),
  RMSProp: (o) => tf.train.RMSPropOptimizer(o),
};

/** loss = sum((theta - target)^2) on the fixture's starting point, minimized by `make(options)`. */
function buildProblem(make: Factory, options: object) {
  const theta = tf.Variable(new tf.NDArray(tf.float32, [4], Float32Array.from(fixture.theta0)), {
    name: "theta",
  });
  const target = tf.constant(new tf.NDArray(tf.float32, [4], Float32Array.from(fixture.target)), {
    name: "target",
  });
  const loss = tf.reduceSum(tf.square(theta.sub(target)), null, { name: "loss" });
  const opt = make(options);
  return { theta, opt, train: opt.minimize(loss) };
}

/** float32 results of the same arithmetic may differ in the last bit (e.g. sqrt); allow 2 ulp-ish. */
function expectClose(got: number[], want: number[], rel = 3e-7) {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    if (Math.abs(g - want[i]) > rel * Math.max(Math.abs(want[i]), 1e-6)) {
      throw new Error(`element ${i}: got ${g}, want ${want[i]} (got [${got}], want [${want}])`);
    }
  });
}

describe("update rules match TF 1.x's kernels (three steps)", () => {
  const describeRun = (r: Run) => `${r.optimizer} ${JSON.stringify(r.options)}`;
  test.each(fixture.runs.filter((r) => !r.feedLearningRates).map((r) => [describeRun(r), r] as const))(
    "%s",
    (_label, run) => {
      const { theta, opt, train } = buildProblem(FACTORIES[run.optimizer], run.options);
      const powers = ["beta1_power", "beta2_power"].map((n) =>
        tf.globalVariables().find((v) => v.op.name === n),
      );
      tf.withSession(tf.Session(), (s) => {
        s.run(tf.globalVariablesInitializer());
        for (const step of run.steps) {
          s.run(train);
          expectClose(valuesOf(s.run(theta)), step.theta);
          for (const [slotName, want] of Object.entries(step.slots)) {
            expectClose(valuesOf(s.run(opt.getSlot(theta, slotName) as tf.Variable)), want as number[]);
          }
          if ("beta1_power" in step) {
            expectClose(
              [s.run(powers[0] as tf.Variable).item(), s.run(powers[1] as tf.Variable).item()],
              [step.beta1_power as number, step.beta2_power as number],
            );
          }
        }
      });
    },
  );
});
