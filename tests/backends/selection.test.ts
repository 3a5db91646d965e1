import * as tf from "tensorlings";
import { cpuBackend, getActiveBackend, setActiveBackend } from "../../src/runtime/backends/backend";
import {
  backendReady,
  getBackend,
  initBackendFromEnv,
  requestedBackend,
  setBackend,
} from "../../src/runtime/backends/select";
import type { TfjsBackend } from "../../src/runtime/backends/tfjsBackend";
import { isTfjsNodeGpuInstalled } from "../../src/runtime/backends/tfjsLoader";

let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  jest.spyOn(process, "emitWarning").mockImplementation((w: string | Error) => void warnings.push(String(w)));
});
afterEach(() => {
  jest.restoreAllMocks();
  setActiveBackend(cpuBackend);
});

const ENV = "TENSORLINGS_BACKEND";

describe("choosing a backend", () => {
  test("TENSORLINGS_BACKEND names the backend; without it the pick is automatic", () => {
    expect(requestedBackend({ [ENV]: "tfjs-wasm" })).toEqual({ name: "tfjs-wasm", explicit: true });
    expect(requestedBackend({ [ENV]: " cpu " })).toEqual({ name: "cpu", explicit: true });
    // tfjs-node-gpu is never installed by the kit, so here the automatic pick is the engine's cpu.
    expect(isTfjsNodeGpuInstalled()).toBe(false);
    expect(requestedBackend({})).toEqual({ name: "cpu", explicit: false });
  });

  test("a misspelt backend name is an error naming the choices", async () => {
    expect(() => requestedBackend({ [ENV]: "gpu" })).toThrow(
      "TENSORLINGS_BACKEND: unknown backend 'gpu'; expected one of cpu, tfjs-wasm, tfjs-cpu, tfjs-node-gpu",
    );
    await expect(setBackend("wasm")).rejects.toThrow(tf.ValueError);
    await expect(setBackend("wasm")).rejects.toThrow("setBackend: unknown backend 'wasm'");
  });

  test("setBackend switches and getBackend names the active one", async () => {
    expect(getBackend()).toBe("cpu");
    await setBackend("tfjs-wasm");
    expect(getBackend()).toBe("tfjs-wasm");
    await setBackend("tfjs-cpu");
    expect(getBackend()).toBe("tfjs-cpu");
    await setBackend("cpu");
    expect(getActiveBackend()).toBe(cpuBackend);
  });

  test("tfjs-cpu from the environment is active as soon as init returns", () => {
    initBackendFromEnv({ [ENV]: "tfjs-cpu" });
    expect(getBackend()).toBe("tfjs-cpu");
  });

  test("tfjs-wasm from the environment starts on cpu and takes over once compiled", async () => {
    initBackendFromEnv({ [ENV]: "tfjs-wasm" });
    expect(getBackend()).toBe("cpu");
    await expect(backendReady()).resolves.toBe("tfjs-wasm");
    expect(getBackend()).toBe("tfjs-wasm");
  });

  test("a later setBackend wins over a wasm init still in flight", async () => {
    initBackendFromEnv({ [ENV]: "tfjs-wasm" });
    await setBackend("cpu");
    await backendReady();
    await new Promise((r) => setImmediate(r));
    expect(getBackend()).toBe("cpu");
  });

  test("a requested tfjs-node-gpu that is not installed leaves cpu active, with a warning", async () => {
    initBackendFromEnv({ [ENV]: "tfjs-node-gpu" });
    expect(getBackend()).toBe("cpu");
    await expect(backendReady()).rejects.toThrow("@tensorflow/tfjs-node-gpu is not installed");
    expect(warnings).toEqual([expect.stringContaining("backend 'tfjs-node-gpu' could not start")]);
    await expect(setBackend("tfjs-node-gpu")).rejects.toThrow("npm i @tensorflow/tfjs-node-gpu");
  });

  test("no environment variable: the engine's cpu, ready at once", async () => {
    initBackendFromEnv({});
    expect(getBackend()).toBe("cpu");
    await expect(backendReady()).resolves.toBe("cpu");
  });
});

