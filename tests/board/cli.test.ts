/** `npm run board`: argument parsing, and the real command serving a log directory and printing text. */
import { spawn } from "child_process";
import * as path from "path";
import { parseCli } from "../../board/cli";
import { tempDir } from "./helpers";
import { writeLogregRun } from "./logregFixture";

const REPO = path.join(__dirname, "..", "..");
const TS_NODE = require.resolve("ts-node/dist/bin.js");

describe("parseCli", () => {
  test("defaults: tf_logs on port 6006, the browser view", () => {
    expect(parseCli([])).toEqual({ logdir: "tf_logs", port: 6006, text: false, smoothing: 0 });
  });

  test("options", () => {
    expect(parseCli(["--logdir", "runs", "--port", "0", "--text", "--smoothing", "0.6"])).toEqual({ logdir: "runs", port: 0, text: true, smoothing: 0.6 });
    expect(parseCli(["--host", "127.0.0.1"])).toMatchObject({ port: 6006 });
    expect(parseCli(["--help"])).toBe("help");
  });

  test("bad input is refused with a message", () => {
    expect(() => parseCli(["--host", "0.0.0.0"])).toThrow("the board listens on 127.0.0.1 only (got --host 0.0.0.0)");
    expect(() => parseCli(["--port", "70000"])).toThrow("--port must be an integer from 0 to 65535, got '70000'");
    expect(() => parseCli(["--port", "x"])).toThrow("--port must be an integer from 0 to 65535, got 'x'");
    expect(() => parseCli(["--smoothing", "1"])).toThrow("--smoothing must be a number in [0, 1), got '1'");
    expect(() => parseCli(["--verbose"])).toThrow(/Unknown option '--verbose'/);
  });
});

/** Runs `ts-node board/cli.ts <args>`; resolves with the output once `until` matches it (or the process ends). */
function runCli(args: string[], until?: RegExp): Promise<{ output: string; stop: () => void; code: Promise<number | null> }> {
  const child = spawn(process.execPath, [TS_NODE, "board/cli.ts", ...args], { cwd: REPO, env: { ...process.env, FORCE_COLOR: "0" } });
  let output = "";
  const code = new Promise<number | null>((resolve) => child.on("close", resolve));
  return new Promise((resolve, reject) => {
    const done = () => resolve({ output, stop: () => child.kill("SIGTERM"), code });
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until && until.test(output)) done();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    void code.then(done);
  });
}

describe("the command", () => {
  const logdir = tempDir();
  beforeAll(() => writeLogregRun(logdir, { name: "logreg-run-1", epochs: 2 }).writer.close());

  test("--port 0 serves on a free port of 127.0.0.1 and prints the URL", async () => {
    const { output, stop, code } = await runCli(["--logdir", logdir, "--port", "0"], /http:\/\/127\.0\.0\.1:\d+\//);
    try {
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+\//)![0];
      expect(output).toContain(`Board for ${logdir} at ${url}`);
      const runs = (await (await fetch(new URL("/api/runs", url))).json()) as { runs: { name: string }[] };
      expect(runs.runs.map((r) => r.name)).toEqual(["logreg-run-1"]);
    } finally {
      stop();
    }
    expect(await code).toBe(0); // SIGTERM closes the server and exits cleanly
  });

  test("--text prints the runs, the chart and the graph, then exits", async () => {
    const { output, code } = await runCli(["--logdir", logdir, "--text"]);
    expect(await code).toBe(0);
    expect(output).toContain(`Log directory ${logdir}: 1 run`);
    expect(output).toContain("log_loss");
    expect(output).toMatch(/├─ logistic_regression\/\s+\d+ ops/);
  });

  test("a bad option exits with status 2 and the usage", async () => {
    const { output, code } = await runCli(["--port", "65536"]);
    expect(await code).toBe(2);
    expect(output).toContain("board: --port must be an integer from 0 to 65535, got '65536'");
    expect(output).toContain("Usage: npm run board --");
  });
});
