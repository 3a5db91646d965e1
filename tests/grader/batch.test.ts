/**
 * The hostile corpus graded in ONE batch together with honest submissions, with a PRIVATE --tests
 * folder whose suites carry a marker. Learner code runs only in its own bubblewrap sandbox, so
 * every attack simply has no effect: each hostile submission gets exactly what its code earns
 * honestly, the honest ones keep their grades, the marker (the suites' text) appears in no output,
 * the kit is byte-identical afterwards, a canary file outside the sandbox is neither read nor
 * written, nothing a submission started outlives the batch, and every output is clean (no
 * terminal control sequences, no absolute paths, no Markdown mention).
 *
 * It runs only where the sandbox can start (`probeSandbox().problem` says why not): graded
 * unsandboxed, this corpus would attack the machine running the tests.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { runBatch, type BatchResult } from "../../grader/batch/batch";
import { Grader } from "../../grader/engine/grade";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { probeSandbox } from "../../grader/engine/sandbox/launch";
import type { GradeRecord } from "../../grader/engine/types";
import { validateGradescope, validateJUnit } from "../../grader/report/validate";
import {
  addHonest,
  addHostile,
  hashTree,
  hostileExpectations,
  privateTests,
  processesWith,
  readAll,
} from "./support/corpus";

const NETWORK_PORT = 47613;
const HONEST = { solved: 8, partial: 5, empty: 0 };
const expectations = hostileExpectations();
/** Files that submissions try to create outside their sandbox. */
const escapes = [
  path.join(os.tmpdir(), "tensorlings-hostile-e09.txt"),
  path.join("/tmp", "tensorlings-hostile-escape.txt"),
  path.join(DEFAULT_KIT_ROOT, "tensorlings-hostile-escape.txt"),
  path.join(DEFAULT_KIT_ROOT, "tensorlings-hostile-planted.txt"),
  path.join(DEFAULT_KIT_ROOT, "src", "planted.ts"),
];
/** Command-line markers of processes hostile submissions leave behind. */
const LEFTOVERS = ["tensorlings-hostile-fork", "tensorlings-hostile-detached"];
/** The kit as the sandbox sees it (read-only there) and the grader itself. */
const KIT_PARTS = ["package.json", "src", "datasets", "grader"];
// The public suites are not used by this batch (it has its own private folder) and are edited
// by suite authors while this test may run; everything else of the kit must stay byte-identical.
const notUsedHere = (rel: string) => rel === path.join("grader", "suites");

const sandbox = probeSandbox();
const describeSandboxed = sandbox.problem ? describe.skip : describe;
if (sandbox.problem)
  console.warn(
    `batch.test.ts: the hostile corpus is not graded here, the sandbox cannot start: ${sandbox.problem}`,
  );

let work: string;
let out: string;
let tests: string;
let result: BatchResult;
const byId = new Map<string, GradeRecord>();
const marker = `MARKER-${randomBytes(3).toString("hex")}`;
const canary = {
  file: path.join(os.tmpdir(), `tensorlings-canary-${randomBytes(4).toString("hex")}.txt`),
  secret: `CANARY-${randomBytes(8).toString("hex")}`,
};
let kitBefore: Map<string, string>;
let kitListingBefore: string[];
let outputsAfter: Map<string, string>;
let connections = 0;
let server: net.Server | null = null;

beforeAll(async () => {
  if (sandbox.problem) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grader-batch-test-"));
  out = path.join(work, "out");
  tests = privateTests(path.join(work, "tests"), marker);
  const subs = path.join(work, "submissions");
  fs.mkdirSync(subs);
  addHonest(subs);
  addHostile(subs);
  for (const m of escapes) fs.rmSync(m, { force: true });
  fs.writeFileSync(canary.file, canary.secret, { mode: 0o644 });
  kitBefore = hashTree(DEFAULT_KIT_ROOT, KIT_PARTS, notUsedHere);
  kitListingBefore = fs.readdirSync(DEFAULT_KIT_ROOT).sort();
  server = await new Promise<net.Server | null>((resolve) => {
    const s = net.createServer((sock) => {
      connections++;
      sock.destroy();
    });
    s.once("error", () => resolve(null));
    s.listen(NETWORK_PORT, "127.0.0.1", () => resolve(s));
  });
  result = await runBatch({ submissions: subs, out, tests, jobs: 2, limits: { startupMs: 30_000 } });
  for (const r of result.records) byId.set(r.submission.id, r);
  outputsAfter = readAll(out);
}, 900_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (work) fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(canary.file, { force: true });
});