describe("running graphs on tfjs", () => {
  const tfjs = () => getActiveBackend() as TfjsBackend;

  test.each(["tfjs-wasm", "tfjs-cpu"])("%s reports TF's error texts, not tfjs's", async (name) => {
    await setBackend(name);
    tf.resetDefaultGraph();
    const a = tf.placeholder(tf.float32);
    const b = tf.placeholder(tf.float32);
    const sess = tf.Session();
    const feed = new Map([
      [
        a,
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
      [b, [1, 2, 3, 4]],
    ]);
    expect(() => sess.run(tf.add(a, b), feed)).toThrow(tf.InvalidArgumentError);
    expect(() => sess.run(tf.add(a, b), feed)).toThrow("Incompatible shapes: [2,3] vs. [4]");
    expect(() =>
      sess.run(
        tf.matmul(a, a),
        new Map([
          [
            a,
            [
              [1, 2, 3],
              [4, 5, 6],
            ],
          ],
        ]),
      ),
    ).toThrow("Matrix size-incompatible: In[0]: [2,3], In[1]: [2,3]");
  });

  test("float64 ops are left to the engine's kernels and still compute", async () => {
    await setBackend("tfjs-wasm");
    tf.resetDefaultGraph();
    const x = tf.placeholder(tf.float64, { shape: [2] });
    const y = tf.multiply(x, x);
    expect(tfjs().kernelFor(y.op)).toBeNull();
    const calls = tfjs().stats.tfjsCalls;
    const out = tf.Session().run(y, new Map([[x, tf.NDArray.from([1.5, 1e-200], tf.float64)]]));
    expect(Array.from(out.data as Float64Array)).toEqual([2.25, 0]);
    expect(tfjs().stats.tfjsCalls).toBe(calls);
  });

  test("kernels leave no tfjs tensors behind", async () => {
    await setBackend("tfjs-wasm");
    const runtime = tfjs().runtime;
    tf.resetDefaultGraph();
    const x = tf.placeholder(tf.float32, { shape: [null, 2] });
    const y = tf.reduceMean(tf.sigmoid(tf.matmul(x, x, { transposeB: true })), 1, { keepDims: true });
    const sess = tf.Session();
    const before = runtime.tf.memory().numTensors;
    for (let i = 0; i < 3; i++)
      sess.run(
        y,
        new Map([
          [
            x,
            [
              [1, 2],
              [3, 4],
            ],
          ],
        ]),
      );
    const z = tf.placeholder(tf.float32);
    expect(() => sess.run(tf.add(z, [1, 2, 3]), new Map([[z, [[1, 2]]]]))).toThrow("Incompatible shapes");
    expect(runtime.tf.memory().numTensors).toBe(before);
  });

  test("sessions on tfjs-wasm and tfjs-cpu can take turns", async () => {
    tf.resetDefaultGraph();
    const x = tf.placeholder(tf.float32, { shape: [2, 2] });
    const y = tf.matmul(x, tf.exp(x));
    const feed = new Map([
      [
        x,
        [
          [0, 1],
          [2, 3],
        ],
      ],
    ]);
    await setBackend("tfjs-wasm");
    const onWasm = tf.Session();
    const wasmFirst = onWasm.run(y, feed);
    await setBackend("tfjs-cpu");
    const onCpu = tf.Session();
    const cpuResult = onCpu.run(y, feed);
    const wasmAgain = onWasm.run(y, feed);
    setActiveBackend(cpuBackend);
    const engine = tf.Session().run(y, feed);
    for (const r of [wasmFirst, cpuResult, wasmAgain]) {
      Array.from(r.data as Float32Array).forEach((v, i) =>
        expect(v).toBeCloseTo((engine.data as Float32Array)[i], 4),
      );
    }
  });

  test("a vector condition picks rows on tfjs too, and other shapes get TF's error", async () => {
    await setBackend("tfjs-wasm");
    tf.resetDefaultGraph();
    const c = tf.placeholder(tf.bool);
    const x = tf.placeholder(tf.float32);
    const sess = tf.Session();
    const xs = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const ys = [
      [-1, -2],
      [-3, -4],
      [-5, -6],
    ];
    const y = tf.placeholder(tf.float32);
    const picked = sess.run(
      tf.where(c, x, y),
      new Map<tf.Tensor, any>([
        [c, [true, false, true]],
        [x, xs],
        [y, ys],
      ]),
    );
    expect(picked.toArray()).toEqual([
      [1, 2],
      [-3, -4],
      [5, 6],
    ]);
    expect(() =>
      sess.run(
        tf.where(c, x, y),
        new Map<tf.Tensor, any>([
          [c, [true, false]],
          [x, xs],
          [y, ys],
        ]),
      ),
    ).toThrow("'then' and 'else' must have the same size.");
  });
});
