/**
 * Damaged checkpoints are refused with a DataLossError and never loaded, and the states a killed
 * save can leave behind (src/io/checkpointFiles.ts) restore the last complete
 * checkpoint, built here file by file.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { Saver } from "../../src/train/saver";
import { captureStderr, tempDir, valuesOf } from "./helpers";

const stderr = captureStderr();
const DATA = ".data-00000-of-00001";

/** A graph with one variable `theta` of 50 floats and a Saver over it. */
function setup() {
  tf.resetDefaultGraph();
  const theta = tf.Variable(tf.zeros([50]), { name: "theta" });
  const value = tf.placeholder(tf.float32, { shape: [50], name: "value" });
  const load = tf.assign(theta, value);
  const saver = Saver();
  const sess = tf.Session();
  sess.run(tf.globalVariablesInitializer());
  const fillWith = (x: number) => sess.run(load, [[value, new Array(50).fill(x)]] as never);
  const current = () => valuesOf(sess.run(theta));
  return { saver, sess, fillWith, current };
}

/** Save `x` everywhere under `prefix`. */
function saveValue(env: ReturnType<typeof setup>, prefix: string, x: number): void {
  env.fillWith(x);
  env.saver.save(env.sess, prefix);
}

const restoreError = (env: ReturnType<typeof setup>, prefix: string): Error => {
  try {
    env.saver.restore(env.sess, prefix);
  } catch (e) {
    return e as Error;
  }
  throw new Error("restore did not fail");
};

describe("a damaged checkpoint is refused, never loaded", () => {
  const damages: [string, (prefix: string) => void, RegExp][] = [
    [
      "a flipped byte in the data file",
      (p) => {
        const buf = fs.readFileSync(p + DATA);
        buf[17] ^= 0x40;
        fs.writeFileSync(p + DATA, buf);
      },
      /^Checksum does not match: stored \d+ vs\. calculated on the restored bytes \d+/,
    ],
    ["a truncated data file", (p) => fs.truncateSync(p + DATA, 120), /the file is truncated/],
    [
      "a flipped byte in the index",
      (p) => {
        const buf = fs.readFileSync(`${p}.index`);
        buf[5] ^= 0x01;
        fs.writeFileSync(`${p}.index`, buf);
      },
      /./,
    ],
    ["a truncated index", (p) => fs.truncateSync(`${p}.index`, 30), /./],
  ];

  test.each(damages)("%s: DataLossError", (_what, damage, message) => {
    const env = setup();
    const prefix = path.join(tempDir(), "model.ckpt");
    saveValue(env, prefix, 7);
    damage(prefix);
    env.fillWith(1);
    const err = restoreError(env, prefix);
    expect(err).toBeInstanceOf(tf.DataLossError);
    expect(err.message).toMatch(message);
    expect(env.current()).toEqual(new Array(50).fill(1)); // untouched
  });
});

