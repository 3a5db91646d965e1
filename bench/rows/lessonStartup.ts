/**
 * Row 4: how long a learner waits for lesson 1's first line: spawn of `npm run lesson 1` to the
 * first byte of the lesson's own output (npm's `> tensorlings@… lesson` banner does not count),
 * against spawn-to-exit of `node -e 0`. The lesson without npm in front is shown for reference.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { interleave } from "../harness";
import type { RowResult } from "../report";
import type { BenchSettings } from "../settings";

const TITLE = "time to lesson 1's first line (ms)";

/** Milliseconds from spawn to the first stdout line that is not npm's banner (or to exit). */
function timeToFirstLine(command: string, args: string[], cwd: string, untilExit: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
    // Its own process group, so the whole tree (npm, sh, node) can be stopped at once.
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      detached: true,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let text = "";
    let done = false;
    const finish = (ms: number) => {
      if (done) return;
      done = true;
      if (!untilExit && child.exitCode === null) {
        try {
          process.kill(-(child.pid as number), "SIGTERM");
        } catch {
          // already gone
        }
      }
      resolve(ms);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      if (untilExit || done) return;
      text += chunk.toString("utf8");
      const lines = text.split("\n");
      if (lines.slice(0, -1).some((l) => l.trim() !== "" && !l.startsWith("> "))) finish(elapsed());
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!untilExit && !done)
        reject(new Error(`${command} ${args.join(" ")} exited (${code}) before printing a line`));
      finish(elapsed());
    });
  });
}

export async function lessonStartupRow(settings: BenchSettings): Promise<RowResult> {
  const root = settings.root;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (!pkg.scripts?.lesson)
    return { id: 4, title: TITLE, status: "n/a", reason: "package.json has no lesson script" };
  const runner = path.join(root, "lessons", "runner", "start.js");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const timed = (command: string, args: string[], untilExit: boolean) => async () => ({
    ms: await timeToFirstLine(command, args, root, untilExit),
  });
  const measured = await interleave(
    [
      { name: "npm run lesson 1", run: timed(npm, ["run", "lesson", "1"], false) },
      { name: "node start.js 1 (no npm)", run: timed(process.execPath, [runner, "1"], false) },
      { name: "node -e 0", run: timed(process.execPath, ["-e", "0"], true) },
    ],
    { rounds: settings.quick ? 3 : 7 },
  );
  const lesson = measured["npm run lesson 1"].median;
  const bare = measured["node start.js 1 (no npm)"].median;
  const node = measured["node -e 0"].median;
  return {
    id: 4,
    title: TITLE,
    status: "ok",
    unit: "ms",
    measurements: measured,
    ratios: [
      { name: "npm run lesson 1 / node -e 0", value: Number((lesson / node).toPrecision(3)) },
      { name: "without npm / node -e 0", value: Number((bare / node).toPrecision(3)) },
    ],
    targets: [{ description: "npm run lesson 1 ≤ 6× node -e 0", met: lesson / node <= 6 }],
  };
}
