/**
 * Row 3: exercise 12's full training with the reference solution (`solutions/ex12`: 10,001
 * epochs of 20 mini-batches of 50, test loss logged for TensorBoard every epoch, a checkpoint
 * every 500 epochs) against the same training written by hand (no files written).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tf from "tensorlings";
import { logisticRegressionByHand, moonsWithFeatures } from "../handwritten/logisticRegression";
import { interleave } from "../harness";
import type { RowResult } from "../report";
import type { BenchSettings } from "../settings";

interface Ex12Module {
  train(options: Record<string, unknown>): { loss: number };
}

const TITLE = "exercise 12 full training, reference solution vs hand-written (ms per epoch)";

function loadSolution(root: string): Ex12Module | string {
  const dir = path.join(root, "solutions", "ex12");
  if (!fs.existsSync(path.join(dir, "index.ts")) && !fs.existsSync(path.join(dir, "train.ts")))
    return "solutions/ex12 not found";
  try {
    const mod = require(
      fs.existsSync(path.join(dir, "index.ts")) ? dir : path.join(dir, "train.ts"),
    ) as Partial<Ex12Module>;
    return typeof mod.train === "function" ? (mod as Ex12Module) : "solutions/ex12 exports no train()";
  } catch (e) {
    return `solutions/ex12 failed to load: ${(e as Error).message.split("\n")[0]}`;
  }
}

/** Runs `fn` with console.log silenced (the solution prints progress). */
function quietly<T>(fn: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return fn();
  } finally {
    console.log = log;
  }
}

export async function exercise12Row(settings: BenchSettings): Promise<RowResult> {
  const solution = loadSolution(settings.root);
  if (typeof solution === "string") return { id: 3, title: TITLE, status: "n/a", reason: solution };
  const epochs = settings.quick ? 501 : 10001;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tensorlings-bench-"));
  let run = 0;
  const reference = () => {
    const dir = path.join(scratch, `run${run++}`);
    fs.mkdirSync(dir);
    const result = quietly(() =>
      solution.train({
        epochs,
        checkpointPath: path.join(dir, "model.ckpt"),
        finalModelPath: path.join(dir, "final"),
        logdir: path.join(dir, "logs"),
      }),
    );
    fs.rmSync(dir, { recursive: true, force: true });
    return result.loss;
  };

  // θ starts where the solution's starts: uniform in [-1, 1) from graph and op seed 42.
  const theta0 = tf.Graph().asDefault(() => {
    tf.setRandomSeed(42);
    const t = tf.randomUniform([7, 1], -1.0, 1.0, { seed: 42 });
    return tf.withSession(tf.Session(), (sess) => (sess.run(t) as tf.NDArray).data as Float32Array);
  });
  const data = moonsWithFeatures();
  const byHand = () =>
    logisticRegressionByHand(data, theta0, {
      epochs,
      batchSize: 50,
      learningRate: 0.01,
      batchesPerEpoch: 20,
      seed: 42,
    });

  try {
    const engineLoss = reference();
    const handLoss = byHand().loss;
    const measured = await interleave(
      [
        { name: "reference solution", run: () => (reference(), epochs) },
        { name: "hand-written loop", run: () => (byHand(), epochs) },
      ],
      { rounds: settings.quick ? 2 : 3, warmup: 0 },
    );
    const r = measured["reference solution"].median / measured["hand-written loop"].median;
    return {
      id: 3,
      title: TITLE,
      status: "ok",
      unit: "ms/epoch",
      measurements: measured,
      ratios: [{ name: "reference / hand-written", value: Number(r.toPrecision(3)) }],
      targets: [{ description: "reference ≤ 3× hand-written", met: r <= 3 }],
      notes: [
        `${epochs} epochs × 20 batches of 50; final test loss: solution ${engineLoss.toPrecision(6)}, by hand ${handLoss.toPrecision(6)}`,
        "the solution also writes a summary every epoch and a checkpoint every 500 epochs",
      ],
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
