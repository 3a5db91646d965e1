/**
 * Incremental regrades: unchanged students come from the cache, `--only` grades the ids named,
 * students no longer submitted are refused until `--clean`, and a merge can replace a record.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runBatch, type BatchOptions } from "../../grader/batch/batch";
import { mergeShards } from "../../grader/batch/merge";
import { readRecords } from "../../grader/batch/outputs";
import type { GradeRecord } from "../../grader/engine/types";
import { SOLUTION, STUB, SUITES } from "./support/corpus";

let work: string;
let subs: string;
let out: string;
const batch = (over: Partial<BatchOptions> = {}) =>
  runBatch({
    submissions: subs,
    out,
    tests: SUITES,
    jobs: 2,
    limits: { startupMs: 30_000 },
    reference: { solutions: SOLUTION, starters: STUB },
    ...over,
  });
const score = (id: string) =>
  (JSON.parse(fs.readFileSync(path.join(out, "results", `${id}.json`), "utf8")) as GradeRecord).score;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "regrade-test-"));
  subs = path.join(work, "submissions");
  out = path.join(work, "out");
  fs.cpSync(SOLUTION, path.join(subs, "alice"), { recursive: true });
  fs.cpSync(STUB, path.join(subs, "bob"), { recursive: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("rerunning a batch", () => {
  it("regrades exactly the student whose files changed", async () => {
    const first = await batch();
    expect(first.regraded.sort()).toEqual(["alice", "bob"]);
    expect(first.cached).toEqual([]);
    // The copied solution and the untouched starters are noted on the records, as incidents.
    const codes = (id: string) => first.records.find((r) => r.submission.id === id)!.flags.map((f) => f.code);
    expect(codes("alice").filter((c) => c === "matches-solution")).toHaveLength(3);
    expect(codes("bob").filter((c) => c === "matches-starter")).toHaveLength(3);
    const before = score("bob");
    fs.copyFileSync(path.join(SOLUTION, "ex01.ts"), path.join(subs, "bob", "ex01.ts"));
    const second = await batch();
    expect(second.regraded).toEqual(["bob"]);
    expect(second.cached).toEqual(["alice"]);
    // A cached record gets this run's integrity flags once, not once per run.
    const alice = second.records.find((r) => r.submission.id === "alice")!;
    expect(alice.flags.filter((f) => f.code === "matches-solution")).toHaveLength(3);
    expect(score("bob")).toBeGreaterThan(before);
    expect(second.records.map((r) => r.submission.original_name).sort()).toEqual(["alice", "bob"]);
  }, 240_000);

  it("grades only the ids named with --only and keeps the rest of the class in the reports", async () => {
    fs.rmSync(path.join(out, ".cache"), { recursive: true });
    const only = await batch({ only: ["alice"] });
    expect(only.regraded).toEqual(["alice"]);
    expect(only.records.map((r) => r.submission.id).sort()).toEqual(["alice", "bob"]);
    expect(fs.readFileSync(path.join(out, "grades.csv"), "utf8")).toMatch(/\nbob,/);
    await expect(batch({ only: ["alice", "nobody"] })).rejects.toThrow(
      /--only names no submission with the id\(s\) "nobody"/,
    );
  }, 240_000);

  it("refuses to leave a departed student's results in --out, and removes them with --clean", async () => {
    fs.rmSync(path.join(subs, "bob"), { recursive: true });
    await expect(batch()).rejects.toThrow(/holds results of students not in this run: bob; pass --clean/);
    expect(fs.existsSync(path.join(out, "results", "bob.json"))).toBe(true);
    const cleaned = await batch({ clean: true });
    expect(cleaned.removed).toEqual(["bob"]);
    expect(cleaned.cached).toEqual(["alice"]);
    expect(fs.existsSync(path.join(out, "results", "bob.json"))).toBe(false);
    expect(fs.existsSync(path.join(out, "gradescope", "bob"))).toBe(false);
    expect(fs.readFileSync(path.join(out, "grades.csv"), "utf8")).not.toMatch(/\nbob,/);
  }, 240_000);
});

describe("merging a regrade", () => {
  const shard = (name: string, edit: (r: GradeRecord) => void) => {
    const dir = path.join(work, name);
    const r = JSON.parse(fs.readFileSync(path.join(out, "results", "alice.json"), "utf8")) as GradeRecord;
    edit(r);
    fs.mkdirSync(path.join(dir, "results"), { recursive: true });
    fs.writeFileSync(path.join(dir, "results", "alice.json"), JSON.stringify(r));
    return dir;
  };

  it("replaces a student's record with the newer one only when asked", () => {
    let newer = "";
    const regrade = shard("regrade", (r) => {
      r.graded_at = newer = new Date(Date.parse(r.graded_at) + 60_000).toISOString();
    });
    expect(() => mergeShards([out, regrade], path.join(work, "m1"))).toThrow(
      /student alice appears in both .* \(pass --replace to keep the newer record\)/,
    );
    const merged = mergeShards([regrade, out], path.join(work, "m2"), undefined, { replace: true });
    expect(merged.records.map((r) => [r.submission.id, r.graded_at])).toEqual([["alice", newer]]);
    expect(readRecords(path.join(work, "m2"))[0].graded_at).toBe(newer);
    // The folder order does not matter: the newer record wins.
    expect(
      mergeShards([out, regrade], path.join(work, "m4"), undefined, { replace: true }).records[0].graded_at,
    ).toBe(newer);
  });

  it("keeps a shard's similarity report (every shard compares the whole class)", () => {
    const withReport = shard("with-similarity", () => undefined);
    fs.writeFileSync(
      path.join(withReport, "similarity.md"),
      "# Similarity report (advisory)\nshard marker\n",
    );
    mergeShards([withReport], path.join(work, "m5"));
    expect(fs.readFileSync(path.join(work, "m5", "similarity.md"), "utf8")).toContain("shard marker");
  });

  it("refuses shards graded with different tests", () => {
    const other = shard("other-tests", (r) => {
      r.submission.id = "carol";
      r.grader.testsHash = "ff".repeat(32);
    });
    fs.renameSync(path.join(other, "results", "alice.json"), path.join(other, "results", "carol.json"));
    expect(() => mergeShards([out, other], path.join(work, "m3"))).toThrow(/graded with different tests/);
  });
});
