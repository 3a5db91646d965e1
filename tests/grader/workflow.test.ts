/**
 * The instructor's tooling end to end: the grade-class workflow's own commands run locally with
 * two shards and a merge, the command-line exit codes, and the Gradescope autograder zip built,
 * unpacked and run the way Gradescope runs it.
 */
import AdmZip from "adm-zip";
import { execFileSync } from "child_process";
import * as fs from "fs";
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
    // Merging the same shard twice would count students twice: refused.
    expect(() =>
      mergeShards([path.join(out, "shard-1"), path.join(out, "shard-1")], path.join(work, "dup")),
    ).toThrow(/appears in both/);
  }, 300_000);
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
