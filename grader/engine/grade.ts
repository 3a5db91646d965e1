/**
 * The grading engine: (pristine kit, suites + manifest, submission, options) -> one GradeRecord.
 * Learner mode and batch mode both go through `Grader.grade`; only the options differ.
 */
import { createHash } from "crypto";
import * as path from "path";
import {
  exerciseMaxScore,
  isFolderExercise,
  loadManifest,
  type Manifest,
  type ManifestExercise,
} from "../manifest";
import { exerciseKey, kitHash, ResultCache } from "./cache";
import { exerciseResults, makeResult, testLimitMs } from "./interpret";
import { kitPaths, type KitPaths } from "./kit";
import { onShutdown } from "./lifecycle";
import { runSuites, type ReporterRecord } from "./runner";
import { DEFAULT_SANDBOX_LIMITS, giveScratch, launchSpec, probeSandbox } from "./sandbox/launch";
import { scanFiles } from "./scan";
import { loadSubmission, type LoadedSubmission, type SubmissionSource } from "./submission";
import { TypeChecker, type TypeCheckResult } from "./typecheck";
import type {
  Diagnostic,
  ExerciseResult,
  ExerciseStatus,
  Flag,
  GradeRecord,
  SandboxInfo,
  TestResult,
} from "./types";
import {
  makeWorkRoot,
  removeRun,
  sha256,
  snapshotSuites,
  traversable,
  type SuitesSnapshot,
} from "./workspace";
import type { RunDescriptor } from "../harness/descriptor";
import * as fs from "fs";

export interface EngineLimits {
  /** Time for Jest to start and load the suite. */
  startupMs: number;
  /** Extra wall-clock time past a test's own limit before its process is killed. */
  graceMs: number;
  /** stdout+stderr a suite run may print before it is stopped. */
  outputBytes: number;
  /** Overrides every test's time limit (`--test-timeout`). */
  testTimeoutMs?: number;
  /** Overrides every exercise's memory cap. */
  memoryMb?: number;
  /** Total time for one submission (`--submission-timeout`). */
  submissionTimeoutMs: number;
  /** Time limit for the type check of one submission. */
  typecheckMs: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  startupMs: 60_000,
  graceMs: 1000,
  outputBytes: 1024 * 1024,
  submissionTimeoutMs: 30 * 60_000,
  typecheckMs: 120_000,
};

export interface GraderOptions {
  /** The pristine kit providing the toolchain, `tensorlings` and the grader (default: this kit). */
  kitRoot?: string;
  suitesDir: string;
  mode: "learner" | "batch";
  limits?: Partial<EngineLimits>;
  /** Fixed seed for every submission (default: derived from the student id and tests hash). */
  seed?: number;
  /** Parent folder for run folders (default: the OS temp folder). */
  workBase?: string;
  keepRuns?: boolean;
  /** Run the type check and the suites at the same time (good for one learner, wasteful in a batch). */
  overlapTypecheck?: boolean;
  /**
   * Run learner code in the bubblewrap sandbox: "require" (batch default: refuse to start without
   * it), "prefer" (learner default: use it when it starts here), or "off" (`--no-sandbox`).
   */
  sandbox?: "require" | "prefer" | "off";
  /** Learner mode: reuse an exercise's last results while its files, suite and the kit are unchanged. */
  cacheDir?: string;
}

/** Thrown by the Grader's constructor when batch mode needs the sandbox and it cannot start. */
export class SandboxUnavailable extends Error {
  override name = "SandboxUnavailable";
}

export interface GradeCallOptions {
  exercises?: number[];
  onExercise?: (r: ExerciseResult, tests: TestResult[]) => void;
  /** Called for every check as it finishes. */
  onCheck?: (exercise: number, name: string, status: string) => void;
}

export class Grader {
  readonly kit: KitPaths;
  readonly manifest: Manifest;
  readonly sandbox: SandboxInfo;
  readonly limits: EngineLimits;
  private readonly checker: TypeChecker;
  private readonly workRoot: string;
  private readonly suites: SuitesSnapshot;
  private readonly stopCleanup: () => void;
  private readonly cache: ResultCache | null;
  private kitDigest: string | null = null;

