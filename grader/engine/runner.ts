/**
 * Runs one suite file in a child process and collects its events. The parent never reads a
 * verdict from the child's exit code or its stdout: results arrive only as nonce-stamped lines
 * on the private channel (fd 3), and anything missing is decided by the caller from the manifest.
 *
 * Each line carries the run's nonce, and every event from the trusted senders a sequence number
 * and an HMAC under a key only that sender could claim, so forged lines are told apart.
 *
 * The child gets its own process group (killed as a whole), a minimal environment, a heap cap,
 * an RSS watchdog, an output cap, a startup limit, a per-test wall clock (armed on each
 * `test_start`, so a synchronous infinite loop is stopped too) and an overall deadline.
 */
import { spawn } from "child_process";
import { createHmac, randomBytes, timingSafeEqual } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { KitPaths } from "./kit";
import type { Sandbox } from "./sandbox";

export interface ChildEvent {
  t: string;
  /** Sender: "env" (test environment), "rep" (reporter), or "exit" (unsigned exit notice). */
  role: string;
  [key: string]: unknown;
}

export type KillReason = "test-timeout" | "startup-timeout" | "deadline" | "memory" | "output";

export interface RunOutcome {
  events: ChildEvent[];
  /** Channel lines without the right nonce, key or sequence: attempts to forge results. */
  forged: string[];
  exitCode: number | null;
  signal: string | null;
  killed: { reason: KillReason; test: string | null } | null;
  /** Capped stdout+stderr, for display only. */
  output: string;
  durationMs: number;
}

export interface RunLimits {
  startupMs: number;
  /** Limit for one test, keyed by full test name; `defaultTestMs` otherwise. */
  testMs: (testName: string) => number;
  defaultTestMs: number;
  graceMs: number;
  /** Absolute time (ms since epoch) by which the run must be over. */
  deadline: number;
  memoryMb: number;
  outputBytes: number;
}

export interface SuiteRun {
  kit: KitPaths;
  sandbox: Sandbox;
  runDir: string;
  suiteFile: string;
  /** Jest --testNamePattern, to resume after a test that had to be killed. */
  namePattern?: string;
  allowChildProcess: boolean;
  seed: number;
  limits: RunLimits;
  onEvent?: (e: ChildEvent) => void;
}

const RSS_POLL_MS = 150;
const KEEP_OUTPUT = 12 * 1024;
const MAX_CHANNEL_BYTES = 16 * 1024 * 1024;

/** The Jest configuration the child runs with: every path in it belongs to the grader. */
export function jestConfig(run: SuiteRun): Record<string, unknown> {
  const { kit, runDir } = run;
  const suite = path.join(runDir, "suites", run.suiteFile);
  return {
    rootDir: runDir,
    roots: [path.join(runDir, "suites")],
    testRegex: [`^${escapeRegex(suite)}$`],
    testEnvironment: path.join(kit.childDir, "environment.ts"),
    reporters: [path.join(kit.childDir, "reporter.js")],
    transform: {
      "^.+\\.(t|j)sx?$": [
        kit.swcJest,
        {
          swcrc: false,
          jsc: { parser: { syntax: "typescript" }, target: "es2022" },
          module: { type: "commonjs" },
        },
      ],
    },
    transformIgnorePatterns: ["/node_modules/"],
    moduleFileExtensions: ["ts", "tsx", "js", "json"],
    moduleNameMapper: {
      "^tensorlings$": kit.srcIndex,
      "^tensorlings/datasets$": kit.datasetsIndex,
      "^tensorlings/io$": path.join(path.dirname(kit.srcIndex), "io", "index.ts"),
      "^@submission/(.*)$": path.join(runDir, "submission", "$1"),
    },
    modulePaths: [kit.nodeModules],
    cacheDirectory: path.join(runDir, "cache"),
    haste: { forceNodeFilesystemAPI: true },
    watchman: false,
    testTimeout: run.limits.defaultTestMs,
    injectGlobals: true,
    setupFiles: [],
    setupFilesAfterEnv: [],
    snapshotSerializers: [],
    maxWorkers: 1,
  };
}

