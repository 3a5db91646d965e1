/**
 * Fresh run folders. Each suite run gets its own folder holding only: the allow-listed learner
 * files, a copy of that one suite (plus the suites folder's `support/`, both served from a copy
 * taken in memory when grading began, so files on disk cannot be swapped), a copy of the harness,
 * and empty tmp/home/cache folders. Nothing else from the submission (package.json, configs,
 * node_modules, mocks, snapshots) ever exists there, and one run cannot see another's suite.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { KitPaths } from "./kit";

export interface RunFolder {
  dir: string;
  suiteFile: string;
  /** SHA-256 of the suite as copied in, to notice it being rewritten during the run. */
  suiteHash: string;
}

/** A private parent folder for one grading session; removed by the caller when done. */
export function makeWorkRoot(base = os.tmpdir()): string {
  return traversable(fs.realpathSync(fs.mkdtempSync(path.join(base, "tensorlings-grade-"))));
}

/**
 * Lets other users pass through a folder without listing it (mode 0711): the sandbox runs as
 * its own uid when the grader is root, and must reach its scratch folder inside.
 */
export function traversable(dir: string): string {
  fs.chmodSync(dir, 0o711);
  return dir;
}

export function prepareRun(opts: {
  parent: string;
  name: string;
  kit: KitPaths;
  /** The suite and the suites folder's `support/` files, read once when grading began. */
  suites: SuitesSnapshot;
  suiteFile: string;
  files: Map<string, Buffer>;
}): RunFolder {
  const dir = fs.mkdtempSync(path.join(opts.parent, `${opts.name.replace(/[^A-Za-z0-9_.-]/g, "_")}-`));
  for (const sub of ["submission", "suites", "tmp", "home", "cache"]) fs.mkdirSync(path.join(dir, sub));
  const put = (base: string, rel: string, data: Buffer) => {
    const target = path.join(dir, base, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  };
  for (const [rel, data] of opts.files) put("submission", rel, data);
  const suite = opts.suites.get(opts.suiteFile);
  if (!suite) throw new Error(`suite ${opts.suiteFile} is not in the suites folder`);
  put("suites", opts.suiteFile, suite);
  for (const [rel, data] of opts.suites) if (rel.startsWith("support/")) put("suites", rel, data);
  fs.cpSync(opts.kit.harnessDir, path.join(dir, "harness"), { recursive: true });
  return { dir, suiteFile: opts.suiteFile, suiteHash: sha256(suite) };
}

/** Suite files by path relative to the suites folder. */
export type SuitesSnapshot = Map<string, Buffer>;

/** Reads every suite named by the manifest, plus `support/`, into memory once. */
export function snapshotSuites(suitesDir: string, suiteFiles: string[]): SuitesSnapshot {
  const out: SuitesSnapshot = new Map();
  for (const rel of suiteFiles) out.set(rel, fs.readFileSync(path.join(suitesDir, rel)));
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.set(r, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  if (fs.existsSync(path.join(suitesDir, "support"))) walk(path.join(suitesDir, "support"), "support");
  return out;
}

/** True when the suite copy in the run folder is still what was copied in. */
export function suiteIntact(run: RunFolder): boolean {
  try {
    return sha256(fs.readFileSync(path.join(run.dir, "suites", run.suiteFile))) === run.suiteHash;
  } catch {
    return false;
  }
}

export function removeRun(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // A leftover temp folder is not worth failing a grade over.
  }
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
