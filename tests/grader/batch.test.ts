/**
 * The hostile corpus graded in ONE batch together with honest submissions: every hostile
 * submission keeps no point it did not earn honestly and is flagged, the batch finishes, nothing
 * leaks out of the sandbox, and the honest submissions get exactly the grades they get alone.
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { runBatch, type BatchResult } from "../../grader/batch/batch";
import { Grader } from "../../grader/engine/grade";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { probeSandbox } from "../../grader/engine/sandbox";
import type { GradeRecord } from "../../grader/engine/types";
import { validateGradescope, validateJUnit } from "../../grader/report/validate";
import { addHonest, addHostile, hostileExpectations, SUITES } from "./support/corpus";

const NETWORK_PORT = 47613;
const HONEST = { solved: 8, partial: 5, empty: 0 };
const expectations = hostileExpectations();
const markers = [
  path.join(os.tmpdir(), "tensorlings-hostile-e09.txt"),
  path.join("/tmp", "tensorlings-hostile-escape.txt"),
  path.join(DEFAULT_KIT_ROOT, "tensorlings-hostile-escape.txt"),
];

let work: string;
let result: BatchResult;
const byId = new Map<string, GradeRecord>();
let suitesBefore: Map<string, string>;
let connections = 0;
let server: net.Server | null = null;

function readTree(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

function forkSurvivors(): number {
  let n = 0;
  for (const p of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      if (fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("tensorlings-hostile-fork")) n++;
    } catch {
      // gone
    }
  }
  return n;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grader-batch-test-"));
  const subs = path.join(work, "submissions");
  fs.mkdirSync(subs);
  addHonest(subs);
  addHostile(subs);
  for (const m of markers) fs.rmSync(m, { force: true });
  suitesBefore = readTree(SUITES);
  server = await new Promise<net.Server | null>((resolve) => {
    const s = net.createServer((sock) => {
      connections++;
      sock.destroy();
    });
    s.once("error", () => resolve(null));
    s.listen(NETWORK_PORT, "127.0.0.1", () => resolve(s));
  });
  result = await runBatch({
    submissions: subs,
    out: path.join(work, "out"),
    tests: SUITES,
    jobs: 2,
    limits: { startupMs: 30_000 },
  });
  for (const r of result.records) byId.set(r.submission.id, r);
}, 400_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(work, { recursive: true, force: true });
});

describe("one batch of hostile and honest submissions", () => {
  it("finishes, grades every submission and exits 0", () => {
    expect(result.exitCode).toBe(0);
    expect(result.records.map((r) => r.submission.id).sort()).toEqual(
      [...Object.keys(HONEST), ...Object.keys(expectations)].sort(),
    );
    for (const r of result.records) expect(r.status).not.toBe("error");
  });

  it("takes every max_score from the manifest", () => {
    for (const r of result.records) {
      expect(r.max_score).toBe(8);
      expect(r.tests).toHaveLength(7);
      expect(r.tests.map((t) => t.max_score)).toEqual([1, 1, 1, 2, 1, 1, 1]);
    }
  });

  it.each(Object.entries(expectations))(
    "%s earns no point it did not earn honestly and is flagged",
    (id, exp) => {
      const r = byId.get(id)!;
      expect(r).toBeDefined();
      expect(r.score).toBeLessThanOrEqual(exp.honest);
      const seen = new Set([...r.flags.map((f) => f.code as string), ...r.scan.map((s) => s.rule)]);
      expect(exp.flagged.filter((c) => seen.has(c))).not.toEqual([]);
    },
  );

  it("keeps the honest part of hostile submissions whose attack only hits some checks", () => {
    for (const id of ["e11-infinite-loop", "memory-bomb", "output-flood", "exit-in-test"]) {
      const r = byId.get(id)!;
      expect(r.tests.filter((t) => t.exercise === 1).map((t) => t.status)).toEqual([
        "passed",
        expect.not.stringMatching(/passed/),
        "passed",
      ]);
      expect(r.score).toBe(2);
    }
    expect(byId.get("e11-infinite-loop")!.tests[1].status).toBe("timeout");
  });

  it("withholds the points of exercises where the framework or the channel was tampered with", () => {
    for (const id of [
      "e05-wrap-test",
      "e06-replace-expect",
      "e08-extend-matchers",
      "clear-errors",
      "forge-channel",
      "answer-oracle",
    ]) {
      expect(byId.get(id)!.flags.some((f) => f.severity === "integrity")).toBe(true);
    }
    expect(byId.get("answer-oracle")!.tests.find((t) => t.id === "ex02.q2")!.status).toBe("integrity-error");
  });

  it("ignores a symlinked exercise file and zip entries that leave the archive", () => {
    expect(byId.get("symlink")!.submission.files).toEqual([]);
    expect(byId.get("zip-slip")!.submission.files).toEqual(["ex01.ts"]);
    expect(byId.get("zip-bomb")!.submission.files).toEqual([]);
    expect(byId.get("zip-bomb-lying-header")!.submission.files).toEqual([]);
  });

  it("gives the honest submissions their expected grades with no flags", () => {
    for (const [id, score] of Object.entries(HONEST)) {
      const r = byId.get(id)!;
      expect(r.score).toBe(score);
      expect(r.flags.filter((f) => f.severity === "integrity")).toEqual([]);
      expect(r.scan).toEqual([]);
    }
  });

  it("gives the honest submissions exactly the grades they get when graded alone", async () => {
    const grader = new Grader({ suitesDir: SUITES, mode: "batch", limits: { startupMs: 30_000 } });
    try {
      for (const id of Object.keys(HONEST)) {
        const alone = await grader.grade({ id, path: path.join(work, "submissions", id), kind: "folder" });
        const inBatch = byId.get(id)!;
        const view = (r: GradeRecord) => ({
          score: r.score,
          tests: r.tests.map((t) => [t.id, t.status, t.score]),
          exercises: r.exercises.map((e) => [e.id, e.status, e.score]),
          seed: r.grader.seed,
          sha: r.submission.sha256,
        });
        expect(view(alone)).toEqual(view(inBatch));
      }
    } finally {
      await grader.close();
    }
  }, 120_000);

  it("lets nothing escape: no files outside, no surviving processes, suites untouched, no network", () => {
    for (const m of markers) expect(fs.existsSync(m)).toBe(false);
    expect(forkSurvivors()).toBe(0);
    expect(readTree(SUITES)).toEqual(suitesBefore);
    if (server && probeSandbox().netns) expect(connections).toBe(0);
  });

  it("writes outputs that validate against their formats", () => {
    const out = path.join(work, "out");
    for (const r of result.records) {
      const gs = JSON.parse(
        fs.readFileSync(path.join(out, "gradescope", r.submission.id, "results.json"), "utf8"),
      );
      expect(validateGradescope(gs)).toEqual([]);
      expect(gs.score).toBe(r.score);
    }
    const xml = fs.readFileSync(path.join(out, "junit.xml"), "utf8");
    expect(validateJUnit(xml)).toEqual([]);
    // The syntax error is an <error>, never silently dropped.
    expect(xml).toMatch(/<testsuite name="e04-syntax-error" tests="7" failures="\d+" errors="3"/);
    const csv = fs.readFileSync(path.join(out, "grades.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(result.records.length + 1);
    expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("| solved | 8/8 |");
    expect(JSON.parse(fs.readFileSync(path.join(out, "errors.json"), "utf8"))).toEqual([]);
  });
});
