// The bench's output format only (timings are never asserted): row 1 in quick mode, written to a temp file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../bench/run";
import { interleave, median } from "../../bench/harness";

test("median and interleaving: every contender sampled once per round, per-unit times", async () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  const order: string[] = [];
  const result = await interleave(
    [
      { name: "a", run: () => (order.push("a"), 10) },
      { name: "b", run: () => (order.push("b"), { ms: 7 }) },
    ],
    { rounds: 3, warmup: 1 },
  );
  expect(order).toEqual(["a", "b", "b", "a", "a", "b", "b", "a"]);
  expect(result.b).toEqual({ samples: [7, 7, 7], median: 7 });
  expect(result.a.samples).toHaveLength(3);
});

test("npm run bench -- --quick --rows 1 writes results in the documented shape", async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-")), "results.json");
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(["--quick", "--rows", "1", "--out", out])).toBe(0);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  expect(report).toMatchObject({ schemaVersion: 1, quick: true, machine: { cpus: expect.any(Number) } });
  expect(report.rows).toHaveLength(1);
  const [row] = report.rows;
  expect(row).toMatchObject({ id: 1, status: "ok", unit: "µs/run" });
  expect(Object.keys(row.measurements)).toEqual(["engine sess.run", "eager tfjs-cpu", "eager tfjs-wasm"]);
  for (const m of Object.values(row.measurements) as { samples: number[]; median: number }[]) {
    expect(m.samples.length).toBeGreaterThan(0);
    expect(m.median).toBeGreaterThan(0);
  }
  expect(row.ratios.map((r: { name: string }) => r.name)).toEqual([
    "eager tfjs-cpu / engine",
    "eager tfjs-wasm / engine",
  ]);
  expect(row.targets.every((t: { met: unknown }) => typeof t.met === "boolean")).toBe(true);
}, 60000);

test("an unknown row is refused", async () => {
  const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    expect(await main(["--rows", "9"])).toBe(2);
  } finally {
    err.mockRestore();
  }
});
