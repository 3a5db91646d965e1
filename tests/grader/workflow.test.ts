/**
 * The instructor's tooling end to end: the grade-class workflow's own commands run locally with
 * two shards and a merge, the command-line exit codes, and the Gradescope autograder zip built,
 * unpacked and run the way Gradescope runs it.
 */
import AdmZip from "adm-zip";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import { load as parseYaml } from "js-yaml";
import * as os from "os";
import * as path from "path";
import { main as batchMain } from "../../grader/batch/cli";
import { mergeShards, main as mergeMain } from "../../grader/batch/merge";
import { readRecords } from "../../grader/batch/outputs";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { buildAutograderZip } from "../../grader/gradescope/build";
import { validateGradescope, validateJUnit } from "../../grader/report/validate";
import { addHonest, SOLUTION, SUITES } from "./support/corpus";

let work: string;
let subs: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grader-workflow-test-"));
  subs = path.join(work, "submissions");
  fs.mkdirSync(subs);
  addHonest(subs, true);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the grade-class workflow, run locally with two shards", () => {
  it("grades each shard separately and merges them into one set of valid reports", () => {
    const out = path.join(work, "wf");
    const env = { ...process.env, SUBMISSIONS: subs, TESTS: SUITES, OUT: out, JOBS: "1" };
    execFileSync(path.join(DEFAULT_KIT_ROOT, "grader", "batch", "ci", "local.sh"), ["2"], {
      env,
      stdio: "pipe",
      timeout: 240_000,
    });
    const shard1 = readRecords(path.join(out, "shard-1")).map((r) => r.submission.id);
    const shard2 = readRecords(path.join(out, "shard-2")).map((r) => r.submission.id);
    expect([...shard1, ...shard2].sort()).toEqual(["empty", "partial", "solved", "stub"]);
    expect(shard1).toHaveLength(2);
    const merged = path.join(out, "merged");
    const scores = Object.fromEntries(readRecords(merged).map((r) => [r.submission.id, r.score]));
    expect(scores).toEqual({ empty: 0, partial: 5, solved: 8, stub: 0 });
    expect(validateJUnit(fs.readFileSync(path.join(merged, "junit.xml"), "utf8"))).toEqual([]);
    for (const id of Object.keys(scores))
      expect(
        validateGradescope(
          JSON.parse(fs.readFileSync(path.join(merged, "gradescope", id, "results.json"), "utf8")),
        ),
      ).toEqual([]);
    const csv = fs.readFileSync(path.join(merged, "grades.csv"), "utf8").trim().split("\n");
    expect(csv.map((l) => l.split(",")[0])).toEqual(["student_id", "empty", "partial", "solved", "stub"]);
    expect(JSON.parse(fs.readFileSync(path.join(merged, "batch.json"), "utf8")).mergedFrom).toHaveLength(2);
    for (const shard of ["shard-1", "shard-2"])
      expect(fs.readFileSync(path.join(out, shard, "shard-status"), "utf8").trim()).toBe("0");
    // Merging the same shard twice would count students twice: refused.
    expect(() =>
      mergeShards([path.join(out, "shard-1"), path.join(out, "shard-1")], path.join(work, "dup")),
    ).toThrow(/appears in both/);
  }, 300_000);
});