/** Every string of a JSON value, with where it is. */
function strings(v: unknown, where: string, acc: [string, string][] = []): [string, string][] {
  if (typeof v === "string") acc.push([where, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${where}[${i}]`, acc));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) strings(x, `${where}.${k}`, acc);
  return acc;
}

/** Every output file's text, plus each string inside the JSON ones (escapes decoded). */
function outputTexts(): [string, string][] {
  const texts: [string, string][] = [];
  for (const [file, text] of outputsAfter) {
    texts.push([file, text]);
    if (file.endsWith(".json")) strings(JSON.parse(text), file, texts);
  }
  return texts;
}

describeSandboxed("one batch of hostile and honest submissions, with private suites", () => {
  it("finishes, grades every submission in the sandbox and exits 0", () => {
    expect(result.exitCode).toBe(0);
    expect(result.records.map((r) => r.submission.id).sort()).toEqual(
      [...Object.keys(HONEST), ...Object.keys(expectations)].sort(),
    );
    for (const r of result.records) {
      expect(r.status).not.toBe("error");
      expect(r.grader.sandbox.sandboxed).toBe(true);
    }
    expect(JSON.parse(outputsAfter.get("errors.json")!)).toEqual([]);
  });

  it("takes every max_score from the manifest", () => {
    for (const r of result.records) {
      expect(r.max_score).toBe(8);
      expect(r.tests).toHaveLength(7);
      expect(r.tests.map((t) => t.max_score)).toEqual([1, 1, 1, 2, 1, 1, 1]);
    }
  });

  it.each(Object.entries(expectations))("%s earns exactly what it earns honestly", (id, exp) => {
    const r = byId.get(id)!;
    expect(r).toBeDefined();
    const view = (score: number) => ({ id, score, tests: r.tests.map((t) => `${t.id} ${t.status}`) });
    expect(view(r.score)).toEqual(view(exp.honest));
    const seen = new Set([...r.flags.map((f) => f.code as string), ...r.scan.map((s) => s.rule)]);
    expect(exp.flagged.filter((c) => !seen.has(c))).toEqual([]);
    // Nothing is an integrity problem any more: an attack has no effect to withhold points for.
    expect(r.flags.filter((f) => f.severity === "integrity")).toEqual([]);
  });

  it("gives the honest submissions their grades with no flags", () => {
    for (const [id, score] of Object.entries(HONEST)) {
      const r = byId.get(id)!;
      expect({ id, score: r.score }).toEqual({ id, score });
      // Several submissions of this corpus carry the same copy of the solution: those notes are right.
      const shared = ["identical-submission", "matches-solution", "matches-starter"];
      expect(r.flags.filter((f) => !shared.includes(f.code))).toEqual([]);
      expect(r.scan).toEqual([]);
    }
  });

  it("charges a check that never returns one time-out: the exercise's later checks are not run, other exercises are graded", () => {
    const ex01 = (id: string) => byId.get(id)!.tests.filter((t) => t.exercise === 1);
    const loop = ex01("loop-first-check");
    expect(loop.map((t) => t.status)).toEqual(["timeout", "error", "error"]);
    for (const t of loop.slice(1)) expect(t.message).toMatch(/^not run/);
    expect(
      byId
        .get("loop-first-check")!
        .tests.filter((t) => t.exercise !== 1)
        .map((t) => t.status),
    ).toEqual(Array(4).fill("passed"));
    // A hang, a memory bomb, an output flood and an exit in the second check: the first check
    // keeps its point, the second fails, the third is not run.
    for (const id of ["e11-infinite-loop", "memory-bomb", "output-flood", "exit-in-test"]) {
      const [t1, t2, t3] = ex01(id);
      expect([id, t1.status]).toEqual([id, "passed"]);
      expect([id, t2.status]).toEqual([id, expect.not.stringMatching(/passed/)]);
      expect([id, t3.status, t3.message]).toEqual([id, "error", expect.stringMatching(/^not run/)]);
    }
    expect(ex01("e11-infinite-loop")[1].status).toBe("timeout");
    expect(ex01("output-flood")[1].status).toBe("timeout");
  });

  it("refuses values the data channel cannot carry as plain failures", () => {
    // A cycle; forged answers 100 000 levels deep and with a 10^15-element shape; a throwing
    // getter; a throwing Proxy; 70 MiB; an object 100 000 levels deep.
    const r = byId.get("hostile-values")!;
    expect(r.tests.map((t) => [t.id, t.status])).toEqual(r.tests.map((t) => [t.id, "failed"]));
    for (const t of r.tests) expect(t.message).not.toBe("");
    const thrown = byId.get("toprimitive-throws")!;
    expect(thrown.tests.filter((t) => t.exercise === 1).map((t) => t.status)).toEqual([
      "failed",
      "failed",
      "failed",
    ]);
  });

  it("finds no secret in the learner's own heap", () => {
    const t = byId.get("heap-snapshot")!.tests.find((x) => x.id === "ex03.t1")!;
    expect(t.status).not.toBe("passed");
    expect(t.message).not.toMatch(/found:/);
  });

  it("ignores a symlinked exercise file and zip entries that leave the archive", () => {
    expect(byId.get("symlink")!.submission.files).toEqual([]);
    expect(byId.get("zip-slip")!.submission.files).toEqual(["ex01.ts"]);
    expect(byId.get("zip-bomb")!.submission.files).toEqual([]);
    expect(byId.get("zip-bomb-lying-header")!.submission.files).toEqual([]);
  });

  it("gives the honest submissions exactly the grades they get when graded alone", async () => {
    const grader = new Grader({ suitesDir: tests, mode: "batch", limits: { startupMs: 30_000 } });
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
  }, 300_000);

  it("leaves the kit byte-identical and creates no file outside the sandbox", () => {
    const kitAfter = hashTree(DEFAULT_KIT_ROOT, KIT_PARTS, notUsedHere);
    const changed = [...new Set([...kitBefore.keys(), ...kitAfter.keys()])].filter(
      (f) => kitBefore.get(f) !== kitAfter.get(f),
    );
    expect(changed).toEqual([]);
    expect(fs.readdirSync(DEFAULT_KIT_ROOT).sort()).toEqual(kitListingBefore);
    for (const m of escapes) expect([m, fs.existsSync(m)]).toEqual([m, false]);
  });

  it("neither writes nor reads the canary outside the sandbox", () => {
    expect(fs.readFileSync(canary.file, "utf8")).toBe(canary.secret);
    for (const [where, text] of outputTexts())
      expect([where, text.includes(canary.secret)]).toEqual([where, false]);
  });

  it("never shows the private suites' text: the marker is in no output", () => {
    for (const [where, text] of outputTexts()) expect([where, text.includes(marker)]).toEqual([where, false]);
    for (const r of result.records)
      for (const t of r.tests)
        expect([r.submission.id, t.id, t.message.includes(marker)]).toEqual([r.submission.id, t.id, false]);
  });

  it("leaves no process behind, and nothing changes the reports after the batch", async () => {
    for (const m of LEFTOVERS) expect([m, processesWith(m)]).toEqual([m, []]);
    // The detached rewriter would start rewriting 2 s after it started, every second.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const now = readAll(out);
    expect([...now.keys()].sort()).toEqual([...outputsAfter.keys()].sort());
    for (const [file, text] of now) expect([file, text === outputsAfter.get(file)]).toEqual([file, true]);
    for (const m of LEFTOVERS) expect([m, processesWith(m)]).toEqual([m, []]);
  });

  it("lets nothing reach the network", () => {
    if (server) expect(connections).toBe(0);
  });

  it("keeps terminal control sequences out of every output", () => {
    // Tab and newline are fine; every other C0 control, DEL and the C1 controls are not.
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const [where, text] of outputTexts())
      expect([where, control.exec(text)?.[0]]).toEqual([where, undefined]);
    expect(outputsAfter.get("junit.xml")).not.toMatch(/&#x?0*(1b|27|7|9b|155);/i);
    // The messages still say what happened, without the sequences.
    const t1 = byId.get("escape-sequences")!.tests[0];
    expect(t1.status).toBe("failed");
    expect(t1.message).toContain("escape sequences");
  });

  it("shows no absolute path of the host in any output", () => {
    // (Sandbox paths such as /tmp/x or /opt/tensorlings/src are not the host's: a learner may print them.)
    const hostPaths = [work, fs.realpathSync(work), DEFAULT_KIT_ROOT].filter((p) => p !== "/");
    // An absolute path to a grader work folder (in whatever temp folder). Shown relative to the
    // batch's work folder, a path is no longer absolute.
    const runFolder = /(?:^|[\s'"(=:])\/(?:[^\s/'"]+\/)*tensorlings-grade-[A-Za-z0-9]{6}/m;
    for (const [where, text] of outputTexts()) {
      expect([where, hostPaths.filter((p) => text.includes(`${p}/`))]).toEqual([where, []]);
      expect([where, runFolder.exec(text)?.[0]]).toEqual([where, undefined]);
    }
  });

  it("does not turn a folder named @octocat into a mention in summary.md", () => {
    const md = outputsAfter.get("summary.md")!;
    expect(md).toMatch(/octocat/);
    // A mention is "@name" in plain text; inside a code span or broken up it is not one.
    expect(md).not.toMatch(/(^|[^`\w])@octocat/m);
    expect(byId.get("@octocat")!.score).toBe(3);
  });

  it("writes outputs that validate against their formats", () => {
    for (const r of result.records) {
      const gs = JSON.parse(outputsAfter.get(path.join("gradescope", r.submission.id, "results.json"))!);
      expect(validateGradescope(gs)).toEqual([]);
      expect(gs.score).toBe(r.score);
    }
    const xml = outputsAfter.get("junit.xml")!;
    expect(validateJUnit(xml)).toEqual([]);
    // The syntax error is an <error>, never silently dropped.
    expect(xml).toMatch(/<testsuite name="e04-syntax-error" tests="7" failures="\d+" errors="3"/);
    const csv = outputsAfter.get("grades.csv")!.trim().split("\n");
    expect(csv).toHaveLength(result.records.length + 1);
    expect(outputsAfter.get("summary.md")).toContain("| solved | 8/8 |");
  });
});
