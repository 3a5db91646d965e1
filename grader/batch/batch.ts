/**
 * Batch grading: every submission in a folder (folders and .zip files), optionally one shard of
 * them, graded `jobs` at a time with one engine, then every report written from the records.
 */
import * as fs from "fs";
import * as path from "path";
import { Grader, mapLimit, type EngineLimits } from "../engine/grade";
import { onShutdown } from "../engine/lifecycle";
import { kitHash } from "../engine/cache";
import {
  loadSubmission,
  scanSubmissions,
  type LoadedSubmission,
  type SubmissionSource,
} from "../engine/submission";
import type { GradeRecord } from "../engine/types";
import { makeWorkRoot, removeRun, snapshotSuites } from "../engine/workspace";
import type { Manifest } from "../manifest";
import { loadRoster, lookUp } from "./roster";
import { readRecords, writeAggregates, writeStudent, type BatchMeta } from "./outputs";
import { cleanRecord } from "../report/clean";
import { integrityFlags, readReference } from "./integrity";
import { similarityMarkdown, similarPairs, type SimilarityOptions, type SimilarPair } from "./similarity";
import { cachedRecord, cacheKey, recordedIds, removeStudent, storeRecord } from "./regrade";

export interface BatchOptions {
  submissions: string;
  out: string;
  /** Suites folder with its manifest (default: the kit's grader/suites). */
  tests: string;
  kitRoot?: string;
  /** Where the batch's work folder is made (default: the OS temp folder). */
  workBase?: string;
  jobs?: number;
  /** Class roster CSV (see roster.ts): ids and display names for the submissions it lists. */
  roster?: string;
  shard?: { index: number; count: number };
  /** Folders of the solutions and starters shipped to students (default: the kit's solutions/ and exercises/). */
  reference?: { solutions: string; starters: string };
  /** Grade only these ids; every other student's record already in `out` is kept. */
  only?: string[];
  /** Remove the outputs of students `out` holds who are no longer submitted (else refuse). */
  clean?: boolean;
  /** Similarity report settings (similarity.md; advisory, never a score). */
  similarity?: SimilarityOptions;
  limits?: Partial<EngineLimits>;
  seed?: number;
  /** `off` grades without the bubblewrap sandbox (`--no-sandbox`); every report then says so. */
  sandbox?: "require" | "off";
  /** Called after each submission. */
  onGraded?: (record: GradeRecord, done: number, total: number) => void;
  onStart?: (total: number) => void;
}

