/**
 * How the learner's process is started: inside a bubblewrap sandbox when one can start here,
 * otherwise (learner mode on a laptop, or `--no-sandbox`) as a plain process.
 *
 * The sandbox: new user, pid, net, ipc, uts and mount namespaces; the system's programs and the
 * kit's engine and toolchain mounted read-only; one scratch folder as the only writable place;
 * its own /proc; no view of the submissions, the suites, the output folder or anything else of
 * the host. prlimit caps CPU time, data memory, file size and (run as an unprivileged uid) the
 * number of processes. It dies with the process that started it, and everything inside with it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** Where the kit appears inside the sandbox. */
export const KIT_MOUNT = "/opt/tensorlings";
/** The uid the sandbox runs as when the grader runs as root (so process limits apply). */
const NOBODY = 65534;

export interface SandboxLimits {
  memoryMb: number;
  cpuSeconds: number;
  fileBytes: number;
  processes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryMb: 1024,
  cpuSeconds: 600,
  fileBytes: 256 * 1024 * 1024,
  processes: 256,
};

/** Everything needed to start the learner's host process: given to the trusted test process. */
export interface LaunchSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  uid?: number;
  gid?: number;
  sandboxed: boolean;
}

export interface SandboxProbe {
  bwrap: string | null;
  prlimit: string | null;
  /** Why the sandbox cannot start here, in one paragraph (null when it can). */
  problem: string | null;
  runAsNobody: boolean;
}

let probed: SandboxProbe | null = null;

