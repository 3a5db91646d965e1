// The chapter's training runs on the real California housing data (the notebook's gradient descent cells),
// checked against the notebook's printed numbers. Needs HOML_DATA_HOME (the folder holding
// california_housing/); CI sets it. Each full run is a few seconds of float32 batch GD.
import * as tf from "tensorlings";
import { StandardScaler, addBiasColumn, fetchCaliforniaHousing } from "tensorlings/datasets";
import myFunc from "../fixtures/train/my_func.json";

/** Epoch 0, 100, ..., 900 MSE and final theta as the notebook prints them. */
const BOOK = {
  manualMse: [
    9.161542, 0.7145004, 0.56670487, 0.5555718, 0.5488112, 0.5436363, 0.5396291, 0.5365092, 0.53406775,
    0.5321473,
  ],
  manualTheta: [
    2.0685523, 0.8874027, 0.14401656, -0.34770882, 0.36178368, 0.00393811, -0.04269556, -0.6614529,
    -0.6375279,
  ],
  autodiffMse: [
    9.161542, 0.71450037, 0.56670487, 0.5555718, 0.54881126, 0.5436363, 0.53962916, 0.5365092, 0.53406775,
    0.5321473,
  ],
  optimizerMse: [
    9.161542, 0.7145004, 0.56670487, 0.5555718, 0.54881126, 0.5436363, 0.53962916, 0.5365092, 0.53406775,
    0.5321473,
  ],
  autodiffTheta: [
    2.0685523, 0.8874027, 0.14401656, -0.3477088, 0.36178365, 0.00393811, -0.04269556, -0.66145283,
    -0.6375278,
  ],
  momentumTheta: [
    2.068558, 0.82962847, 0.11875335, -0.26554456, 0.3057109, -0.00450249, -0.03932662, -0.8998645,
    -0.8705207,
  ],
  myFunc: { z: -0.21253741, grads: [-1.1388495, 0.19671397] },
};

/** Elementwise |got - want| <= rel * |want| (plus float32's resolution near 0). */
function expectWithin(got: number[], want: number[], rel: number) {
  expect(got).toHaveLength(want.length);
  const bad = got
    .map((g, i) => [i, g, want[i]])
    .filter(([, g, w]) => !(Math.abs(g - w) <= rel * Math.abs(w) + 1e-7));
  expect(bad).toEqual([]);
}

type Mode = "manual" | "autodiff" | "optimizer" | "momentum";

interface Scaled {
  X: tf.NDArray;
  y: tf.NDArray;
}

/**
 * The notebook's batch gradient descent: reset_graph(42), theta ~ U(-1, 1) with seed 42,
 * mse = reduce_mean(square(X θ - y)), 1000 epochs at learning rate 0.01, MSE evaluated every
 * 100 epochs before the step.
 */