export interface BatchResult {
  records: GradeRecord[];
  meta: BatchMeta;
  /** 0: grading worked (whatever the scores); 3: the grader failed on at least one submission. */
  exitCode: 0 | 3;
  /** Entries of the submissions folder that were not graded, each with why. */
  unrecognised: string[];
  /** Original names of submissions not on the roster, and roster names with no submission. */
  offRoster: string[];
  missing: string[];
  /** Ids graded in this run, and ids whose cached record was reused (unchanged since last time). */
  regraded: string[];
  cached: string[];
  /** Ids whose outputs `clean` removed. */
  removed: string[];
  /** Pairs of students sharing code, most similar first (as in similarity.md). */
  similar: SimilarPair[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Submissions of shard `index` (1-based) of `count`: every count-th one in id order. */
export function pickShard<T extends { id: string }>(all: T[], shard?: { index: number; count: number }): T[] {
  const sorted = [...all].sort((a, b) => a.id.localeCompare(b.id));
  if (!shard) return sorted;
  return sorted.filter((_, k) => k % shard.count === shard.index - 1);
}

export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new ConfigError(`--shard must look like i/n with 1 <= i <= n (got "${text}")`);
  return { index, count };
}

export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  if (!fs.existsSync(opts.submissions) || !fs.statSync(opts.submissions).isDirectory())
    throw new ConfigError(`--submissions ${opts.submissions} is not a folder`);
  const started = new Date().toISOString();
  // One work folder for the whole batch; a SIGINT/SIGTERM removes it (and kills every sandbox).
  const work = makeWorkRoot(opts.workBase);
  const forget = onShutdown(() => removeRun(work));
  const cleanUp = () => {
    removeRun(work);
    forget();
  };
  let grader: Grader;
  try {
    grader = new Grader({
      kitRoot: opts.kitRoot,
      suitesDir: opts.tests,
      mode: "batch",
      limits: opts.limits,
      seed: opts.seed,
      sandbox: opts.sandbox ?? "require",
      workBase: work,
    });
  } catch (e) {
    cleanUp();
    throw new ConfigError((e as Error).message);
  }
  let sources: SubmissionSource[];
  let everyone: SubmissionSource[] = [];
  let unrecognised: string[];
  let stale: string[] = [];
  let offRoster: string[] = [];
  let missing: string[] = [];
  try {
    const roster = opts.roster ? loadRoster(opts.roster) : undefined;
    const listing = scanSubmissions(opts.submissions, grader.manifest, roster && ((n) => lookUp(roster, n)));
    unrecognised = listing.unrecognised;
    offRoster = listing.offRoster;
    if (roster) {
      const present = new Set(listing.sources.map((s) => s.id.toLowerCase()));
      missing = [...roster.values()]
        .filter((r) => !present.has(r.studentId.toLowerCase()))
        .map((r) => r.studentId);
    }
    if (!listing.sources.length)
      throw new Error(
        `no submissions found in ${opts.submissions} (folders, .zip files or Canvas/Moodle loose files)` +
          (unrecognised.length ? `; left out:\n  ${unrecognised.join("\n  ")}` : ""),
      );
    everyone = listing.sources;
    sources = pickShard(listing.sources, opts.shard);
    if (opts.only) {
      const known = new Set(listing.sources.map((s) => s.id));
      const unknown = opts.only.filter((id) => !known.has(id));
      if (unknown.length)
        throw new Error(
          `--only names no submission with the id(s) ${unknown.map((u) => JSON.stringify(u)).join(", ")}`,
        );
      sources = sources.filter((s) => opts.only!.includes(s.id));
    }
    // With --only the rest of the class stays; otherwise this run's students are the whole of --out.
    const present = new Set((opts.only ? listing.sources : sources).map((s) => s.id));
    stale = recordedIds(opts.out).filter((id) => !present.has(id));
    if (stale.length && !opts.clean)
      throw new Error(
        `--out ${opts.out} holds results of students not in this run: ${stale.join(", ")}; pass --clean to remove them, or use another --out`,
      );
  } catch (e) {
    await grader.close();
    cleanUp();
    throw new ConfigError((e as Error).message);
  }
  fs.mkdirSync(opts.out, { recursive: true });
  for (const id of stale) removeStudent(opts.out, id);
  opts.onStart?.(sources.length);
  let done = 0;
  // Every submission is read once up front: the integrity checks compare each with the whole class.
  const loadedById = new Map<string, LoadedSubmission>();
  for (const src of everyone) {
    try {
      loadedById.set(src.id, loadSubmission(src, grader.manifest, grader.kit.root));
    } catch {
      // grade() reads it again and turns the failure into an error record.
    }
  }
  const ref = opts.reference ?? {
    solutions: path.join(grader.kit.root, "solutions"),
    starters: path.join(grader.kit.root, "exercises"),
  };
  const everyonesFiles = [...loadedById].map(([id, l]) => ({ id, files: l.files }));
  const starters = readReference(ref.starters, grader.manifest);
  const integrity = integrityFlags(everyonesFiles, grader.manifest, {
    solutions: readReference(ref.solutions, grader.manifest),
    starters,
  });
  const regraded: string[] = [];
  const cached: string[] = [];
  try {
    let kitDigest: string | null = null;
    const digest = () => (kitDigest ??= kitHash(grader.kit));
    const clean = { roots: [work, grader.kit.root], suiteSources: suiteTexts(grader.manifest) };
    const records = await mapLimit(sources, Math.max(1, opts.jobs ?? 1), async (src) => {
      const loaded = loadedById.get(src.id) ?? null;
      const key =
        loaded &&
        cacheKey(loaded, {
          testsHash: grader.manifest.testsHash,
          kit: digest(),
          seed: opts.seed ?? null,
          sandbox: opts.sandbox ?? "require",
        });
      const hit = key ? cachedRecord(opts.out, src.id, key) : null;
      const graded = hit ?? (await grader.grade(loaded ?? src));
      (hit ? cached : regraded).push(src.id);
      graded.submission.id = src.id;
      // Stored cleaned, as every output is: no path of this machine in it.
      if (key && !hit && graded.status !== "error")
        storeRecord(opts.out, src.id, key, cleanRecord(graded, clean));
      graded.flags.push(...(integrity.get(src.id) ?? []));
      if (src.originalName !== undefined) graded.submission.original_name = src.originalName;
      if (src.displayName !== undefined) graded.submission.display_name = src.displayName;
      const record = writeStudent(opts.out, graded, clean);
      opts.onGraded?.(record, ++done, sources.length);
      return record;
    });
    if (opts.only) {
      const fresh = new Set(records.map((r) => r.submission.id));
      records.push(...readRecords(opts.out).filter((r) => !fresh.has(r.submission.id)));
    }
    const meta: BatchMeta = {
      testsHash: grader.manifest.testsHash,
      graderVersion: grader.kit.version,
      shard: opts.shard ?? null,
      students: records.map((r) => r.submission.id).sort(),
      started,
      finished: new Date().toISOString(),
    };
    writeAggregates(opts.out, records, grader.manifest, meta);
    // The whole class is compared, whichever shard or --only this run grades. The report is
    // advisory: if it cannot be made, the grades still stand and the file says why.
    let similar: SimilarPair[] = [];
    let report: string;
    try {
      similar = await similarPairs(everyonesFiles, grader.manifest, starters, opts.similarity);
      report = similarityMarkdown(similar, opts.similarity);
    } catch (e) {
      report = `# Similarity report (advisory)\n\nNot made: ${(e as Error).message}\n`;
    }
    fs.writeFileSync(path.join(opts.out, "similarity.md"), report);
    return {
      records,
      meta,
      exitCode: records.some((r) => r.status === "error") ? 3 : 0,
      unrecognised,
      offRoster,
      missing,
      regraded,
      cached,
      removed: stale,
      similar,
    };
  } finally {
    await grader.close();
    cleanUp();
  }
}

/** The private suites' text (with their support files), which no report may echo. */
function suiteTexts(manifest: Manifest): string[] {
  const files = snapshotSuites(
    manifest.dir,
    manifest.exercises.map((e) => e.suite),
  );
  return [...files.values()].map((b) => b.toString("utf8"));
}

export function defaultTestsDir(kitRoot: string): string {
  return path.join(kitRoot, "grader", "suites");
}
