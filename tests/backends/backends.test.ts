import * as tf from "tensorlings";
import { cpuBackend, getActiveBackend, setActiveBackend } from "../../src/runtime/backends/backend";
import { getBackend, setBackend } from "../../src/runtime/backends/select";
import type { TfjsBackend } from "../../src/runtime/backends/tfjsBackend";
import { OP_CASES, buildCase, expectMatches, toNDArray } from "./opCases";

afterEach(() => setActiveBackend(cpuBackend));

test("the fixture has a case for every op the tfjs adapter covers", async () => {
  await setBackend("tfjs-cpu");
  const covered = (getActiveBackend() as TfjsBackend).coveredOpTypes();
  const exercised = new Set<string>();
  for (const c of OP_CASES) exercised.add(buildCase(c).output.op.type);
  expect(covered.filter((t) => !exercised.has(t))).toEqual([]);
});

describe.each(["cpu", "tfjs-cpu", "tfjs-wasm"])("on the %s backend", (backendName) => {
  beforeEach(async () => {
    await setBackend(backendName);
    expect(getBackend()).toBe(backendName);
  });

  test.each(OP_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { inputs, output } = buildCase(c);
    const backend = getActiveBackend();
    const tfjs = backendName === "cpu" ? null : (backend as TfjsBackend);
    // The op under test must really run on tfjs, not quietly on the engine's kernel.
    if (tfjs)
      expect({ op: output.op.type, kernel: tfjs.kernelFor(output.op) !== null }).toEqual({
        op: output.op.type,
        kernel: true,
      });
    const before = tfjs && { ...tfjs.stats };
    const sess = tf.Session();
    const feed = new Map(inputs.map((p, i) => [p, toNDArray(c.inputs[i])] as [tf.Tensor, tf.NDArray]));
    const result = sess.run(output, feed) as tf.NDArray;
    sess.close();
    expectMatches(result, c.expected, c.name);
    if (tfjs && before) {
      expect(tfjs.stats.fallbacks).toBe(before.fallbacks);
      expect(tfjs.stats.tfjsCalls).toBeGreaterThan(before.tfjsCalls);
    }
  });
});