  constructor(readonly options: GraderOptions) {
    this.kit = kitPaths(options.kitRoot);
    this.manifest = loadManifest(options.suitesDir);
    this.sandbox = decideSandbox(options.sandbox ?? (options.mode === "batch" ? "require" : "prefer"));
    this.limits = { ...DEFAULT_LIMITS, ...stripUndefined(options.limits ?? {}) };
    this.checker = new TypeChecker(this.kit, this.limits.typecheckMs);
    // Suites are read once: a later change on disk cannot affect this grading session.
    this.suites = snapshotSuites(
      this.manifest.dir,
      this.manifest.exercises.map((e) => e.suite),
    );
    this.workRoot = makeWorkRoot(options.workBase);
    this.stopCleanup = onShutdown(() => removeRun(this.workRoot));
    this.cache = options.cacheDir ? new ResultCache(options.cacheDir) : null;
  }

  async close(): Promise<void> {
    await this.checker.close();
    this.stopCleanup();
    if (!this.options.keepRuns) removeRun(this.workRoot);
  }

  /** Grades one submission; never throws for anything the submission does. */
  async grade(input: SubmissionSource | LoadedSubmission, call: GradeCallOptions = {}): Promise<GradeRecord> {
    const t0 = Date.now();
    let loaded: LoadedSubmission;
    try {
      loaded = "files" in input ? input : loadSubmission(input, this.manifest, this.kit.root);
    } catch (e) {
      const source = "files" in input ? input.source : input;
      return this.errorRecord(source, `could not read the submission: ${(e as Error).message}`, t0);
    }
    try {
      return await this.gradeLoaded(loaded, call, t0);
    } catch (e) {
      return this.errorRecord(loaded.source, `grading failed: ${(e as Error).stack ?? e}`, t0);
    }
  }

  private async gradeLoaded(
    loaded: LoadedSubmission,
    call: GradeCallOptions,
    t0: number,
  ): Promise<GradeRecord> {
    const { manifest } = this;
    const selected = manifest.exercises.filter((e) => !call.exercises || call.exercises.includes(e.id));
    const seed = this.options.seed ?? seedFor(loaded.source.id, manifest.testsHash);
    const deadline = t0 + this.limits.submissionTimeoutMs;
    const flags: Flag[] = [...loaded.flags];
    const scan = scanFiles(
      loaded.files,
      (rel) => manifest.exercises.find((ex) => ownedBy(ex, rel))?.scanAllow ?? [],
    );
    const keyOf = this.cacheKeys(loaded, seed);
    const cached = new Map(
      selected.flatMap((ex) => {
        const hit = this.cache?.get(ex.id, keyOf(ex));
        return hit ? [[ex.id, hit] as const] : [];
      }),
    );
    const fresh = selected.filter((ex) => !cached.has(ex.id));
    const typing: Promise<TypeCheckResult> = fresh.length
      ? this.checker.check(loaded.files)
      : Promise.resolve({ diagnostics: [...cached.values()].flatMap((c) => c.diagnostics) });
    if (!this.options.overlapTypecheck) await typing;
    const subDir = makeWorkRoot(this.workRoot);
    try {
      const gated = new Map<number, Diagnostic[]>();
      if (!this.options.overlapTypecheck)
        for (const ex of fresh) {
          const diags = this.diagnosticsOf(ex, await typing);
          if (diags && ex.typecheck === "gate") gated.set(ex.id, diags);
        }
      const runnable = fresh.filter((ex) => hasFiles(ex, loaded) && !gated.has(ex.id));
      const records = await this.runExercises(runnable, loaded.files, subDir, seed, deadline, call);

      const typed = await typing;
      if (typed.problem) flags.push({ code: "type-error", severity: "incident", message: typed.problem });
      const perExercise = selected.map((ex) => {
        const diags = this.diagnosticsOf(ex, typed);
        const r = cached.get(ex.id) ?? this.exerciseRecord(ex, loaded, records.get(ex.id), diags);
        if (!cached.has(ex.id) && r.exercise.status !== "error")
          this.cache?.put(ex.id, { key: keyOf(ex), ...r, diagnostics: diags ?? [] });
        call.onExercise?.(r.exercise, r.tests);
        return r;
      });
      const tests = perExercise.flatMap((r) => r.tests);
      for (const r of perExercise) flags.push(...r.flags);
      const score = round(tests.reduce((s, t) => s + t.score, 0));
      const max = round(selected.reduce((s, e) => s + exerciseMaxScore(e), 0));
      return {
        schemaVersion: 1,
        submission: {
          id: loaded.source.id,
          sha256: submissionHash(loaded.files),
          source: path.basename(loaded.source.path),
          root: loaded.root,
          files: [...loaded.files.keys()].sort(),
        },
        grader: this.graderInfo(seed),
        status: score === max ? "pass" : "fail",
        score,
        max_score: max,
        execution_time: round((Date.now() - t0) / 1000),
        output: summaryLine(score, max, tests, flags, this.sandbox),
        exercises: perExercise.map((r) => r.exercise),
        tests,
        flags,
        scan,
        diagnostics: typed.diagnostics,
        graded_at: new Date().toISOString(),
      };
    } finally {
      if (!this.options.keepRuns) removeRun(subDir);
    }
  }

