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
import { applyAttempt, newExerciseState, testLimitMs, withholdOnIntegrity } from "./interpret";
import { kitPaths, type KitPaths } from "./kit";
import { runSuite, type ChildEvent } from "./runner";
import { probeSandbox, type Sandbox } from "./sandbox";
import { scanFiles } from "./scan";
import { loadSubmission, type LoadedSubmission, type SubmissionSource } from "./submission";
import { TypeChecker, type TypeCheckResult } from "./typecheck";
import type { Diagnostic, ExerciseResult, ExerciseStatus, Flag, GradeRecord, TestResult } from "./types";
import { TreeGuard } from "./guard";
import {
  makeWorkRoot,
  prepareRun,
  removeRun,
  sha256,
  snapshotSuites,
  suiteIntact,
  type SuitesSnapshot,
} from "./workspace";

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
}

export interface GradeCallOptions {
  exercises?: number[];
  /** Suites of one submission run at most this many at a time. */
  concurrency?: number;
  onExercise?: (r: ExerciseResult, tests: TestResult[]) => void;
  onEvent?: (exercise: number, e: ChildEvent) => void;
}

export class Grader {
  readonly kit: KitPaths;
  readonly manifest: Manifest;
  readonly sandbox: Sandbox;
  readonly limits: EngineLimits;
  private readonly checker: TypeChecker;
  private readonly workRoot: string;
  private readonly suites: SuitesSnapshot;
  private readonly guard: TreeGuard;

  constructor(readonly options: GraderOptions) {
    this.kit = kitPaths(options.kitRoot);
    this.manifest = loadManifest(options.suitesDir);
    this.sandbox = probeSandbox();
    this.limits = { ...DEFAULT_LIMITS, ...stripUndefined(options.limits ?? {}) };
    this.checker = new TypeChecker(this.kit, this.limits.typecheckMs);
    this.suites = snapshotSuites(
      this.manifest.dir,
      this.manifest.exercises.map((e) => e.suite),
    );
    this.guard = new TreeGuard([
      { dir: this.manifest.dir, restore: true },
      { dir: this.kit.childDir, restore: false },
      { dir: this.kit.harnessDir, restore: false },
    ]);
    this.workRoot = makeWorkRoot(options.workBase);
  }

