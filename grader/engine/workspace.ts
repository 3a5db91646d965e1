/**
 * Fresh run folders. Each suite run gets its own folder holding only: the allow-listed learner
 * files, a copy of that one suite (plus the suites folder's `support/`), a copy of the harness,
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
  return fs.mkdtempSync(path.join(base, "tensorlings-grade-"));
}

export function prepareRun(opts: {
  parent: string;
  name: string;
  kit: KitPaths;
  suitesDir: string;
  suiteFile: string;
  files: Map<string, Buffer>;
}): RunFolder {
  const dir = fs.mkdtempSync(path.join(opts.parent, `${opts.name.replace(/[^A-Za-z0-9_.-]/g, "_")}-`));
  for (const sub of ["submission", "suites", "tmp", "home", "cache"]) fs.mkdirSync(path.join(dir, sub));
  for (const [rel, data] of opts.files) {
    const target = path.join(dir, "submission", rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
  const suiteSrc = fs.readFileSync(path.join(opts.suitesDir, opts.suiteFile));
  const suiteDst = path.join(dir, "suites", opts.suiteFile);
  fs.mkdirSync(path.dirname(suiteDst), { recursive: true });
  fs.writeFileSync(suiteDst, suiteSrc);
  const support = path.join(opts.suitesDir, "support");
  if (fs.existsSync(support)) fs.cpSync(support, path.join(dir, "suites", "support"), { recursive: true, dereference: false });
  fs.cpSync(opts.kit.harnessDir, path.join(dir, "harness"), { recursive: true });
  return { dir, suiteFile: opts.suiteFile, suiteHash: sha256(suiteSrc) };
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
