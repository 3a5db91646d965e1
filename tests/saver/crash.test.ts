/**
 * A child process saving in a loop is SIGKILLed at random moments, many times. After each kill,
 * the latest checkpoint of either kind restores whole, to a value the child was saving, and never
 * older than what the previous round restored.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { Saver, getCheckpointState, latestCheckpoint } from "../../src/train/saver";
import { captureStderr, tempDir } from "./helpers";

const ROUNDS = 24;
const stderr = captureStderr();

/** Start the child, let it save for `ms` after it is ready, SIGKILL it; resolve with the steps it began saving. */
function runAndKill(dir: string, firstStep: number, ms: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register", path.join(__dirname, "crashSaverChild.ts"), dir, String(firstStep)],
      { cwd: path.join(__dirname, "..", ".."), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      if (!out.includes("ready\n") && (out + d).includes("ready\n"))
        setTimeout(() => child.kill("SIGKILL"), ms);
      out += d;
    });
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL") return reject(new Error(`child exited on its own: ${err}`));
      resolve([...out.matchAll(/^saving (\d+)$/gm)].map((m) => Number(m[1])));
    });
  });
}

/** The restoring side: the same variables, a Saver over them. */
function restorer() {
  tf.resetDefaultGraph();
  const theta = tf.Variable(tf.zeros([20_000]), { name: "theta" });
  const step = tf.Variable(0.0, { name: "step" });
  const saver = Saver();
  /** Restore `prefix`, check every element holds the same step, and return it. */
  return (prefix: string): number => {
    const sess = tf.Session();
    saver.restore(sess, prefix);
    const [t, s] = sess.run([theta, step]) as tf.NDArray[];
    const value = s.item() as number;
    const data = t.data as Float32Array;
    const mismatch = data.findIndex((x) => x !== value);
    expect(mismatch).toBe(-1);
    sess.close();
    return value;
  };
}

test(`killed ${ROUNDS} times at random moments, the last complete checkpoint always restores`, async () => {
  const dir = tempDir();
  const restore = restorer();
  const attempted = new Set<number>();
  let next = 1;
  let lastFixed = 0;
  let lastStep = 0;
  let restoredRounds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const steps = await runAndKill(dir, next, Math.floor(Math.random() * 250));
    steps.forEach((s) => attempted.add(s));
    if (steps.length) next = Math.max(...steps) + 1;

    const fixed = path.join(dir, "fixed", "model.ckpt");
    if (fs.existsSync(`${fixed}.index`)) {
      const value = restore(fixed);
      expect(attempted.has(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(lastFixed);
      lastFixed = value;
      restoredRounds++;
    }
    const latest = latestCheckpoint(path.join(dir, "steps"));
    if (latest !== null) {
      const value = restore(latest);
      expect(latest).toBe(path.join(dir, "steps", `model.ckpt-${value}`));
      expect(attempted.has(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(lastStep);
      lastStep = value;
      // every checkpoint the state file still lists is whole too
      for (const p of getCheckpointState(path.join(dir, "steps"))!.allModelCheckpointPaths) restore(p);
    }
  }
  // Most rounds got past their first save; the fixed prefix was overwritten many times.
  expect(restoredRounds).toBeGreaterThan(ROUNDS / 2);
  expect(lastFixed).toBeGreaterThan(ROUNDS);
  const fallbacks = stderr.lines().filter((l) => l.startsWith("WARNING:tensorflow:Checkpoint")).length;
  expect(fallbacks).toBeLessThanOrEqual(restoredRounds);
}, 60000);