/** Whether bubblewrap can build its namespaces on this machine; probed once per process. */
export function probeSandbox(): SandboxProbe {
  if (probed) return probed;
  const bwrap = which("bwrap");
  const prlimit = which("prlimit");
  const runAsNobody = process.getuid?.() === 0;
  let problem: string | null = null;
  if (!bwrap) {
    problem =
      "The grading sandbox needs bubblewrap (`bwrap`), which is not installed. On Debian or Ubuntu: " +
      "`sudo apt-get install bubblewrap`. Without it, learner code would run with the grader's own " +
      "rights, which is not safe for a class's untrusted submissions.";
  } else {
    const r = spawnSync(bwrap, ["--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"], {
      encoding: "utf8",
      timeout: 10_000,
      ...(runAsNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    if (r.status !== 0)
      problem =
        "bubblewrap is installed but could not create its namespaces here " +
        `(${(r.stderr || r.error?.message || "no reason given").trim().slice(0, 200)}). Unprivileged user ` +
        "namespaces are probably disabled (sysctl kernel.unprivileged_userns_clone, or a container " +
        "without them). Run the grader where they are allowed, or pass --no-sandbox to grade anyway " +
        "(every report will then say the submissions ran unsandboxed).";
  }
  probed = { bwrap, prlimit, problem, runAsNobody };
  return probed;
}

export interface LaunchOptions {
  kitRoot: string;
  /** The exercise's private scratch folder (the learner's files are in `submission/` inside it). */
  scratch: string;
  limits: SandboxLimits;
  sandbox: boolean;
  seed: number;
}

/** The command that starts the learner's host process for one exercise. */
export function launchSpec(o: LaunchOptions): LaunchSpec {
  const probe = probeSandbox();
  const inside = o.sandbox ? KIT_MOUNT : o.kitRoot;
  const hostDir = o.sandbox ? path.join(KIT_MOUNT, "sandbox") : sandboxDir(o.kitRoot);
  const heapMb = Math.max(64, o.limits.memoryMb - 128);
  const env: Record<string, string> = {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    HOME: path.join(o.scratch, "home"),
    TMPDIR: path.join(o.scratch, "tmp"),
    LANG: "C.UTF-8",
    TZ: "UTC",
    CI: "true",
    NODE_ENV: "test",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    TENSORLINGS_SEED: String(o.seed),
    TENSORLINGS_KIT_ROOT: inside,
    TENSORLINGS_SUBMISSION: path.join(o.scratch, "submission"),
    NODE_OPTIONS: `--require ${path.join(hostDir, "register.js")} --enable-source-maps --max-old-space-size=${heapMb}`,
  };
  for (const name of ["HOML_DATA_HOME", "TENSORLINGS_BACKEND"]) {
    const v = process.env[name];
    if (v) env[name] = name === "HOML_DATA_HOME" ? path.resolve(v) : v;
  }
  const host = path.join(hostDir, "host.ts");
  const node = process.execPath;
  // As root, the sandbox runs as its own uid (so the process limit applies) where that uid can read the kit.
  const asNobody = o.sandbox && runsAsNobody(o.kitRoot, o.scratch);
  const prefix = probe.prlimit ? prlimitArgs(probe.prlimit, o.limits, asNobody) : [];
  if (!o.sandbox) return { argv: [...prefix, node, host], env, cwd: o.scratch, sandboxed: false };

  if (!probe.bwrap) throw new Error(probe.problem ?? "bubblewrap is not available");
  const ro = (from: string, to = from) => (fs.existsSync(from) ? ["--ro-bind", from, to] : []);
  const args = [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--clearenv",
    ...["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc/ld.so.cache", "/etc/alternatives"].flatMap(
      (p) => ro(p),
    ),
    ...(node.startsWith("/usr/") ? [] : ro(path.dirname(node))),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(64 * 1024 * 1024),
    "--tmpfs",
    "/tmp",
    ...ro(path.join(o.kitRoot, "package.json"), `${KIT_MOUNT}/package.json`),
    ...ro(path.join(o.kitRoot, "src"), `${KIT_MOUNT}/src`),
    ...ro(path.join(o.kitRoot, "datasets"), `${KIT_MOUNT}/datasets`),
    ...ro(fs.realpathSync(path.join(o.kitRoot, "node_modules")), `${KIT_MOUNT}/node_modules`),
    ...ro(sandboxDir(o.kitRoot), `${KIT_MOUNT}/sandbox`),
    ...ro(path.join(o.kitRoot, ".tensorlings", "data"), `${KIT_MOUNT}/.tensorlings/data`),
    ...(env.HOML_DATA_HOME ? ro(env.HOML_DATA_HOME) : []),
    "--bind",
    o.scratch,
    o.scratch,
    // The sandbox's own root is an in-memory folder: read-only, so nothing can fill memory there.
    "--remount-ro",
    "/",
    "--chdir",
    o.scratch,
    ...Object.entries(env).flatMap(([k, v]) => ["--setenv", k, v]),
  ];
  return {
    argv: [...prefix, probe.bwrap, ...args, node, host],
    env: {},
    cwd: o.scratch,
    sandboxed: true,
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  };
}

const answers = new Map<string, boolean>();
/** `test <flag> <p>` as uid 65534, remembered per question. */
function nobodyCan(flag: "-r" | "-x", p: string): boolean {
  const key = `${flag} ${p}`;
  let ok = answers.get(key);
  if (ok === undefined) {
    ok = spawnSync("test", [flag, p], { uid: NOBODY, gid: NOBODY, timeout: 5000 }).status === 0;
    answers.set(key, ok);
  }
  return ok;
}

/** The kit's sandbox folder (this file's folder), for the host and the preload. */
export function sandboxDir(kitRoot: string): string {
  return path.join(kitRoot, "grader", "engine", "sandbox");
}

function prlimitArgs(prlimit: string, l: SandboxLimits, ownUid: boolean): string[] {
  // Data memory is a backstop behind V8's heap cap (generous: wasm reserves a lot).
  const data = (l.memoryMb + 2048) * 1024 * 1024;
  const args = [prlimit, `--cpu=${l.cpuSeconds}`, `--data=${data}`, `--fsize=${l.fileBytes}`, `--core=0`];
  // RLIMIT_NPROC counts every process of the uid: only meaningful for a uid of the sandbox's own.
  if (ownUid) args.push(`--nproc=${l.processes}`);
  return [...args, "--"];
}

/** Hands the scratch folder to the sandbox's uid (when the grader is root and the sandbox runs as nobody). */
export function giveScratch(scratch: string, sandboxed: boolean, kitRoot: string): void {
  if (sandboxed && runsAsNobody(kitRoot, scratch)) chownTree(scratch, NOBODY);
}

/**
 * As root, the sandbox runs as its own uid (so that the process limit applies) where that uid
 * can read the kit and reach the scratch folder (not so under a private TMPDIR, for one).
 */
function runsAsNobody(kitRoot: string, scratch: string): boolean {
  return (
    probeSandbox().runAsNobody &&
    nobodyCan("-r", path.join(kitRoot, "package.json")) &&
    nobodyCan("-r", path.join(kitRoot, "src", "index.ts")) &&
    nobodyCan("-x", path.dirname(scratch))
  );
}

function chownTree(dir: string, uid: number): void {
  fs.chownSync(dir, uid, uid);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, uid);
    else fs.lchownSync(p, uid, uid);
  }
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // Not here.
    }
  }
  return null;
}
