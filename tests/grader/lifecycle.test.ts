/**
 * Stopping a running batch (a CI time-out, Ctrl-C): `grade:batch` is started as its own process
 * with a private TMPDIR, on a submission whose check runs for minutes and which has started a
 * process of its own; it gets SIGTERM while that suite is running. Afterwards no process of the
 * run is left (the trusted test process, the sandbox, what the learner's code started) and the
 * work folder (tensorlings-grade-* in that TMPDIR) is gone.
 */
import { spawn } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { probeSandbox } from "../../grader/engine/sandbox/launch";
import { processesWith, SUITES } from "./support/corpus";

const probe = probeSandbox();
const itSandboxed = probe.problem ? it.skip : it;
if (probe.problem)
  console.warn(`lifecycle.test.ts: skipped, the sandbox cannot start here: ${probe.problem}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pids of processes whose command line mentions `dir`, or whose working folder is inside it. */
function processesIn(dir: string): number[] {
  const found = new Set(processesWith(dir));
  for (const p of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      if (fs.readlinkSync(`/proc/${p}/cwd`).startsWith(dir)) found.add(Number(p));
    } catch {
      // gone, or not ours to look at
    }
  }
  found.delete(process.pid);
  return [...found];
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await sleep(200);
  }
  return cond();
}

let dir: string;

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "grader-lifecycle-test-")));
});

afterEach(() => {
  // Whatever the test found, leave nothing running.
  for (const pid of processesIn(dir)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

itSandboxed(
  "SIGTERM during a suite kills the test process, the sandbox and what the learner started, and removes the work folder",
  async () => {
    const marker = `tensorlings-lifecycle-${randomBytes(4).toString("hex")}`;
    const tmp = path.join(dir, "tmp");
    const subs = path.join(dir, "submissions");
    fs.mkdirSync(tmp);
    // The sandbox runs as its own uid when the tests run as root: it must be able to pass through
    // to its scratch folder (mkdtemp makes 0700 folders).
    for (const d of [dir, tmp]) fs.chmodSync(d, 0o711);
    fs.mkdirSync(path.join(subs, "slow"), { recursive: true });
    // Starts a detached process of its own, then keeps the check busy for minutes.
    fs.writeFileSync(
      path.join(subs, "slow", "ex01.ts"),
      `import { spawn } from "child_process";
spawn(process.execPath, ["-e", "setTimeout(() => {}, 300000)", "${marker}"], { detached: true, stdio: "ignore" }).unref();
export function add(a: number, b: number): number {
  const end = Date.now() + 300_000;
  while (Date.now() < end);
  return a + b;
}
`,
    );
    const batch = spawn(
      process.execPath,
      [
        require.resolve("ts-node/dist/bin.js"),
        "--transpile-only",
        path.join(DEFAULT_KIT_ROOT, "grader", "batch", "cli.ts"),
        "--submissions",
        subs,
        "--out",
        path.join(dir, "out"),
        "--tests",
        SUITES,
        "--jobs",
        "1",
        "--test-timeout",
        "240000",
      ],
      { cwd: DEFAULT_KIT_ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    batch.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    batch.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      batch.on("exit", (code, signal) => resolve({ code, signal })),
    );

    // The learner's code is running (its own process is up): the suite is in progress.
    const running = await waitFor(() => processesWith(marker).length > 0, 150_000);
    expect({ running, output: running ? "" : output }).toEqual({ running: true, output: "" });
    const workFolders = () => fs.readdirSync(tmp).filter((f) => f.startsWith("tensorlings-grade-"));
    expect(workFolders()).not.toEqual([]);
    // The run's processes besides the batch itself: the trusted test process and the sandbox.
    expect(processesIn(tmp).length).toBeGreaterThan(0);

    batch.kill("SIGTERM");
    const end = await exited;
    expect(end.code === 143 || end.signal === "SIGTERM").toBe(true);

    await waitFor(() => processesIn(tmp).length === 0 && processesWith(marker).length === 0, 10_000);
    expect(processesIn(tmp)).toEqual([]);
    expect(processesWith(marker)).toEqual([]);
    expect(workFolders()).toEqual([]);
  },
  240_000,
);
