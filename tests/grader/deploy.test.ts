/**
 * Deployment (#20 finding 10) and clean outputs (finding 6): the Gradescope image gets production
 * dependencies only, bubblewrap and a sandbox probe; where the sandbox cannot start, Gradescope
 * refuses to grade unless told otherwise and every result says which happened; no test-runner
 * line reaches any output.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { runBatch } from "../../grader/batch/batch";
import { Grader } from "../../grader/engine/grade";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { KIT_DIRS, KIT_FILES, runAutograder, SETUP_SH } from "../../grader/gradescope/build";
import { validateGradescope } from "../../grader/report/validate";
import { addHonest, SOLUTION, SUITES } from "./support/corpus";

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grader-deploy-test-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Folders the autograder zip ships (grader/gradescope/build.ts). */
const SHIPPED = [...KIT_DIRS, ...KIT_FILES.filter((f) => f.endsWith(".ts"))];
/** What the grader loads by path rather than by import: Jest and its transform, the compiler, ts-node, Node's types. */
const TOOLCHAIN = ["jest", "@swc/jest", "@swc/core", "typescript", "ts-node", "@types/node"];

function bareImports(dir: string, into: Set<string>): void {
  const entries = fs.statSync(dir).isDirectory()
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .map((e) => ({ full: path.join(dir, e.name), isDir: e.isDirectory() }))
    : [{ full: dir, isDir: false }];
  for (const { full, isDir } of entries) {
    if (isDir) bareImports(full, into);
    else if (/\.(ts|js)$/.test(full))
      for (const m of fs
        .readFileSync(full, "utf8")
        .matchAll(
          /(?:^|\n)\s*(?:import(?!\s+type)[^;]*?from\s*|export[^;]*?from\s*|require\(\s*|import\(\s*)["']([^"'./][^"']*)["']/g,
        )) {
        const spec = m[1];
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        if (!name.startsWith("node:") && !builtinModules.includes(name) && name !== "tensorlings")
          into.add(name);
      }
  }
}

describe("the Gradescope image", () => {
  it("needs production dependencies only: everything the shipped kit loads is a dependency", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(DEFAULT_KIT_ROOT, "package.json"), "utf8"));
    const needed = new Set(TOOLCHAIN);
    for (const d of SHIPPED) bareImports(path.join(DEFAULT_KIT_ROOT, d), needed);
    expect(needed.has("adm-zip")).toBe(true); // the scan above sees the grader's imports
    const missing = [...needed].filter((n) => !pkg.dependencies[n]).sort();
    expect(missing).toEqual([]);
  });

  it("setup.sh installs bubblewrap and Node 26, runs npm ci --omit=dev and prints the sandbox probe", () => {
    // The zip's layout, with apt-get, curl and npm replaced by stubs that log their arguments.
    const source = path.join(work, "setup", "source");
    const kit = path.join(source, "kit");
    // The entries the shipped zip holds (build.ts's lists); the grader copied, the rest linked.
    for (const entry of [...KIT_FILES, ...KIT_DIRS]) {
      fs.mkdirSync(path.dirname(path.join(kit, entry)), { recursive: true });
      if (entry === "grader")
        fs.cpSync(path.join(DEFAULT_KIT_ROOT, entry), path.join(kit, entry), { recursive: true });
      else fs.symlinkSync(path.join(DEFAULT_KIT_ROOT, entry), path.join(kit, entry));
    }
    fs.symlinkSync(path.join(DEFAULT_KIT_ROOT, "node_modules"), path.join(kit, "node_modules"));
    fs.writeFileSync(path.join(source, "setup.sh"), SETUP_SH, { mode: 0o755 });
    const bin = path.join(work, "setup", "bin");
    const log = path.join(work, "setup", "log");
    fs.mkdirSync(bin);
    for (const tool of ["apt-get", "curl", "npm"])
      fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\n`, { mode: 0o755 });
    const out = execFileSync("bash", [path.join(source, "setup.sh")], {
      env: { ...process.env, PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin` },
      encoding: "utf8",
      timeout: 60_000,
    });
    const calls = fs.readFileSync(log, "utf8").trim().split("\n");
    expect(calls.find((c) => c.startsWith("apt-get install"))).toMatch(/\bbubblewrap\b/);
    if (Number(process.versions.node.split(".")[0]) < 26)
      expect(calls).toContain("curl -fsSL https://deb.nodesource.com/setup_26.x");
    expect(calls.at(-1)).toBe("npm ci --omit=dev --no-audit --no-fund");
    expect(out).toMatch(/^sandbox probe: bubblewrap (starts here|can NOT start here\. .+)$/m);
  }, 90_000);

  it("run_autograder passes --allow-unsandboxed only when the zip was built with it", () => {
    expect(runAutograder()).not.toMatch(/allow-unsandboxed/);
    expect(runAutograder(true)).toMatch(/--results \S+ \\\n {2}--allow-unsandboxed\n/);
  });
});