  async close(): Promise<void> {
    await this.checker.close();
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
    let record: GradeRecord;
    try {
      record = await this.gradeLoaded(loaded, call, t0);
    } catch (e) {
      record = this.errorRecord(loaded.source, `grading failed: ${(e as Error).stack ?? e}`, t0);
    }
    // Grading used the in-memory suites, so a write here gained nothing; it is still reported.
    const changed = this.guard.verifyAndRestore();
    if (changed.length) {
      record.flags.push({
        code: "outside-write",
        severity: "incident",
        message: `grader files changed while this submission (or one graded alongside it) ran: ${changed.map((f) => path.relative(this.kit.root, f)).join(", ")}`,
      });
    }
    return record;
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
    const scan = scanFiles(loaded.files);
    const typing: Promise<TypeCheckResult> = this.checker.check(loaded.files);
    if (!this.options.overlapTypecheck) await typing;
    const subDir = makeWorkRoot(this.workRoot);

    const gradeOne = async (ex: ManifestExercise) => {
      const r = await this.gradeExercise(ex, loaded, subDir, seed, deadline, typing, call);
      call.onExercise?.(r.exercise, r.tests);
      return r;
    };
    const perExercise = await mapLimit(selected, Math.max(1, call.concurrency ?? 1), gradeOne);
    if (!this.options.keepRuns) removeRun(subDir);

    const typed = await typing;
    if (typed.problem) flags.push({ code: "type-error", severity: "incident", message: typed.problem });
    const tests = perExercise.flatMap((r) => r.tests);
    const exercises = perExercise.map((r) => r.exercise);
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
      grader: {
        version: this.kit.version,
        testsHash: manifest.testsHash,
        node: process.versions.node,
        seed,
        mode: this.options.mode,
        sandbox: pickSandbox(this.sandbox),
      },
      status: score === max ? "pass" : "fail",
      score,
      max_score: max,
      execution_time: round((Date.now() - t0) / 1000),
      output: summaryLine(score, max, tests, flags),
      exercises,
      tests,
      flags,
      scan,
      diagnostics: typed.diagnostics,
      graded_at: new Date().toISOString(),
    };
  }

  private async gradeExercise(
    ex: ManifestExercise,
    loaded: LoadedSubmission,
    subDir: string,
    seed: number,
    deadline: number,
    typing: Promise<TypeCheckResult>,
    call: GradeCallOptions,
  ): Promise<{ exercise: ExerciseResult; tests: TestResult[]; flags: Flag[] }> {
    const started = Date.now();
    const state = newExerciseState(ex);
    const mine = [...loaded.files.keys()].filter((rel) => ownedBy(ex, rel));
    const outputs: string[] = [];
    const blame = (status: TestResult["status"], message: string) => {
      for (const t of ex.tests) {
        if (state.results.has(t.id)) continue;
        state.results.set(t.id, {
          id: t.id,
          exercise: ex.id,
          name: t.name,
          status,
          score: 0,
          max_score: t.points,
          visibility: t.visibility,
          message,
          duration_ms: 0,
        });
      }
    };
    const gateOn = async (): Promise<Diagnostic[] | null> => {
      if (ex.typecheck === "off") return null;
      const diags = (await typing).diagnostics.filter((d) => ownedBy(ex, d.file));
      return diags.length ? diags : null;
    };
    let status: ExerciseStatus | null = null;

    if (mine.length === 0) {
      blame("failed", `${ex.file} was not found in the submission`);
      status = "missing";
    } else {
      const preDiags = this.options.overlapTypecheck ? null : await gateOn();
      if (!(preDiags && ex.typecheck === "gate"))
        await this.runAttempts(ex, state, loaded.files, subDir, seed, deadline, outputs, call);
      const diags = preDiags ?? (await gateOn());
      if (diags) {
        const syntax = diags.some((d) => d.kind === "syntax");
        state.flags.push({
          code: syntax ? "syntax-error" : "type-error",
          severity: "incident",
          exercise: ex.id,
          message: `${diags.length} ${syntax ? "syntax" : "type"} error(s) in ${ex.file}`,
        });
        if (ex.typecheck === "gate") {
          state.results.clear();
          blame(
            "type-error",
            `${syntax ? "syntax" : "type"} errors in ${ex.file}; fix them first:\n${formatDiagnostics(diags)}`,
          );
          status = "type-error";
        }
      }
    }
    withholdOnIntegrity(state);
    const tests = ex.tests.map((t) => state.results.get(t.id)!);
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
    return {
      exercise: {
        id: ex.id,
        slug: ex.slug,
        title: ex.title,
        file: ex.file,
        status,
        score,
        max_score: max,
        duration_ms: Date.now() - started,
        output: outputs.join("\n").slice(-8000),
      },
      tests,
      flags: state.flags,
    };
  }

  private async runAttempts(
    ex: ManifestExercise,
    state: ReturnType<typeof newExerciseState>,
    files: Map<string, Buffer>,
    subDir: string,
    seed: number,
    deadline: number,
    outputs: string[],
    call: GradeCallOptions,
  ): Promise<void> {
    const byId = new Map(ex.tests.map((t) => [t.id, t]));
    const limitOf = (id: string) => testLimitMs(ex, byId.get(id), this.limits.testTimeoutMs);
    const memoryMb = this.limits.memoryMb ?? ex.memoryMb;
    let requested = ex.tests.map((t) => t.id);
    for (let attempt = 0; requested.length > 0 && attempt <= ex.tests.length; attempt++) {
      if (Date.now() >= deadline) {
        for (const id of requested) {
          const t = byId.get(id)!;
          state.results.set(id, {
            id,
            exercise: ex.id,
            name: t.name,
            status: "timeout",
            score: 0,
            max_score: t.points,
            visibility: t.visibility,
            message: "not run: the submission used up its total time",
            duration_ms: 0,
          });
        }
        break;
      }
      const run = prepareRun({
        parent: subDir,
        name: `ex${ex.id}-${attempt}`,
        kit: this.kit,
        suites: this.suites,
        suiteFile: ex.suite,
        files,
      });
      const budget =
        this.limits.startupMs + requested.reduce((s, id) => s + limitOf(id) + this.limits.graceMs, 0);
      const outcome = await runSuite({
        kit: this.kit,
        sandbox: this.sandbox,
        runDir: run.dir,
        suiteFile: run.suiteFile,
        namePattern:
          attempt === 0 ? undefined : requested.map((id) => `\\[${id.replace(/\./g, "\\.")}\\]`).join("|"),
        allowChildProcess: ex.allowChildProcess,
        seed,
        limits: {
          startupMs: this.limits.startupMs,
          testMs: (name) => {
            const id = /^\s*\[([^\]]+)\]/.exec(name)?.[1];
            return id && byId.has(id) ? limitOf(id) : (this.limits.testTimeoutMs ?? ex.timeoutMs);
          },
          defaultTestMs: this.limits.testTimeoutMs ?? ex.timeoutMs,
          graceMs: this.limits.graceMs,
          deadline: Math.min(deadline, Date.now() + budget),
          memoryMb,
          outputBytes: this.limits.outputBytes,
        },
        onEvent: call.onEvent ? (e) => call.onEvent!(ex.id, e) : undefined,
      });
      if (outcome.output.trim()) outputs.push(outcome.output.trim());
      const verdict = applyAttempt(state, outcome, {
        requested,
        suiteIntact: suiteIntact(run),
        memoryMb,
        outputBytes: this.limits.outputBytes,
        testTimeoutMs: limitOf,
      });
      if (!this.options.keepRuns) removeRun(run.dir);
      requested = verdict.rerun;
    }
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
      grader: {
        version: this.kit.version,
        testsHash: this.manifest.testsHash,
        node: process.versions.node,
        seed: this.options.seed ?? 0,
        mode: this.options.mode,
        sandbox: pickSandbox(this.sandbox),
      },
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

function summaryLine(score: number, max: number, tests: TestResult[], flags: Flag[]): string {
  const passed = tests.filter((t) => t.status === "passed").length;
  const integrity = flags.filter((f) => f.severity === "integrity").length;
  return `${score}/${max} points; ${passed} of ${tests.length} checks passed${integrity ? `; ${integrity} integrity problem(s)` : ""}`;
}

function pickSandbox(s: Sandbox) {
  return { permission: s.permission, netns: s.netns, pidns: s.pidns };
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