function trainLinearRegression({ X, y }: Scaled, mode: Mode): { mse: number[]; theta: number[] } {
  tf.resetDefaultGraph();
  tf.setRandomSeed(42);
  const [m, n1] = X.shape;
  const learningRate = 0.01;
  const Xt = tf.constant(X, { name: "X" });
  const yt = tf.constant(y, { name: "y" });
  const theta = tf.Variable(tf.randomUniform([n1, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
  const yPred = tf.matmul(Xt, theta, { name: "predictions" });
  const error = yPred.sub(yt);
  const mse = tf.reduceMean(tf.square(error), null, { name: "mse" });
  let trainingOp: tf.Operation | tf.Tensor;
  if (mode === "manual" || mode === "autodiff") {
    const gradients =
      mode === "manual"
        ? tf.matmul(tf.transpose(Xt), error).mul(2 / m)
        : (tf.gradients(mse, [theta])[0] as tf.Tensor);
    trainingOp = tf.assign(theta, theta.sub(gradients.mul(learningRate)));
  } else {
    const optimizer =
      mode === "optimizer"
        ? tf.train.GradientDescentOptimizer({ learningRate })
        : tf.train.MomentumOptimizer({ learningRate, momentum: 0.9 });
    trainingOp = optimizer.minimize(mse);
  }
  return tf.withSession(tf.Session(), (sess) => {
    sess.run(tf.globalVariablesInitializer());
    const printed: number[] = [];
    for (let epoch = 0; epoch < 1000; epoch++) {
      if (epoch % 100 === 0) printed.push(mse.eval().item() as number);
      sess.run(trainingOp);
    }
    return { mse: printed, theta: Array.from(theta.eval().data as Float32Array) };
  });
}

const dataHome = process.env.HOML_DATA_HOME;
const describeWithData = dataHome ? describe : describe.skip;
if (!dataHome) {
  test.skip("the book's runs on the California housing data need HOML_DATA_HOME (e.g. ../shared/datasets); skipped", () => {});
}

describeWithData(
  "the book's batch gradient descent on the scaled housing data",
  () => {
    let data: Scaled;
    beforeAll(async () => {
      // As the book scales it: StandardScaler (float64), then the bias column, then float32 constants.
      const housing = await fetchCaliforniaHousing({ download: false });
      const scaled = addBiasColumn(new StandardScaler().fitTransform(housing.data));
      data = {
        X: new tf.NDArray(tf.float32, [scaled.rows, scaled.cols], Float32Array.from(scaled.data)),
        y: new tf.NDArray(tf.float32, [housing.target.length, 1], Float32Array.from(housing.target)),
      };
    });

    test("manual gradients: 2/m Xᵀ·error", () => {
      const { mse, theta } = trainLinearRegression(data, "manual");
      expectWithin(mse, BOOK.manualMse, 1e-5);
      expectWithin(theta, BOOK.manualTheta, 1e-5);
    });

    test("tf.gradients(mse, [theta])", () => {
      const { mse, theta } = trainLinearRegression(data, "autodiff");
      expectWithin(mse, BOOK.autodiffMse, 1e-5);
      expectWithin(theta, BOOK.autodiffTheta, 1e-5);
    });

    test("GradientDescentOptimizer(0.01).minimize(mse)", () => {
      const { mse, theta } = trainLinearRegression(data, "optimizer");
      expectWithin(mse, BOOK.optimizerMse, 1e-5);
      expectWithin(theta, BOOK.autodiffTheta, 1e-5);
    });

    test("MomentumOptimizer(0.01, 0.9).minimize(mse)", () => {
      const { theta } = trainLinearRegression(data, "momentum");
      expectWithin(theta, BOOK.momentumTheta, 1e-4);
    });
  },
);

describe("my_func(a, b) and its gradients through tf.gradients", () => {
  /** The notebook's loop: z = a·cos(z + i) + z·sin(b − i), 100 times from z = 0. */
  function myFuncGraph(dtype: tf.DType) {
    tf.resetDefaultGraph();
    tf.setRandomSeed(42);
    const a = tf.Variable(tf.constant(0.2, { dtype }), { name: "a" });
    const b = tf.Variable(tf.constant(0.3, { dtype }), { name: "b" });
    let z = tf.constant(0.0, { dtype, name: "z0" });
    for (let i = 0; i < 100; i++) z = a.mul(tf.cos(z.add(i))).add(z.mul(tf.sin(b.sub(i))));
    const grads = tf.gradients(z, [a, b]) as tf.Tensor[];
    return tf.withSession(tf.Session(), (sess) => {
      sess.run(tf.globalVariablesInitializer());
      const [zv, ga, gb] = sess.run([z, ...grads]) as tf.NDArray[];
      return { z: zv.item() as number, grads: [ga.item() as number, gb.item() as number] };
    });
  }

  test("float32, as in the book: z and both gradients within 1e-5 of the printout", () => {
    const got = myFuncGraph(tf.float32);
    expectWithin([got.z], [BOOK.myFunc.z], 1e-5);
    expectWithin(got.grads, BOOK.myFunc.grads, 1e-5);
  });

  test("float64: equal to NumPy's my_func and its forward-mode partials", () => {
    const got = myFuncGraph(tf.float64);
    expect(Math.abs(got.z - myFunc.z)).toBeLessThan(1e-12);
    expectWithin(got.grads, [myFunc.dz_da, myFunc.dz_db], 1e-10);
  });
});
