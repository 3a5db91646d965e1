/**
 * The learner's sandbox as launched for real (launchSpec + bubblewrap): a script runs where the
 * grader's host would, and reports what it can see and do. It sees only its own processes, can
 * write only its scratch folder, cannot reach the network, runs under resource limits, and
 * everything it starts dies with it. Skipped, with the reason, where bubblewrap cannot start.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import {
  DEFAULT_SANDBOX_LIMITS,
  giveScratch,
  KIT_MOUNT,
  launchSpec,
  probeSandbox,
  type LaunchSpec,
} from "../../grader/engine/sandbox/launch";
import { makeWorkRoot, removeRun } from "../../grader/engine/workspace";
import { processesWith } from "./support/corpus";

const probe = probeSandbox();
const describeSandboxed = probe.problem ? describe.skip : describe;
if (probe.problem) console.warn(`sandbox.test.ts: skipped, the sandbox cannot start here: ${probe.problem}`);

let root: string;
let scratch: string;

/** The launch of the learner's host for `scratch`, running `script` (a file in the scratch) instead. */
function specFor(script: string): LaunchSpec {
  const spec = launchSpec({
    kitRoot: DEFAULT_KIT_ROOT,
    scratch,
    sandbox: true,
    seed: 1,
    limits: { ...DEFAULT_SANDBOX_LIMITS, memoryMb: 512 },
  });
  const file = path.join(scratch, "probe.js");
  fs.writeFileSync(file, script);
  // The scratch belongs to the sandbox's own uid when the grader runs as root.
  giveScratch(scratch, true, DEFAULT_KIT_ROOT);
  if (spec.uid !== undefined) fs.chownSync(file, spec.uid, spec.gid ?? spec.uid);
  expect(spec.argv[spec.argv.length - 1]).toMatch(/host\.ts$/);
  return { ...spec, argv: [...spec.argv.slice(0, -1), file] };
}

