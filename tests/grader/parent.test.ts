import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { onShutdown, shutdown, trackChild, trackedChildren } from "../../grader/engine/lifecycle";

const STOPPED_BATCH = path.join(__dirname, "support", "stopped-batch.ts");

/** Whether any process of group `pgid` is still running (zombies awaiting a reaper count as gone). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  const ps = spawnSync("ps", ["-o", "stat=", "-g", String(pgid)], { encoding: "utf8" });
  return ps.stdout.split("\n").some((s) => s.trim() && !s.trim().startsWith("Z"));
}

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (check()) return true;
  return check();
}

let base: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "parent-test-"));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

describe("stopping the grading process", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "on %s kills every tracked process group, removes the work folder and exits %i",
    async (signal, code) => {
      const proc = spawn(
        process.execPath,
        [path.join(DEFAULT_KIT_ROOT, "node_modules", ".bin", "ts-node"), STOPPED_BATCH, base],
        {
          cwd: DEFAULT_KIT_ROOT,
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      const exited = new Promise<[number | null, string | null]>((r) => proc.on("exit", (c, s) => r([c, s])));
      const ready = await new Promise<{ work: string; group: number }>((resolve, reject) => {
        let out = "";
        proc.stdout!.on("data", (d) => {
          out += d;
          if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]));
        });
        proc.on("exit", () => reject(new Error(`the script exited early: ${out}`)));
      });
      expect(fs.existsSync(path.join(ready.work, "run-1", "submission"))).toBe(true);
      expect(path.dirname(ready.work)).toBe(fs.realpathSync(base));
      expect(groupAlive(ready.group)).toBe(true);

      proc.kill(signal);
      expect(await exited).toEqual([code, null]);
      expect(fs.existsSync(ready.work)).toBe(false);
      expect(await until(() => !groupAlive(ready.group))).toBe(true);
    },
  );

  it("runs cleanups once, kills tracked groups, and forgets cancelled cleanups", async () => {
    const child = spawn("sleep", ["60"], { detached: true, stdio: "ignore" });
    trackChild(child.pid);
    expect(trackedChildren()).toContain(child.pid);
    const ran: string[] = [];
    onShutdown(() => ran.push("kept"));
    const cancel = onShutdown(() => ran.push("cancelled"));
    cancel();
    onShutdown(() => {
      throw new Error("a failing cleanup does not stop the others");
    });
    onShutdown(() => ran.push("after failure"));
    const exit = new Promise<string | null>((r) => child.on("exit", (_c, s) => r(s)));
    shutdown();
    shutdown();
    expect(ran).toEqual(["kept", "after failure"]);
    expect(await exit).toBe("SIGKILL");
    expect(trackedChildren()).toEqual([]);
  });
});
