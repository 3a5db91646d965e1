/**
 * Runs a submission's suites in one trusted Jest process. No learner code loads in it: each suite
 * reaches its learner's code through the harness bridge, which starts the learner's own
 * sandboxed process (see sandbox/launch.ts). Results come from the grader's reporter as JSON
 * lines in a file of the run folder; the parent reads them when the process ends, however it ends.
 *
 * The Jest process gets its own process group (killed as a whole on a deadline, on SIGINT/SIGTERM
 * of the grader, or when it ends), a minimal environment and an output cap. Learner processes
 * are started with --die-with-parent, so they end with it.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { RUN_ENV, type RunDescriptor } from "../harness/descriptor";
import type { KitPaths } from "./kit";
import { trackChild, untrackChild } from "./lifecycle";

/** One line of the grader reporter's results file. */
export type ReporterRecord =
  | { t: "test"; file: string; name: string; status: string; message: string; duration: number }
  | { t: "file"; file: string; execError: string | null };

export interface SuiteRunOutcome {
  records: ReporterRecord[];
  /** Why the parent stopped the process, when it did. */
  killed: "deadline" | "output" | null;
  exitCode: number | null;
  signal: string | null;
  /** Capped stdout+stderr of the test process, for display only. */
  output: string;
  durationMs: number;
}

export interface SuiteRun {
  kit: KitPaths;
  /** Holds `suites/` (the suites, `support/`), and receives `results.jsonl` and `run.json`. */
  runDir: string;
  suiteFiles: string[];
  descriptor: RunDescriptor;
  /** Jest's own per-test limit (the bridge enforces the manifest's limits on learner calls). */
  testTimeoutMs: number;
  /** Absolute time (ms since epoch) by which the run must be over. */
  deadline: number;
  outputBytes: number;
  /** Called for every finished test, as it finishes. */
  onRecord?: (r: ReporterRecord) => void;
}

const KEEP_OUTPUT = 12 * 1024;

/** The Jest configuration of the trusted test process. */
export function jestConfig(run: SuiteRun, resultsFile: string): Record<string, unknown> {
  const { kit, runDir } = run;
  return {
    rootDir: runDir,
    roots: [path.join(runDir, "suites")],
    testEnvironment: "node",
    reporters: [[path.join(kit.root, "grader", "engine", "jest", "reporter.js"), { out: resultsFile }]],
    transform: {
      "^.+\\.(t|j)sx?$": [
        kit.swcJest,
        { swcrc: false, jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
      ],
    },
    transformIgnorePatterns: ["/node_modules/"],
    moduleFileExtensions: ["ts", "tsx", "js", "json"],
    moduleNameMapper: {
      "^tensorlings$": kit.srcIndex,
      "^tensorlings/datasets$": kit.datasetsIndex,
      "^tensorlings/io$": path.join(path.dirname(kit.srcIndex), "io", "index.ts"),
      "^\\.\\./harness$": path.join(kit.harnessDir, "index.ts"),
    },
    modulePaths: [kit.nodeModules],
    cacheDirectory: path.join(kit.nodeModules, ".cache", "tensorlings-grader-jest"),
    haste: { forceNodeFilesystemAPI: true },
    watchman: false,
    testTimeout: run.testTimeoutMs,
    injectGlobals: true,
    maxWorkers: 1,
  };
}

/** Settings the kit itself reads; passed through, nothing else is. */
const PASSED_THROUGH = ["PATH", "HOML_DATA_HOME", "TENSORLINGS_BACKEND"];

export function runSuites(run: SuiteRun): Promise<SuiteRunOutcome> {
  const started = Date.now();
  const resultsFile = path.join(run.runDir, "results.jsonl");
  const descriptorFile = path.join(run.runDir, "run.json");
  fs.writeFileSync(resultsFile, "");
  fs.writeFileSync(descriptorFile, JSON.stringify(run.descriptor));
  const env: NodeJS.ProcessEnv = {
    LANG: "C.UTF-8",
    TZ: "UTC",
    CI: "true",
    NODE_ENV: "test",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
    TMPDIR: path.join(run.runDir, "tmp"),
    TENSORLINGS_SEED: String(run.descriptor.seed),
    [RUN_ENV]: descriptorFile,
  };
  for (const name of PASSED_THROUGH) if (process.env[name]) env[name] = process.env[name];
  fs.mkdirSync(env.TMPDIR!, { recursive: true });
  const args = [
    "--disable-warning=ExperimentalWarning",
    run.kit.jestBin,
    "--config",
    JSON.stringify(jestConfig(run, resultsFile)),
    "--runInBand",
    "--ci",
    "--forceExit",
    "--colors=false",
    "--runTestsByPath",
    ...run.suiteFiles.map((f) => path.join(run.runDir, "suites", f)),
  ];
  const child = spawn(process.execPath, args, {
    cwd: run.runDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (child.pid) trackChild(child.pid);

  return new Promise<SuiteRunOutcome>((resolve) => {
    let killed: SuiteRunOutcome["killed"] = null;
    let out = "";
    let outBytes = 0;
    let read = 0;
    let finished = false;
    const records: ReporterRecord[] = [];
    const kill = (why: NonNullable<SuiteRunOutcome["killed"]>) => {
      killed ??= why;
      killGroup(child.pid);
    };
    const onOutput = (chunk: Buffer) => {
      outBytes += chunk.length;
      out = (out + chunk.toString("utf8")).slice(-KEEP_OUTPUT);
      if (outBytes > run.outputBytes) kill("output");
    };
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);
    /** Reads the lines the reporter appended since the last look. */
    const drain = () => {
      let text: string;
      try {
        // `read` counts bytes: slice the bytes, not the characters (messages are not all ASCII).
        text = fs.readFileSync(resultsFile).subarray(read).toString("utf8");
      } catch {
        return;
      }
      const lines = text.split("\n");
      const complete = lines.slice(0, -1);
      read += complete.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
      for (const line of complete) {
        if (!line.trim()) continue;
        let r: ReporterRecord;
        try {
          r = JSON.parse(line) as ReporterRecord;
        } catch {
          continue; // never let one bad line stop the grader (it runs in a timer and in finish)
        }
        records.push(r);
        run.onRecord?.(r);
      }
    };
    const poll = setInterval(drain, 100);
    const deadline = setTimeout(() => kill("deadline"), Math.max(0, run.deadline - Date.now()));
    const finish = (code: number | null, signal: string | null) => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      clearTimeout(deadline);
      killGroup(child.pid); // anything it left behind
      if (child.pid) untrackChild(child.pid);
      drain();
      child.stdout!.destroy();
      child.stderr!.destroy();
      resolve({ records, killed, exitCode: code, signal, output: out, durationMs: Date.now() - started });
    };
    child.on("error", (err) => {
      onOutput(Buffer.from(`could not start the test process: ${err.message}\n`));
      finish(null, null);
    });
    child.on("exit", (code, signal) => setTimeout(() => finish(code, signal), 200));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Kills a whole process group. */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
