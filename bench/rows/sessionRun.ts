/**
 * Row 1: the per-run cost of `sess.run` on the book's first graph, `f = x*x*y + y + 2` with
 * x = 3, y = 4 as variables, against the same five operations in eager tfjs (reading the result
 * back, as `sess.run` hands back a value).
 */
import * as tf from "tensorlings";
import { calibrate, interleave } from "../harness";
import type { RowResult } from "../report";
import { loadTfjs, useBackend } from "../eagerTfjs";
import type { BenchSettings } from "../settings";

export async function sessionRunRow(settings: BenchSettings): Promise<RowResult> {
  const graph = tf.Graph();
  const { sess, f } = graph.asDefault(() => {
    const x = tf.Variable(3, { name: "x" });
    const y = tf.Variable(4, { name: "y" });
    const f = x.mul(x).mul(y).add(y).add(2);
    const sess = tf.Session({ graph });
    sess.run(tf.globalVariablesInitializer());
    return { sess, f };
  });
  const result = (sess.run(f) as tf.NDArray).item();
  if (result !== 42) throw new Error(`x*x*y + y + 2 gave ${result}, expected 42`);

  const etf = await loadTfjs();
  const ex = etf.scalar(3);
  const ey = etf.scalar(4);
  const eager = () => etf.tidy(() => etf.add(etf.add(etf.mul(etf.mul(ex, ex), ey), ey), 2).dataSync()[0]);

  const sampleMs = settings.quick ? 40 : 200;
  const engineRuns = calibrate(() => sess.run(f), sampleMs);
  await useBackend(etf, "cpu");
  const cpuRuns = calibrate(eager, sampleMs);
  await useBackend(etf, "wasm");
  const wasmRuns = calibrate(eager, sampleMs);
  const loop = (n: number, fn: () => unknown) => () => {
    for (let i = 0; i < n; i++) fn();
    return n;
  };
  const measured = await interleave(
    [
      { name: "engine sess.run", run: loop(engineRuns, () => sess.run(f)) },
      { name: "eager tfjs-cpu", prepare: () => useBackend(etf, "cpu"), run: loop(cpuRuns, eager) },
      { name: "eager tfjs-wasm", prepare: () => useBackend(etf, "wasm"), run: loop(wasmRuns, eager) },
    ],
    { rounds: settings.quick ? 3 : 7 },
  );
  sess.close();
  // ms per unit -> µs per run
  for (const m of Object.values(measured)) {
    m.samples = m.samples.map((s) => Number((s * 1000).toPrecision(4)));
    m.median = Number((m.median * 1000).toPrecision(4));
  }
  const engine = measured["engine sess.run"].median;
  const cpu = measured["eager tfjs-cpu"].median;
  const wasm = measured["eager tfjs-wasm"].median;
  const fastestEager = Math.min(cpu, wasm);
  return {
    id: 1,
    title: "sess.run on x*x*y + y + 2 (µs per run)",
    status: "ok",
    unit: "µs/run",
    measurements: measured,
    ratios: [
      { name: "eager tfjs-cpu / engine", value: round(cpu / engine) },
      { name: "eager tfjs-wasm / engine", value: round(wasm / engine) },
    ],
    targets: [
      { description: "engine ≤ 5 µs per run", met: engine <= 5 },
      { description: "≥ 10× faster than eager tfjs (faster backend)", met: fastestEager / engine >= 10 },
    ],
    notes: ["eager tfjs: tidy(add(add(mul(mul(x, x), y), y), 2).dataSync()) on scalars, prod mode"],
  };
}

const round = (x: number) => Number(x.toPrecision(3));