function nodeArgs(run: SuiteRun): string[] {
  const { kit, sandbox, runDir } = run;
  const heapMb = Math.max(64, run.limits.memoryMb - 128);
  const args = [
    `--max-old-space-size=${heapMb}`,
    "--disable-warning=ExperimentalWarning",
    "--disable-warning=SecurityWarning",
  ];
  if (sandbox.permissionFlag) {
    const readable = [
      runDir,
      kit.nodeModules,
      path.dirname(kit.srcIndex),
      path.dirname(kit.datasetsIndex),
      kit.childDir,
    ];
    if (kit.nodeModulesLink) readable.push(kit.nodeModulesLink);
    const dataCache = path.join(kit.root, ".tensorlings", "data");
    if (fs.existsSync(dataCache)) readable.push(dataCache);
    if (process.env.HOML_DATA_HOME) readable.push(path.resolve(process.env.HOML_DATA_HOME));
    args.push(sandbox.permissionFlag, ...readable.map((p) => `--allow-fs-read=${withSlash(p)}`));
    args.push(
      `--allow-fs-read=${path.join(kit.root, "package.json")}`,
      `--allow-fs-write=${withSlash(runDir)}`,
      "--allow-addons",
    );
    if (run.allowChildProcess) args.push("--allow-child-process");
  }
  args.push(
    kit.jestBin,
    "--config",
    JSON.stringify(jestConfig(run)),
    "--runInBand",
    "--ci",
    "--forceExit",
    "--colors=false",
  );
  args.push("--runTestsByPath", path.join(runDir, "suites", run.suiteFile));
  if (run.namePattern) args.push("--testNamePattern", run.namePattern);
  return args;
}

/** Settings the kit itself reads; passed through, nothing else is. */
const PASSED_THROUGH = ["HOML_DATA_HOME", "TENSORLINGS_BACKEND"];

/** A minimal environment: no tokens, no HOME secrets, no inherited NODE_OPTIONS. */
export function childEnv(run: SuiteRun): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: path.join(run.runDir, "home"),
    TMPDIR: path.join(run.runDir, "tmp"),
    LANG: "C.UTF-8",
    TZ: "UTC",
    CI: "true",
    NODE_ENV: "test",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
    TENSORLINGS_SEED: String(run.seed),
  };
  for (const name of PASSED_THROUGH) if (process.env[name]) env[name] = process.env[name];
  if (env.HOML_DATA_HOME) env.HOML_DATA_HOME = path.resolve(env.HOML_DATA_HOME);
  return env;
}