describe("states a killed save leaves behind", () => {
  /**
   * Killed between the two renames of a save of `b` over `a`: the backup pair `P.prev` holds `a`,
   * the data file already holds `b`, the index still describes `a`.
   */
  function killedBetweenRenames(env: ReturnType<typeof setup>, dir: string, a: number, b: number): string {
    const prefix = path.join(dir, "model.ckpt");
    saveValue(env, prefix, a);
    saveValue(env, path.join(dir, "other"), b);
    fs.linkSync(prefix + DATA, `${prefix}.prev${DATA}`);
    fs.linkSync(`${prefix}.index`, `${prefix}.prev.index`);
    fs.copyFileSync(path.join(dir, "other") + DATA, `${prefix}${DATA}.tempstate1`);
    fs.renameSync(`${prefix}${DATA}.tempstate1`, prefix + DATA);
    return prefix;
  }

  test("new data beside the old index: the restore falls back to the backup and says so", () => {
    const env = setup();
    const dir = tempDir();
    const prefix = killedBetweenRenames(env, dir, 3, 4);
    env.fillWith(0);
    stderr.clear();
    env.saver.restore(env.sess, prefix);
    expect(env.current()).toEqual(new Array(50).fill(3));
    const lines = stderr.lines();
    expect(lines[0]).toBe(`INFO:tensorflow:Restoring parameters from ${prefix}`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^WARNING:tensorflow:Checkpoint ${prefix} is incomplete \\(Checksum does not match: .*\\): an earlier save was interrupted\\. Restored the previous complete checkpoint, ${prefix}\\.prev, instead\\.$`,
      ),
    );
    // the next save of the prefix completes it and removes the backup
    saveValue(env, prefix, 5);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".prev"))).toEqual([]);
    env.fillWith(0);
    env.saver.restore(env.sess, prefix);
    expect(env.current()).toEqual(new Array(50).fill(5));
  });

  test("killed after both renames: the new pair is whole and wins over the leftover backup", () => {
    const env = setup();
    const dir = tempDir();
    const prefix = path.join(dir, "model.ckpt");
    saveValue(env, prefix, 1);
    fs.linkSync(prefix + DATA, `${prefix}.prev${DATA}`);
    fs.linkSync(`${prefix}.index`, `${prefix}.prev.index`);
    saveValue(env, path.join(dir, "two"), 2);
    for (const ext of [DATA, ".index"]) fs.copyFileSync(path.join(dir, "two") + ext, prefix + ext);
    env.fillWith(0);
    stderr.clear();
    env.saver.restore(env.sess, prefix);
    expect(env.current()).toEqual(new Array(50).fill(2));
    expect(stderr.lines()).toHaveLength(1); // no fallback warning
    saveValue(env, prefix, 9);
    expect(fs.existsSync(`${prefix}.prev.index`)).toBe(false);
  });

  test("a damaged pair with a damaged backup: the DataLossError stands", () => {
    const env = setup();
    const dir = tempDir();
    const prefix = killedBetweenRenames(env, dir, 3, 4);
    fs.truncateSync(`${prefix}.prev${DATA}`, 10);
    expect(restoreError(env, prefix)).toBeInstanceOf(tf.DataLossError);
  });

  test("temporary files of killed saves are cleaned up by the next save", () => {
    const env = setup();
    const dir = tempDir();
    const prefix = path.join(dir, "model.ckpt");
    const stale = [
      `model.ckpt.index.tempstate123`,
      `model.ckpt${DATA}.tempstate456`,
      `model.ckpt.meta.tempstate789`,
      `checkpoint.tempstate42`,
    ];
    for (const f of stale) fs.writeFileSync(path.join(dir, f), "partial");
    fs.writeFileSync(path.join(dir, "unrelated.index.tempstate5"), "not ours");
    saveValue(env, prefix, 1);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "checkpoint",
      `model.ckpt${DATA}`,
      "model.ckpt.index",
      "model.ckpt.meta",
      "unrelated.index.tempstate5",
    ]);
  });

  test("a data file deleted by hand does not stop the next save", () => {
    const env = setup();
    const prefix = path.join(tempDir(), "model.ckpt");
    saveValue(env, prefix, 1);
    fs.rmSync(prefix + DATA);
    expect(restoreError(env, prefix)).toBeInstanceOf(tf.NotFoundError);
    saveValue(env, prefix, 2);
    env.fillWith(0);
    env.saver.restore(env.sess, prefix);
    expect(env.current()).toEqual(new Array(50).fill(2));
  });

  test("rotation deletes a checkpoint's backup along with it", () => {
    const env = setup();
    const dir = tempDir();
    const saver = Saver(null, { maxToKeep: 1 });
    const base = path.join(dir, "m");
    saver.save(env.sess, base, { globalStep: 0 });
    fs.linkSync(`${base}-0${DATA}`, `${base}-0.prev${DATA}`);
    fs.linkSync(`${base}-0.index`, `${base}-0.prev.index`);
    saver.save(env.sess, base, { globalStep: 1 });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("m-0"))).toEqual([]);
  });
});