  private cacheKeys(loaded: LoadedSubmission, seed: number): (ex: ManifestExercise) => string {
    if (!this.cache) return () => "";
    this.kitDigest ??= kitHash(this.kit);
    const context = {
      kit: this.kitDigest,
      testsHash: this.manifest.testsHash,
      seed,
      sandboxed: this.sandbox.sandboxed,
    };
    return (ex) => exerciseKey(ex, loaded.files, this.suites, context);
  }

  private diagnosticsOf(ex: ManifestExercise, typed: TypeCheckResult): Diagnostic[] | null {
    if (ex.typecheck === "off") return null;
    const diags = typed.diagnostics.filter((d) => ownedBy(ex, d.file));
    return diags.length ? diags : null;
  }

  /**
   * Runs the suites of `exercises` in one trusted test process, each against a fresh learner
   * process of its own. A suite the process never reached (it was stopped in an earlier one)
   * runs again in a new process; one it was stopped in keeps what it finished.
   */
  private async runExercises(
    exercises: ManifestExercise[],
    files: Map<string, Buffer>,
    subDir: string,
    seed: number,
    deadline: number,
    call: GradeCallOptions,
  ): Promise<Map<number, { records: ReporterRecord[]; stopped: string | null }>> {
    const out = new Map<number, { records: ReporterRecord[]; stopped: string | null }>();
    let pending = exercises;
    for (let attempt = 0; pending.length > 0 && attempt < 3; attempt++) {
      const runDir = traversable(fs.mkdtempSync(path.join(subDir, `run${attempt}-`)));
      const descriptor: RunDescriptor = {
        seed,
        startupMs: this.limits.startupMs,
        suites: {},
      };
      for (const ex of pending) {
        const scratch = path.join(runDir, `ex${ex.id}`);
        for (const sub of ["submission", "tmp", "home"])
          fs.mkdirSync(path.join(scratch, sub), { recursive: true });
        for (const [rel, data] of files) {
          const target = path.join(scratch, "submission", rel);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, data);
        }
        giveScratch(scratch, this.sandbox.sandboxed, this.kit.root);
        const limits: Record<string, number> = {};
        for (const t of ex.tests) limits[t.id] = testLimitMs(ex, t, this.limits.testTimeoutMs);
        descriptor.suites[path.basename(ex.suite)] = {
          exercise: ex.id,
          scratch,
          limits,
          defaultMs: this.limits.testTimeoutMs ?? ex.timeoutMs,
          answers: ex.answers,
          launch: launchSpec({
            kitRoot: this.kit.root,
            scratch,
            sandbox: this.sandbox.sandboxed,
            seed,
            limits: { ...DEFAULT_SANDBOX_LIMITS, memoryMb: this.limits.memoryMb ?? ex.memoryMb },
          }),
        };
      }
      writeSuites(path.join(runDir, "suites"), this.suites, pending);
      const byFile = new Map(pending.map((ex) => [path.basename(ex.suite), ex]));
      const longest = Math.max(
        ...pending.flatMap((ex) => ex.tests.map((t) => testLimitMs(ex, t, this.limits.testTimeoutMs))),
      );
      const budget =
        this.limits.startupMs +
        pending.reduce(
          (s, ex) =>
            s +
            ex.tests.reduce(
              (a, t) => a + testLimitMs(ex, t, this.limits.testTimeoutMs) + this.limits.graceMs,
              0,
            ),
          0,
        );
      const outcome = await runSuites({
        kit: this.kit,
        runDir,
        suiteFiles: [...byFile.keys()],
        descriptor,
        testTimeoutMs: longest + this.limits.graceMs,
        deadline: Math.min(deadline, Date.now() + budget),
        outputBytes: this.limits.outputBytes,
        onRecord: (r) => {
          const ex = byFile.get(r.file);
          if (ex && r.t === "test") call.onCheck?.(ex.id, r.name, r.status);
        },
      });
      const stopped =
        outcome.killed === "deadline"
          ? "the grader's time for this submission ran out"
          : outcome.killed === "output"
            ? "the checks printed more output than the grader accepts"
            : `the test process ended unexpectedly (${outcome.signal ?? `exit code ${outcome.exitCode}`})`;
      const next: ManifestExercise[] = [];
      for (const [file, ex] of byFile) {
        const records = outcome.records.filter((r) => r.file === file);
        if (records.length === 0 && outcome.killed !== "deadline" && Date.now() < deadline) {
          next.push(ex);
          continue;
        }
        const done = records.some((r) => r.t === "file");
        out.set(ex.id, { records, stopped: done ? null : stopped });
      }
      if (!this.options.keepRuns) removeRun(runDir);
      pending = next;
    }
    for (const ex of pending)
      out.set(ex.id, { records: [], stopped: "the test process could not run this suite" });
    return out;
  }

  private exerciseRecord(
    ex: ManifestExercise,
    loaded: LoadedSubmission,
    run: { records: ReporterRecord[]; stopped: string | null } | undefined,
    diags: Diagnostic[] | null,
  ): { exercise: ExerciseResult; tests: TestResult[]; flags: Flag[] } {
    const flags: Flag[] = [];
    let tests: TestResult[];
    let status: ExerciseStatus | null = null;
    const syntax = diags?.some((d) => d.kind === "syntax") ?? false;
    if (!hasFiles(ex, loaded)) {
      tests = ex.tests.map((t) => makeResult(ex, t, "failed", `${ex.file} was not found in the submission`));
      status = "missing";
    } else if (diags && ex.typecheck === "gate") {
      const what = syntax ? "syntax" : "type";
      tests = ex.tests.map((t) =>
        makeResult(
          ex,
          t,
          "type-error",
          `${what} errors in ${ex.file}; fix them first:\n${formatDiagnostics(diags)}`,
        ),
      );
      status = "type-error";
    } else {
      const r = exerciseResults(ex, run?.records ?? [], run?.stopped ?? "the suite did not run");
      tests = r.tests;
      flags.push(...r.flags);
    }
    if (diags)
      flags.push({
        code: syntax ? "syntax-error" : "type-error",
        severity: "incident",
        exercise: ex.id,
        message: `${diags.length} ${syntax ? "syntax" : "type"} error(s) in ${ex.file}`,
      });
    const score = round(tests.reduce((s, t) => s + t.score, 0));
    const max = exerciseMaxScore(ex);
    status ??=
      score === max && max > 0
        ? "passed"
        : tests.some((t) => t.status === "passed")
          ? "partial"
          : tests.every((t) => t.status === "error")
            ? "error"
            : "failed";
    const duration = tests.reduce((s, t) => s + t.duration_ms, 0);
    return {
      exercise: {
        id: ex.id,
        slug: ex.slug,
        title: ex.title,
        file: ex.file,
        status,
        score,
        max_score: max,
        duration_ms: duration,
        output: "",
      },
      tests,
      flags,
    };
  }

  private graderInfo(seed: number): GradeRecord["grader"] {
    return {
      version: this.kit.version,
      testsHash: this.manifest.testsHash,
      node: process.versions.node,
      seed,
      mode: this.options.mode,
      sandbox: this.sandbox,
    };
  }

  private errorRecord(source: SubmissionSource, error: string, t0: number): GradeRecord {
    const tests: TestResult[] = this.manifest.exercises.flatMap((ex) =>
      ex.tests.map((t) => ({
        id: t.id,
        exercise: ex.id,
        name: t.name,
        status: "error" as const,
        score: 0,
        max_score: t.points,
        visibility: t.visibility,
        message: "not graded: the grader failed (see the instructor)",
        duration_ms: 0,
      })),
    );
    return {
      schemaVersion: 1,
      submission: { id: source.id, sha256: "", source: path.basename(source.path), root: null, files: [] },
      grader: this.graderInfo(this.options.seed ?? 0),
      status: "error",
      score: 0,
      max_score: round(this.manifest.exercises.reduce((s, e) => s + exerciseMaxScore(e), 0)),
      execution_time: round((Date.now() - t0) / 1000),
      output: "This submission could not be graded because of a grader problem.",
      exercises: this.manifest.exercises.map((ex) => ({
        id: ex.id,
        slug: ex.slug,
        title: ex.title,
        file: ex.file,
        status: "error",
        score: 0,
        max_score: exerciseMaxScore(ex),
        duration_ms: 0,
        output: "",
      })),
      tests,
      flags: [],
      scan: [],
      diagnostics: [],
      graded_at: new Date().toISOString(),
      error,
    };
  }
}

