/**
 * Row 5: the grader, against the targets of the grader-integrity issue:
 * - `npm run grade 3` on solutions/ with an empty result cache (≤ 2 s);
 * - the 12-exercise table again with nothing changed, served from the cache (≤ 3 s);
 * - `grade:batch` of K copies of solutions/ without exercise 12 (its training aside), with
 *   `--jobs 1` and `--jobs 2`: seconds per submission per core (≤ 3 s) and the jobs-2/jobs-1
 *   ratio (≤ 0.6).
 * One round each (a batch takes minutes); compare within this run only.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RowResult } from "../report";
import type { BenchSettings } from "../settings";

const TITLE = "grading solutions/: one exercise, the cached table, batch per submission per core (s)";
const SUBMISSIONS = 4;

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
    const grade = (...more: string[]) =>
      timed(["run", "grade", "--", "--exercises", solutions, "--progress", path.join(scratch, "progress.json"), ...more], root);
    const one = await grade("3");
    await grade(); // fills the cache
    const table = await grade();
    // A private tests folder without exercise 12, whose training dominates a batch.
    const tests = path.join(scratch, "tests");
    fs.cpSync(path.join(root, "grader", "suites"), tests, { recursive: true });
    const manifestFile = path.join(tests, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { exercises: { id: number }[] };
    manifest.exercises = manifest.exercises.filter((e) => e.id !== 12);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const subs = path.join(scratch, "submissions");
    for (let i = 1; i <= SUBMISSIONS; i++)
      fs.cpSync(solutions, path.join(subs, `student${String(i).padStart(2, "0")}`), { recursive: true });
    const batch = (jobs: number) =>
      timed(
        ["run", "grade:batch", "--", "--submissions", subs, "--tests", tests, "--out", path.join(scratch, `out${jobs}`), "--jobs", String(jobs)],
        root,
      );
    const jobs1 = await batch(1);
    const jobs2 = await batch(2);
    const r = (s: number) => Number(s.toPrecision(4));
    const perCore = (jobs2 * 2) / SUBMISSIONS;
    return {
      id: 5,
      title: TITLE,
      status: "ok",
      unit: "s",
      measurements: {
        "npm run grade 3 (empty cache)": { samples: [r(one)], median: r(one) },
        "npm run grade (table, all cached)": { samples: [r(table)], median: r(table) },
        [`grade:batch ${SUBMISSIONS} × solutions (no ex12), --jobs 1`]: { samples: [r(jobs1)], median: r(jobs1) },
        [`grade:batch ${SUBMISSIONS} × solutions (no ex12), --jobs 2`]: { samples: [r(jobs2)], median: r(jobs2) },
      },
      ratios: [
        { name: "batch --jobs 2 / --jobs 1", value: Number((jobs2 / jobs1).toPrecision(3)) },
        { name: "batch s per submission per core (--jobs 2)", value: Number(perCore.toPrecision(3)) },
      ],
      targets: [
        { description: "npm run grade 3 <= 2 s", met: one <= 2 },
        { description: "cached table <= 3 s", met: table <= 3 },
        { description: "batch <= 3 s per submission per core", met: perCore <= 3 },
        { description: "--jobs 2 <= 0.6 x --jobs 1", met: jobs2 / jobs1 <= 0.6 },
      ],
      notes: ["one round each (minutes per batch): compare within this run only"],
    };
  } catch (e) {
    return na((e as Error).message);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
