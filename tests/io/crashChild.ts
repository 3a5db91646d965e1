/**
 * Child process of crashSafety.test.ts: saves checkpoints and appends events as fast as it can
 * until it is killed. Usage: crashChild.ts <dir> <firstStep>
 */
import * as fs from "fs";
import * as path from "path";
import { float32 } from "../../src/base/dtypes";
import { NDArray } from "../../src/base/ndarray/ndarray";
import {
  EventFileWriter,
  encodeEvent,
  indexFileName,
  dataFileName,
  updateCheckpointState,
  writeCheckpoint,
} from "../../src/io";

const [dir, first] = process.argv.slice(2);
const kept: string[] = [];
const events = new EventFileWriter(path.join(dir, "logs"));
// Big enough that a save takes a few milliseconds, so kills land inside saves.
const SIZE = 200_000;
process.stdout.write("ready\n");
for (let step = Number(first); ; step++) {
  const tensors = [
    { key: "a", value: new NDArray(float32, [SIZE], new Float32Array(SIZE).fill(step)) },
    { key: "b", value: new NDArray(float32, [2], Float32Array.from([step, -step])) },
  ];
  const prefix = path.join(dir, `model.ckpt-${step}`);
  writeCheckpoint(prefix, tensors);
  kept.push(prefix);
  if (kept.length > 3) {
    const old = kept.shift()!;
    for (const f of [indexFileName(old), dataFileName(old)]) fs.rmSync(f, { force: true });
  }
  updateCheckpointState(dir, prefix, { allModelCheckpointPaths: kept });
  // The same prefix rewritten every time, as the book's `saver.save(sess, "/tmp/my_model.ckpt")`.
  writeCheckpoint(path.join(dir, "fixed.ckpt"), tensors);
  events.addEvent(
    encodeEvent({ wallTime: step, step, summary: { value: [{ tag: "step", simpleValue: step }] } }),
  );
}
