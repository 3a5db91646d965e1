/**
 * A save interrupted at the worst moments, in-process: `fs.renameSync` and `fs.rmSync` are made to
 * fail at chosen points, leaving exactly the files a process killed there would leave.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { Saver } from "../../src/train/saver";
import { captureStderr, tempDir, valuesOf } from "./helpers";

const mockFailures = { indexRename: false, backupRemoval: false };
jest.mock("fs", () => {
  const real = jest.requireActual("fs");
  const killed = () => Object.assign(new Error("simulated kill"), { code: "EINTR" });
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      if (mockFailures.indexRename && to.endsWith(".ckpt.index")) throw killed();
      return real.renameSync(from, to);
    },
    rmSync: (file: string, options: unknown) => {
      if (mockFailures.backupRemoval && String(file).endsWith(".prev.index")) throw killed();
      return real.rmSync(file, options);
    },
  };
});

const stderr = captureStderr();

function setup() {
  tf.resetDefaultGraph();
  const theta = tf.Variable(tf.zeros([20]), { name: "theta" });
  const value = tf.placeholder(tf.float32, { shape: [20], name: "value" });
  const load = tf.assign(theta, value);
  const saver = Saver();
  const sess = tf.Session();
  sess.run(tf.globalVariablesInitializer());
  const prefix = path.join(tempDir(), "model.ckpt");
  const save = (x: number) => {
    sess.run(load, [[value, new Array(20).fill(x)]] as never);
    return saver.save(sess, prefix);
  };
  const restored = () => {
    sess.run(load, [[value, new Array(20).fill(-1)]] as never);
    saver.restore(sess, prefix);
    return valuesOf(sess.run(theta))[0];
  };
  return { save, restored, prefix };
}

afterEach(() => {
  mockFailures.indexRename = false;
  mockFailures.backupRemoval = false;
});

test("stopped between the data and index renames, twice: the last complete checkpoint restores", () => {
  const { save, restored, prefix } = setup();
  save(1);
  mockFailures.indexRename = true;
  expect(() => save(2)).toThrow("simulated kill");
  expect(fs.existsSync(`${prefix}.prev.index`)).toBe(true);
  stderr.clear();
  expect(restored()).toBe(1);
  expect(stderr.lines()[1]).toMatch(/^WARNING:tensorflow:Checkpoint .* is incomplete/);
  // Stopped again: the backup of 1 must survive (backing up the mixed pair would lose it).
  expect(() => save(3)).toThrow("simulated kill");
  expect(restored()).toBe(1);
  mockFailures.indexRename = false;
  save(4);
  expect(fs.existsSync(`${prefix}.prev.index`)).toBe(false);
  expect(restored()).toBe(4);
  // no temporary file is left behind by the interrupted saves
  expect(fs.readdirSync(path.dirname(prefix)).filter((f) => f.includes("tempstate"))).toEqual([]);
});

test("stopped before the backup is removed: the new pair restores, the next save tidies up", () => {
  const { save, restored, prefix } = setup();
  save(1);
  mockFailures.backupRemoval = true;
  expect(() => save(2)).toThrow("simulated kill");
  expect(fs.existsSync(`${prefix}.prev.index`)).toBe(true);
  stderr.clear();
  expect(restored()).toBe(2);
  expect(stderr.lines()).toHaveLength(1); // the INFO line only: no fallback
  mockFailures.backupRemoval = false;
  save(3);
  expect(fs.existsSync(`${prefix}.prev.index`)).toBe(false);
  expect(restored()).toBe(3);
});
