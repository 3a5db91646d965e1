/**
 * A snapshot of trusted trees (the suites folder, the grader's engine and harness), checked after
 * every submission. Where the permission model is missing, learner code could write into them and
 * influence later submissions; the guard notices and the submission just graded is flagged.
 * Trees marked `restore` (the suites folder) are also put back from memory; the others are only
 * reported, so a guard can never undo someone's edit to the kit.
 */
import * as fs from "fs";
import * as path from "path";
import { sha256 } from "./workspace";

const MAX_TREE_FILES = 5000;
const SKIPPED = new Set(["node_modules", ".git"]);

export class TreeGuard {
  private snapshot = new Map<string, { hash: string; data: Buffer }>();

  constructor(private readonly roots: { dir: string; restore: boolean }[]) {
    for (const [file, data] of this.read()) this.snapshot.set(file, { hash: sha256(data), data });
  }

  private restorable(file: string): boolean {
    return this.roots.some((r) => r.restore && file.startsWith(r.dir + path.sep));
  }

  /** Files changed, added or removed since the snapshot; restores them before returning. */
  verifyAndRestore(): string[] {
    const now = this.read();
    const changed: string[] = [];
    for (const [file, { hash, data }] of this.snapshot) {
      const cur = now.get(file);
      if (!cur || sha256(cur) !== hash) {
        changed.push(file);
        if (!this.restorable(file)) continue;
        try {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, data);
        } catch {
          // Reported as changed either way.
        }
      }
    }
    for (const file of now.keys()) {
      if (!this.snapshot.has(file)) {
        changed.push(file);
        if (!this.restorable(file)) continue;
        try {
          fs.rmSync(file, { force: true });
        } catch {
          // Reported as changed either way.
        }
      }
    }
    return changed;
  }

  private read(): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.size >= MAX_TREE_FILES) return;
        const full = path.join(dir, e.name);
        if (e.isDirectory() && !SKIPPED.has(e.name)) walk(full);
        else if (e.isFile()) {
          try {
            out.set(full, fs.readFileSync(full));
          } catch {
            // Unreadable files are not ours to guard.
          }
        }
      }
    };
    for (const r of this.roots) walk(r.dir);
    return out;
  }
}