describe("where the sandbox cannot start", () => {
  /** Runs Gradescope's entry point with a bwrap that fails as in a container without user namespaces. */
  function gradescopeRun(extra: string[]) {
    const bin = path.join(work, "nobwrap");
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(
      path.join(bin, "bwrap"),
      "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n",
      { mode: 0o755 },
    );
    const results = path.join(work, "gs", extra.join("") || "default", "results.json");
    execFileSync(
      process.execPath,
      [
        path.join(DEFAULT_KIT_ROOT, "node_modules", ".bin", "ts-node"),
        path.join(DEFAULT_KIT_ROOT, "grader", "gradescope", "run.ts"),
        ...["--submission", SOLUTION, "--tests", SUITES, "--results", results, ...extra],
      ],
      {
        cwd: DEFAULT_KIT_ROOT,
        env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` },
        stdio: "pipe",
        timeout: 120_000,
      },
    );
    return JSON.parse(fs.readFileSync(results, "utf8"));
  }

  it("Gradescope refuses by default and tells the student their code was not run", () => {
    const r = gradescopeRun([]);
    expect(validateGradescope(r)).toEqual([]);
    expect(r.score).toBe(0);
    expect(r.tests).toEqual([]);
    expect(r.output).toMatch(/Your code was NOT run: .*sandbox could not start/);
    expect(r.extra_data.sandbox).toBe("could not start");
  }, 120_000);

  it("with --allow-unsandboxed it grades, and the summary and every test's output say so", () => {
    const r = gradescopeRun(["--allow-unsandboxed"]);
    expect(validateGradescope(r)).toEqual([]);
    expect(r.score).toBe(8);
    expect(r.output).toMatch(/graded WITHOUT the sandbox \(bubblewrap could not start here\)/);
    expect(r.tests.length).toBeGreaterThan(3);
    for (const t of r.tests) expect(t.output).toMatch(/\(graded WITHOUT the sandbox/);
  }, 120_000);

  it("a batch record graded with --no-sandbox says so in its summary and sandbox field", async () => {
    const grader = new Grader({ suitesDir: SUITES, mode: "batch", sandbox: "off" });
    try {
      const rec = await grader.grade({ id: "solved", path: SOLUTION, kind: "folder" }, { exercises: [1] });
      expect(rec.output).toMatch(/graded WITHOUT the sandbox \(--no-sandbox\)$/);
      expect(rec.grader.sandbox).toEqual({
        sandboxed: false,
        note: "graded WITHOUT the sandbox (--no-sandbox)",
      });
    } finally {
      await grader.close();
    }
  }, 120_000);
});

describe("outputs of a graded class", () => {
  it("hold no test-runner lines (Jest's force-exit notice, its run summary)", async () => {
    const subs = path.join(work, "class");
    const out = path.join(work, "class-out");
    fs.mkdirSync(subs);
    addHonest(subs, true);
    const result = await runBatch({ submissions: subs, out, tests: SUITES, jobs: 1 });
    expect(result.records.map((r) => r.score).sort()).toEqual([0, 0, 5, 8]);
    const noise =
      /Force exiting Jest|detectOpenHandles|Jest did not exit|worker process has failed to exit|Test Suites:|Ran all test suites|Snapshots:|Time:\s+\d/;
    const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) =>
      fs.statSync(path.join(out, f)).isFile(),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = fs.readFileSync(path.join(out, f), "utf8");
      expect({ file: f, noise: text.match(noise)?.[0] ?? null }).toEqual({ file: f, noise: null });
    }
  }, 240_000);
});
