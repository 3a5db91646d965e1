/**
 * Row 5: the grader on the reference solutions: `npm run grade` (learner mode, every exercise
 * of solutions/), and `npm run grade:batch` over 20 copies of solutions/ with `--jobs 2`. One
 * round each (a full batch takes minutes); the ratio says what a submission costs inside a batch
 * relative to grading it alone.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RowResult } from "../report";
import type { BenchSettings } from "../settings";

const TITLE = "grading solutions/: npm run grade, and grade:batch of 20 with --jobs 2 (s)";
const SUBMISSIONS = 20;

/** Seconds from spawn to exit; rejects on a non-zero exit. */
function timed(args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", args, {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", CI: "true" },
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString("utf8")).slice(-2000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code === 0) resolve(s);
      else
        reject(
          new Error(
            `npm ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
          ),
        );
    });
  });
}

export async function gradingRow(settings: BenchSettings): Promise<RowResult> {
  const na = (reason: string): RowResult => ({ id: 5, title: TITLE, status: "n/a", reason });
  if (settings.quick)
    return na("skipped in --quick (one batch takes minutes); run `npm run bench -- --rows 5`");
  const root = settings.root;
  const scripts =
    (
      JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {};
  if (!scripts.grade || !scripts["grade:batch"])
    return na("package.json lacks the grade or grade:batch script");
  const solutions = path.join(root, "solutions");
  if (!fs.existsSync(solutions) || fs.readdirSync(solutions).length === 0) return na("solutions/ is empty");

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tensorlings-bench-grade-"));
  try {
    const single = await timed(
      ["run", "grade", "--", "--exercises", solutions, "--progress", path.join(scratch, "progress.json")],
      root,
    );
    const subs = path.join(scratch, "submissions");
    for (let i = 1; i <= SUBMISSIONS; i++)
      fs.cpSync(solutions, path.join(subs, `student${String(i).padStart(2, "0")}`), { recursive: true });
    const batch = await timed(
      ["run", "grade:batch", "--", "--submissions", subs, "--out", path.join(scratch, "out"), "--jobs", "2"],
      root,
    );
    const r = (s: number) => Number(s.toPrecision(4));
    return {
      id: 5,
      title: TITLE,
      status: "ok",
      unit: "s",
      measurements: {
        "npm run grade (solutions)": { samples: [r(single)], median: r(single) },
        [`grade:batch ${SUBMISSIONS} × solutions, --jobs 2`]: { samples: [r(batch)], median: r(batch) },
      },
      ratios: [
        {
          name: "batch per submission / single grade",
          value: Number((batch / SUBMISSIONS / single).toPrecision(3)),
        },
      ],
      notes: ["one round each (minutes per batch): compare within this run only"],
    };
  } catch (e) {
    return na((e as Error).message);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
