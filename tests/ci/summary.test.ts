/**
 * .ci/summary.js: one closing line per test run and the combined line last, which the workplace CI
 * reads; a failed, missing or empty run makes it exit non-zero.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", ".ci", "summary.js");
let dir: string;

beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-summary-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a Jest --json report with the given counts; `broken` suites failed to load. */
function report(name: string, c: { passed: number; failed: number; pending?: number; broken?: number }) {
  const file = path.join(dir, name);
  const broken = Array.from({ length: c.broken ?? 0 }, () => ({ status: "failed", assertionResults: [] }));
  const ok = { status: "passed", assertionResults: [{ status: "passed" }] };
  fs.writeFileSync(
    file,
    JSON.stringify({
      numPassedTests: c.passed,
      numFailedTests: c.failed,
      numPendingTests: c.pending ?? 0,
      numTodoTests: 0,
      testResults: [ok, ...broken],
    }),
  );
  return file;
}

function summary(...args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { lines: r.stdout.trim().split("\n"), status: r.status, stderr: r.stderr };
}

describe(".ci/summary.js", () => {
  it("prints the single run's line alone, as before", () => {
    const r = summary(report("one.json", { passed: 12, failed: 0, pending: 2 }));
    expect(r).toMatchObject({ lines: ["12 passed, 0 failed, 2 skipped"], status: 0 });
  });

  it("prints each labelled run, then the combined line last", () => {
    const a = report("a.json", { passed: 10, failed: 0 });
    const b = report("b.json", { passed: 9, failed: 1 });
    const r = summary(`Node v20.20.2=${a}`, `Node v26.12.1=${b}`);
    expect(r.lines).toEqual([
      "Node v20.20.2: 10 passed, 0 failed",
      "Node v26.12.1: 9 passed, 1 failed",
      "19 passed, 1 failed",
    ]);
    expect(r.status).toBe(1);
    expect(summary(`x=${a}`, `y=${a}`)).toMatchObject({
      lines: ["x: 10 passed, 0 failed", "y: 10 passed, 0 failed", "20 passed, 0 failed"],
      status: 0,
    });
  });

  it("counts a suite that failed to load, and a missing report, as failures", () => {
    const a = report("ok.json", { passed: 5, failed: 0 });
    const broken = report("broken.json", { passed: 5, failed: 0, broken: 2 });
    expect(summary(broken)).toMatchObject({ lines: ["5 passed, 2 failed"], status: 1 });
    const r = summary(`first=${a}`, `second=${path.join(dir, "absent.json")}`);
    expect(r.lines.at(-1)).toBe("5 passed, 1 failed");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no Jest report at .*absent\.json/);
  });

  it("fails a run that passed nothing, and explains how to call it", () => {
    expect(summary(report("empty.json", { passed: 0, failed: 0 }))).toMatchObject({
      lines: ["0 passed, 0 failed"],
      status: 1,
    });
    const r = summary();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: summary\.js/);
    const flag = summary("--json", report("flag.json", { passed: 1, failed: 0 }));
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--json'[^]*usage: summary\.js/);
  });
});