export function runSuite(run: SuiteRun): Promise<RunOutcome> {
  const started = Date.now();
  const nonce = randomBytes(24).toString("hex");
  const keys: Record<string, string> = {
    env: randomBytes(32).toString("hex"),
    rep: randomBytes(32).toString("hex"),
  };
  const nextSeq: Record<string, number> = { env: 0, rep: 0 };
  const prefix: string[] = [];
  if (run.sandbox.prlimit) {
    // Writable memory cap as a hard backstop to the RSS watchdog (generous: wasm reserves a lot).
    const bytes = (run.limits.memoryMb + 2048) * 1024 * 1024;
    prefix.push(run.sandbox.prlimit, `--data=${bytes}:${bytes}`, "--");
  }
  prefix.push(...run.sandbox.unsharePrefix);
  const argv = [...prefix, process.execPath, ...nodeArgs(run)];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: run.runDir,
    env: childEnv(run),
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: true,
  });

  return new Promise<RunOutcome>((resolve) => {
    const events: ChildEvent[] = [];
    const forged: string[] = [];
    let killed: RunOutcome["killed"] = null;
    let current: string | null = null;
    let started2 = false;
    let outHead = "";
    let outTail = "";
    let outBytes = 0;
    let channelBytes = 0;
    let pending = "";
    let finished = false;
    const timers = new Set<NodeJS.Timeout>();
    let testTimer: NodeJS.Timeout | null = null;

    const later = (ms: number, fn: () => void) => {
      const t = setTimeout(
        () => {
          timers.delete(t);
          fn();
        },
        Math.max(0, ms),
      );
      timers.add(t);
      return t;
    };
    let completeSeen = false;
    // A kill after the run reported completion is cleanup, not a verdict.
    const kill = (reason: KillReason) => {
      if (!killed && !completeSeen) killed = { reason, test: current };
      killGroup(child);
    };
    /** The event in a line, or null when the nonce, key or sequence number is wrong. */
    const verify = (line: string): ChildEvent | null => {
      try {
        const outer = JSON.parse(line);
        if (!outer || typeof outer !== "object" || outer.n !== nonce || typeof outer.b !== "string")
          return null;
        const body = JSON.parse(outer.b);
        if (!body || typeof body !== "object" || typeof body.t !== "string") return null;
        if (outer.r === "exit")
          return body.t === "exit" ? { t: "exit", role: "exit", code: body.code } : null;
        const key = keys[outer.r];
        if (!key || typeof outer.m !== "string") return null;
        const mac = createHmac("sha256", key).update(outer.b).digest();
        const given = Buffer.from(outer.m, "hex");
        if (given.length !== mac.length || !timingSafeEqual(given, mac)) return null;
        if (body.s !== nextSeq[outer.r]) return null;
        nextSeq[outer.r] += 1;
        delete body.s;
        return { ...body, role: outer.r };
      } catch {
        return null;
      }
    };

    // Startup and deadline watchdogs.
    const startupTimer = later(run.limits.startupMs, () => {
      if (!started2) kill("startup-timeout");
    });
    later(run.limits.deadline - Date.now(), () => kill("deadline"));
    const rssTimer = setInterval(() => {
      if (child.pid && groupRssMb(child.pid) > run.limits.memoryMb) kill("memory");
    }, RSS_POLL_MS);

    const onOutput = (chunk: Buffer) => {
      outBytes += chunk.length;
      const text = chunk.toString("utf8");
      if (outHead.length < KEEP_OUTPUT) outHead += text.slice(0, KEEP_OUTPUT - outHead.length);
      else outTail = (outTail + text).slice(-KEEP_OUTPUT);
      if (outBytes > run.limits.outputBytes) kill("output");
    };
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);

    const channel = child.stdio[3] as unknown as import("net").Socket;
    channel.on("error", () => undefined);
    channel.write(`${nonce} ${keys.env} ${keys.rep}\n`);
    channel.on("data", (chunk: Buffer) => {
      channelBytes += chunk.length;
      if (channelBytes > MAX_CHANNEL_BYTES) return kill("output");
      pending += chunk.toString("utf8");
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        handleLine(line);
      }
    });

    function handleLine(line: string) {
      if (!line.trim()) return;
      const ev = verify(line);
      if (!ev) {
        if (forged.length < 20) forged.push(line.slice(0, 200));
        return;
      }
      events.push(ev);
      if (ev.t === "complete") completeSeen = true;
      if (ev.t === "run_start" || ev.t === "setup") {
        started2 = true;
        clearTimeout(startupTimer);
      } else if (ev.t === "test_start") {
        current = String(ev.name);
        if (testTimer) clearTimeout(testTimer);
        const name = current;
        testTimer = later(run.limits.testMs(name) + run.limits.graceMs, () => {
          if (current === name) kill("test-timeout");
        });
      } else if (ev.t === "test_done" || ev.t === "test_skip") {
        if (String(ev.name) === current) current = null;
        if (testTimer) clearTimeout(testTimer);
        testTimer = null;
      }
      run.onEvent?.(ev);
    }

    const finish = (code: number | null, signal: string | null) => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearTimeout(t);
      clearInterval(rssTimer);
      killGroup(child); // stray processes the run left behind
      if (pending.trim()) handleLine(pending);
      channel.destroy();
      child.stdout!.destroy();
      child.stderr!.destroy();
      const output = outTail
        ? `${outHead}\n… (${outBytes - outHead.length - outTail.length} bytes left out) …\n${outTail}`
        : outHead;
      resolve({ events, forged, exitCode: code, signal, killed, output, durationMs: Date.now() - started });
    };
    child.on("error", (err) => {
      onOutput(Buffer.from(`could not start the test process: ${err.message}\n`));
      finish(null, null);
    });
    // 'close' waits for the pipes; a grandchild holding them open must not stall the batch.
    child.on("close", (code, signal) => finish(code, signal));
    child.on("exit", (code, signal) => later(1500, () => finish(code, signal)));
  });
}

/** Kills the child's whole process group; where groups do not exist (Windows), the child itself. */
function killGroup(child: { pid?: number; kill(signal: NodeJS.Signals): boolean }): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

const PAGE_KB = 4;

/** Resident memory of every process in the group, from /proc (0 where /proc is unavailable). */
export function groupRssMb(pgid: number): number {
  let kb = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command name: state(0) ppid(1) pgrp(2) ... rss(21)
    if (Number(fields[2]) === pgid) kb += Number(fields[21]) * PAGE_KB;
  }
  return kb / 1024;
}

function withSlash(p: string): string {
  return p.endsWith(path.sep) ? p : p + path.sep;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
