/**
 * Kills a child process at random moments while it saves checkpoints and appends events: the
 * latest checkpoint always restores whole, and files are never silently mixed or unreadable.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DataLossError } from "../../src/base/errors";
import type { NDArray } from "../../src/base/ndarray/ndarray";
import { indexFileName, latestCheckpoint, readCheckpoint, readLogdir } from "../../src/io";
import { tempDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");

/** Start the child, wait until it is running, let it work for `ms`, then SIGKILL it. */
function runAndKill(dir: string, firstStep: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register", path.join(__dirname, "crashChild.ts"), dir, String(firstStep)],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), ms));
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`child exited on its own: ${stderr}`)),
    );
  });
}

/** Every value of a checkpoint comes from one save. */
function checkConsistent(values: Map<string, NDArray>): number {
  const b = values.get("b")!.data as Float32Array;
  const step = b[0];
  expect(b[1]).toBe(-step);
  const a = values.get("a")!.data as Float32Array;
  for (let i = 0; i < a.length; i += 9973) expect(a[i]).toBe(step);
  return step;
}

test("killed at random moments, the last complete checkpoint always restores", async () => {
  const dir = tempDir();
  let lastStep = 0;
  let restored = 0;
  for (let round = 0; round < 5; round++) {
    await runAndKill(dir, lastStep + 1, 20 + Math.floor(Math.random() * 150));
    const latest = latestCheckpoint(dir);
    if (latest === null) continue; // killed before its first save completed
    const step = checkConsistent(readCheckpoint(latest));
    expect(latest).toBe(path.join(dir, `model.ckpt-${step}`));
    expect(step).toBeGreaterThanOrEqual(lastStep);
    lastStep = step;
    restored++;
    // The rewritten prefix is whole, or (killed between its two renames) refused by the CRC check.
    const fixed = path.join(dir, "fixed.ckpt");
    try {
      if (fs.existsSync(indexFileName(fixed))) checkConsistent(readCheckpoint(fixed));
    } catch (e) {
      expect(e).toBeInstanceOf(DataLossError);
    }
    const runs = readLogdir(path.join(dir, "logs"));
    expect(runs.length).toBeGreaterThan(0);
  }
  expect(restored).toBeGreaterThan(0);
}, 60000);
