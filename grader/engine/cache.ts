/**
 * Learner mode's result cache: an exercise whose file, suite and kit have not changed since it
 * was last graded is not graded again. The key hashes the exercise's files, its suite (with the
 * suites' `support/`), the manifest, the seed and the kit's engine and grader sources.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { ManifestExercise } from "../manifest";
import type { KitPaths } from "./kit";
import type { Diagnostic, ExerciseResult, Flag, TestResult } from "./types";
import type { SuitesSnapshot } from "./workspace";

export interface CachedExercise {
  key: string;
  exercise: ExerciseResult;
  tests: TestResult[];
  flags: Flag[];
  diagnostics: Diagnostic[];
}

/** Folders of the kit whose sources decide a grade. */
const KIT_SOURCES = ["src", "datasets", path.join("grader", "engine"), path.join("grader", "harness")];

/** One hash over the kit's sources (read once per grader). */
export function kitHash(kit: KitPaths): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(`${path.relative(kit.root, p)}\0`).update(fs.readFileSync(p));
    }
  };
  for (const rel of KIT_SOURCES) walk(path.join(kit.root, rel));
  h.update(fs.existsSync(path.join(kit.root, "package-lock.json")) ? fs.readFileSync(path.join(kit.root, "package-lock.json")) : "");
  return h.digest("hex");
}

export function exerciseKey(
  ex: ManifestExercise,
  files: Map<string, Buffer>,
  suites: SuitesSnapshot,
  context: { kit: string; testsHash: string; seed: number; sandboxed: boolean },
): string {
  const h = createHash("sha256").update(JSON.stringify({ ...context, ex }));
  for (const rel of [...files.keys()].sort()) h.update(`${rel}\0`).update(files.get(rel)!);
  for (const rel of [...suites.keys()].sort())
    if (rel === ex.suite || rel.startsWith("support/")) h.update(`${rel}\0`).update(suites.get(rel)!);
  return h.digest("hex");
}

export class ResultCache {
  constructor(private readonly dir: string) {}

  get(exercise: number, key: string): CachedExercise | null {
    try {
      const entry = JSON.parse(fs.readFileSync(this.file(exercise), "utf8")) as CachedExercise;
      return entry.key === key ? entry : null;
    } catch {
      return null;
    }
  }

  put(exercise: number, entry: CachedExercise): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file(exercise)}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(entry));
      fs.renameSync(tmp, this.file(exercise));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  private file(exercise: number): string {
    return path.join(this.dir, `ex${String(exercise).padStart(2, "0")}.json`);
  }
}
