/**
 * Work folders of a grading session: a private root, removed when grading ends (or the grader is
 * stopped), and the suites, read into memory once when grading begins so that files on disk
 * cannot be swapped during a run.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

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