describe("the merge job when a shard failed", () => {
  /** merge.sh over copies of the two shards above, after `damage`; returns its exit status and what it said. */
  function mergeAfter(name: string, damage: (out: string) => void) {
    const out = path.join(work, name);
    for (const shard of ["shard-1", "shard-2"])
      fs.cpSync(path.join(work, "wf", shard), path.join(out, shard), { recursive: true });
    damage(out);
    const summary = path.join(out, "step-summary.md");
    const r = spawnSync(path.join(DEFAULT_KIT_ROOT, "grader", "batch", "ci", "merge.sh"), [], {
      env: { ...process.env, SHARDS: "2", TESTS: SUITES, OUT: out, GITHUB_STEP_SUMMARY: summary },
      encoding: "utf8",
      timeout: 120_000,
    });
    const students = readRecords(path.join(out, "merged")).map((rec) => rec.submission.id);
    return { status: r.status, stderr: r.stderr, summary: fs.readFileSync(summary, "utf8"), students };
  }

  it("merges the shard that finished, names the one that left nothing, and fails", () => {
    const r = mergeAfter("lost-shard", (out) => fs.rmSync(path.join(out, "shard-2"), { recursive: true }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/shard 2 of 2 failed .*left no results/);
    expect(r.summary).toMatch(/shard 2 of 2 failed/);
    expect(r.students).toHaveLength(2);
  }, 120_000);

  it("merges every student of a shard whose grader failed on one, and names that shard", () => {
    const r = mergeAfter("error-shard", (out) =>
      fs.writeFileSync(path.join(out, "shard-1", "shard-status"), "3\n"),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/shard 1 of 2 failed \(exit status 3\)/);
    expect(r.stderr).not.toMatch(/shard 2/);
    expect(r.students.sort()).toEqual(["empty", "partial", "solved", "stub"]);
  }, 120_000);
});

describe("the grade-class workflow file", () => {
  interface Step {
    uses?: string;
    run?: string;
    id?: string;
    if?: string;
    with?: Record<string, unknown>;
  }
  interface Job {
    needs?: string | string[];
    if?: string;
    strategy?: { matrix?: Record<string, unknown> };
    outputs?: Record<string, string>;
    steps: Step[];
  }
  const file = path.join(DEFAULT_KIT_ROOT, ".github", "workflows", "grade-class.yml");
  const text = fs.readFileSync(file, "utf8");
  const wf = parseYaml(text) as {
    on: { workflow_dispatch: { inputs: Record<string, { default?: string }> } };
    env: Record<string, string | number>;
    jobs: Record<string, Job>;
  };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
  /** A `${{ env.NAME }}` value resolved against the workflow's env. */
  const resolve = (v: unknown) => {
    const m = /^\$\{\{\s*env\.(\w+)\s*\}\}$/.exec(String(v));
    return m ? wf.env[m[1]] : v;
  };

  it("uses the majors of the official actions that run on Node 24, and Node 26", () => {
    // The first majors whose runs.using is node24 (their release notes).
    const node24 = { checkout: 5, "setup-node": 5, "upload-artifact": 6, "download-artifact": 7 };
    const used = steps.filter((s) => s.uses).map((s) => /^actions\/([\w-]+)@v(\d+)$/.exec(s.uses!));
    expect(used.every(Boolean)).toBe(true);
    expect(new Set(used.map((m) => m![1]))).toEqual(new Set(Object.keys(node24)));
    for (const m of used) expect(Number(m![2])).toBeGreaterThanOrEqual(node24[m![1] as keyof typeof node24]);
    const nodes = steps.filter((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(nodes.length).toBe(2);
    for (const s of nodes) expect(Number(resolve(s.with!["node-version"]))).toBeGreaterThanOrEqual(26);
  });

  it("has one shard-count setting, and the matrix is generated from it", () => {
    expect(wf.env.SHARDS).toBe("${{ inputs.shards }}");
    expect(wf.on.workflow_dispatch.inputs.shards.default).toBe("2");
    const grade = wf.jobs.grade;
    const needs = [grade.needs].flat();
    expect(grade.strategy!.matrix!.shard).toMatch(
      /^\$\{\{\s*fromJSON\(needs\.(\w+)\.outputs\.shards\)\s*\}\}$/,
    );
    const planName = /needs\.(\w+)\./.exec(String(grade.strategy!.matrix!.shard))![1];
    expect(needs).toContain(planName);
    // The plan step's own script, run with a shard count: the matrix it yields is 1..n.
    const plan = wf.jobs[planName];
    const stepId = /steps\.([\w-]+)\.outputs\.shards/.exec(plan.outputs!.shards)![1];
    const script = plan.steps.find((s) => s.id === stepId)!.run!;
    const output = path.join(work, "plan-output");
    for (const [n, list] of [
      ["3", [1, 2, 3]],
      ["1", [1]],
    ] as const) {
      fs.writeFileSync(output, "");
      execFileSync("bash", ["-e", "-c", script], {
        env: { ...process.env, SHARDS: n, GITHUB_OUTPUT: output },
      });
      const line = fs.readFileSync(output, "utf8").trim();
      expect(JSON.parse(line.replace(/^shards=/, ""))).toEqual(list);
    }
    const bad = spawnSync("bash", ["-e", "-c", script], {
      env: { ...process.env, SHARDS: "two", GITHUB_OUTPUT: output },
      encoding: "utf8",
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/shards must be a whole number/);
    // No shard count written out anywhere else: no literal matrix list, no second count.
    expect(text).not.toMatch(/shard:\s*\[/);
    expect(text.match(/inputs\.shards/g)).toHaveLength(1);
  });

  it("merges even when a shard failed, and keeps student data for a limited time", () => {
    const merge = wf.jobs.merge;
    expect([merge.needs].flat()).toContain("grade");
    expect(merge.if).toMatch(/always\(\)/);
    expect(merge.steps.some((s) => s.run?.includes("grader/batch/ci/merge.sh"))).toBe(true);
    const uploads = steps.filter((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(uploads.length).toBe(2);
    for (const s of uploads) {
      const days = Number(resolve(s.with!["retention-days"]));
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(90);
      expect(s.if).toMatch(/always\(\)/);
    }
  });
});

describe("command-line exit codes", () => {
  it("returns 2 for configuration errors, with a message naming the problem", async () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await batchMain(["--out", work])).toBe(2);
      expect(err.mock.calls.at(-1)![0]).toMatch(/--submissions and --out are required/);
      expect(
        await batchMain(["--submissions", subs, "--out", work, "--shard", "3/2", "--tests", SUITES]),
      ).toBe(2);
      expect(err.mock.calls.at(-1)![0]).toMatch(/--shard must look like i\/n/);
      expect(await batchMain(["--submissions", subs, "--out", work, "--jobs", "0", "--tests", SUITES])).toBe(
        2,
      );
      expect(
        await batchMain(["--submissions", path.join(work, "nope"), "--out", work, "--tests", SUITES]),
      ).toBe(2);
      expect(await batchMain(["--submissions", subs, "--out", work, "--tests", work])).toBe(2);
      expect(err.mock.calls.at(-1)![0]).toMatch(/no manifest.json/);
      expect(await batchMain(["--bogus"])).toBe(2);
      expect(mergeMain(["--out", work])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});

describe("the Gradescope autograder zip", () => {
  it("holds setup.sh and run_autograder at its top, the kit and the suites, and nothing learners wrote", () => {
    const zipFile = path.join(work, "autograder.zip");
    buildAutograderZip({ tests: SUITES, out: zipFile });
    const entries = new AdmZip(zipFile).getEntries();
    const names = entries.map((e) => e.entryName);
    expect(names).toEqual(
      expect.arrayContaining([
        "setup.sh",
        "run_autograder",
        "kit/package.json",
        "kit/grader/engine/grade.ts",
        "kit/grader/engine/sandbox/host.ts",
        "kit/lessons/index.ts",
        "tests/manifest.json",
        "tests/ex01.spec.ts",
      ]),
    );
    expect(names.filter((n) => /^kit\/(exercises|solutions|tests|node_modules)\//.test(n))).toEqual([]);
    const mode = (n: string) => (entries.find((e) => e.entryName === n)!.attr >>> 16) & 0o777;
    expect(mode("run_autograder")).toBe(0o755);
    expect(mode("setup.sh")).toBe(0o755);
  });

  it("grades a submission from the unpacked zip and always writes a valid results.json", () => {
    const root = path.join(work, "autograder");
    new AdmZip(path.join(work, "autograder.zip")).extractAllTo(path.join(root, "source"), true);
    const kit = path.join(root, "source", "kit");
    fs.symlinkSync(path.join(DEFAULT_KIT_ROOT, "node_modules"), path.join(kit, "node_modules"));
    fs.cpSync(SOLUTION, path.join(root, "submission"), { recursive: true });
    const results = path.join(root, "results", "results.json");
    const run = (tests: string) =>
      execFileSync(
        process.execPath,
        [
          path.join(kit, "node_modules", ".bin", "ts-node"),
          path.join(kit, "grader", "gradescope", "run.ts"),
          "--submission",
          path.join(root, "submission"),
          "--tests",
          tests,
          "--results",
          results,
        ],
        {
          cwd: kit,
          stdio: "pipe",
          timeout: 120_000,
        },
      );
    run(path.join(root, "source", "tests"));
    const good = JSON.parse(fs.readFileSync(results, "utf8"));
    expect(validateGradescope(good)).toEqual([]);
    expect(good.score).toBe(8);
    run(path.join(root, "missing-tests"));
    const bad = JSON.parse(fs.readFileSync(results, "utf8"));
    expect(validateGradescope(bad)).toEqual([]);
    expect(bad.score).toBe(0);
    expect(bad.output).toMatch(/could not grade this submission/);
  }, 180_000);
});