function runInside(
  script: string,
  timeout = 60_000,
): SpawnSyncReturns<string> & { report: Record<string, unknown> } {
  const spec = specFor(script);
  const r = spawnSync(spec.argv[0], spec.argv.slice(1), {
    cwd: spec.cwd,
    env: spec.env,
    encoding: "utf8",
    timeout,
    ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("REPORT "));
  if (!line) throw new Error(`the sandboxed script gave no report (status ${r.status}): ${r.stderr}`);
  return { ...r, report: JSON.parse(line.slice("REPORT ".length)) };
}

beforeEach(() => {
  root = makeWorkRoot();
  scratch = path.join(root, "ex1");
  for (const sub of ["submission", "tmp", "home"]) fs.mkdirSync(path.join(scratch, sub), { recursive: true });
});

afterEach(() => removeRun(root));

describeSandboxed("the learner's sandbox", () => {
  it("shows only its own processes in /proc, none of the host's", () => {
    const { report } = runInside(`
      const fs = require("fs");
      const pids = fs.readdirSync("/proc").filter((p) => /^\\d+$/.test(p));
      const cmdlines = pids.map((p) => { try { return fs.readFileSync("/proc/" + p + "/cmdline", "utf8"); } catch { return ""; } });
      console.log("REPORT " + JSON.stringify({ pids, cmdlines, self: process.pid, uid: process.getuid() }));
    `);
    const pids = report.pids as string[];
    // bubblewrap's init and this script (plus possibly a reaper): nothing of the host.
    expect(pids.length).toBeLessThanOrEqual(4);
    expect(report.self as number).toBeLessThanOrEqual(4);
    const all = (report.cmdlines as string[]).join("\n");
    expect(all).not.toMatch(/jest/);
    expect(all).not.toContain(String(process.pid) + "\0");
    // The grader's own pid means nothing inside; the test runner is invisible.
    expect(pids).not.toContain(String(process.pid));
  });

  it("can write only its scratch folder: the kit, the host's files and / are read-only or absent", () => {
    const marker = `tensorlings-sandbox-test-${randomBytes(4).toString("hex")}`;
    const { report } = runInside(`
      const fs = require("fs");
      const tries = {
        kitMount: ${JSON.stringify(`${KIT_MOUNT}/src/${marker}.ts`)},
        kitIndex: ${JSON.stringify(`${KIT_MOUNT}/src/index.ts`)},
        realKit: ${JSON.stringify(path.join(DEFAULT_KIT_ROOT, `${marker}.txt`))},
        root: "/${marker}",
        usr: "/usr/${marker}",
        tmp: "/tmp/${marker}",
        hostTmp: ${JSON.stringify(path.join(os.tmpdir(), `${marker}-host`))},
        scratch: ${JSON.stringify(path.join(scratch, `${marker}.txt`))},
      };
      const result = {};
      for (const [k, p] of Object.entries(tries)) {
        try { fs.appendFileSync(p, "x"); result[k] = "written"; } catch (e) { result[k] = e.code || "error"; }
      }
      result.realKitVisible = fs.existsSync(${JSON.stringify(path.join(DEFAULT_KIT_ROOT, "package.json"))});
      console.log("REPORT " + JSON.stringify(result));
    `);
    expect(report.scratch).toBe("written");
    for (const k of ["kitMount", "kitIndex", "realKit", "usr"])
      expect([k, report[k]]).not.toEqual([k, "written"]);
    // / and /tmp inside are the sandbox's own (memory): what it writes there never reaches the host.
    expect(fs.existsSync(path.join("/", marker))).toBe(false);
    expect(fs.existsSync(path.join("/tmp", marker))).toBe(false);
    expect(fs.existsSync(path.join(os.tmpdir(), `${marker}-host`))).toBe(false);
    expect(fs.existsSync(path.join(DEFAULT_KIT_ROOT, `${marker}.txt`))).toBe(false);
    expect(fs.existsSync(path.join(DEFAULT_KIT_ROOT, "src", `${marker}.ts`))).toBe(false);
    expect(fs.readFileSync(path.join(scratch, `${marker}.txt`), "utf8")).toBe("x");
    // The real kit's path is not even there (unless it lies under a system folder mounted read-only).
    if (!/^\/(usr|lib|bin|sbin)\//.test(DEFAULT_KIT_ROOT)) expect(report.realKitVisible).toBe(false);
  });

  it("cannot reach the network, not even the host's loopback", async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
    );
    try {
      const script = `
        const net = require("net");
        const s = net.connect(${port}, "127.0.0.1");
        const done = (what) => { console.log("REPORT " + JSON.stringify({ what })); process.exit(0); };
        s.on("connect", () => done("connected"));
        s.on("error", (e) => done(e.code || "error"));
        setTimeout(() => done("timeout"), 5000);
      `;
      const spec = specFor(script);
      // Asynchronous: the server must keep accepting while the sandbox runs.
      const out = await new Promise<string>((resolve) => {
        const child = spawn(spec.argv[0], spec.argv.slice(1), {
          cwd: spec.cwd,
          env: spec.env,
          ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
        });
        let text = "";
        child.stdout!.on("data", (c: Buffer) => (text += c.toString()));
        child.on("close", () => resolve(text));
      });
      const line = out.split("\n").find((l) => l.startsWith("REPORT "));
      expect(line).toBeDefined();
      expect(JSON.parse(line!.slice(7)).what).not.toBe("connected");
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it("runs under limits on CPU time, memory, file size and (as its own uid) processes", () => {
    const { report } = runInside(`
      const limits = require("fs").readFileSync("/proc/self/limits", "utf8");
      console.log("REPORT " + JSON.stringify({ limits, uid: process.getuid() }));
    `);
    const limit = (name: string) => {
      const line = (report.limits as string).split("\n").find((l) => l.startsWith(name));
      return line ? line.slice(26).trim().split(/\s+/)[0] : null;
    };
    expect(limit("Max cpu time")).toBe(String(DEFAULT_SANDBOX_LIMITS.cpuSeconds));
    expect(limit("Max file size")).toBe(String(DEFAULT_SANDBOX_LIMITS.fileBytes));
    expect(limit("Max data size")).not.toBe("unlimited");
    expect(limit("Max core file size")).toBe("0");
    if (report.uid !== 0) {
      expect(limit("Max processes")).toBe(String(DEFAULT_SANDBOX_LIMITS.processes));
      expect(report.uid).not.toBe(0);
    }
  });

  it("takes everything it started down with it, even detached processes in their own session", async () => {
    const marker = `tensorlings-sandbox-orphan-${randomBytes(4).toString("hex")}`;
    const spec = specFor(`
      const { spawn } = require("child_process");
      for (const detached of [true, false]) {
        spawn("/bin/sh", ["-c", 'setsid "$0" -e "setTimeout(() => {}, 300000)" ${marker} &', process.execPath], { detached, stdio: "ignore" }).unref();
      }
      setTimeout(() => console.log("REPORT {}"), 500);
      setInterval(() => {}, 1000);
    `);
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
    });
    try {
      const deadline = Date.now() + 30_000;
      while (processesWith(marker).length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(processesWith(marker).length).toBeGreaterThanOrEqual(2);
      // What the bridge does to a learner's process: SIGKILL its process group.
      process.kill(-child.pid!, "SIGKILL");
      const gone = Date.now() + 10_000;
      while (processesWith(marker).length > 0 && Date.now() < gone)
        await new Promise((r) => setTimeout(r, 200));
      expect(processesWith(marker)).toEqual([]);
    } finally {
      for (const pid of processesWith(marker)) process.kill(pid, "SIGKILL");
    }
  }, 60_000);
});