/** Whether a submission-relative path belongs to an exercise. */
export function ownedBy(ex: ManifestExercise, rel: string): boolean {
  return isFolderExercise(ex) ? rel.startsWith(ex.file) : rel === ex.file;
}

export function formatDiagnostics(diags: Diagnostic[], max = 8): string {
  const lines = diags
    .slice(0, max)
    .map(
      (d) => `  ${d.file}:${d.line}:${d.column} - error TS${d.code}: ${d.message.split("\n").join("\n    ")}`,
    );
  if (diags.length > max) lines.push(`  … and ${diags.length - max} more`);
  return lines.join("\n");
}

export function seedFor(studentId: string, testsHash: string): number {
  return parseInt(createHash("sha256").update(`${studentId}\0${testsHash}`).digest("hex").slice(0, 7), 16);
}

export function submissionHash(files: Map<string, Buffer>): string {
  const h = createHash("sha256");
  for (const rel of [...files.keys()].sort()) h.update(`${rel}\0${sha256(files.get(rel)!)}\0`);
  return h.digest("hex");
}

function summaryLine(
  score: number,
  max: number,
  tests: TestResult[],
  flags: Flag[],
  sandbox: SandboxInfo,
): string {
  const passed = tests.filter((t) => t.status === "passed").length;
  const integrity = flags.filter((f) => f.severity === "integrity").length;
  return (
    `${score}/${max} points; ${passed} of ${tests.length} checks passed` +
    (integrity ? `; ${integrity} integrity problem(s)` : "") +
    (sandbox.sandboxed ? "" : `; ${sandbox.note}`)
  );
}

/** Whether learner code runs sandboxed; refuses (batch default) when the sandbox cannot start. */
function decideSandbox(want: "require" | "prefer" | "off"): SandboxInfo {
  if (want === "off" || process.env.TENSORLINGS_SANDBOX === "none")
    return { sandboxed: false, note: "graded WITHOUT the sandbox (--no-sandbox)" };
  const probe = probeSandbox();
  if (!probe.problem) return { sandboxed: true, note: "bubblewrap" };
  if (want === "require") throw new SandboxUnavailable(probe.problem);
  return { sandboxed: false, note: "graded WITHOUT the sandbox (bubblewrap could not start here)" };
}

function hasFiles(ex: ManifestExercise, loaded: LoadedSubmission): boolean {
  return [...loaded.files.keys()].some((rel) => ownedBy(ex, rel));
}

/** The suites of `exercises` and the suites folder's `support/`, from the snapshot taken at start. */
function writeSuites(dir: string, suites: SuitesSnapshot, exercises: ManifestExercise[]): void {
  const wanted = new Set(exercises.map((e) => e.suite));
  for (const [rel, data] of suites) {
    if (!wanted.has(rel) && !rel.startsWith("support/")) continue;
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
