/**
 * Integrity checks across a batch: exercises handed in byte-identical to the solutions or starters
 * shipped to every student, and exercises two students handed in byte-identical. Noted on the
 * records as incidents for the instructor to look at; they never change a score.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { isFolderExercise, type Manifest, type ManifestExercise } from "../manifest";
import type { Flag } from "../engine/types";

/** One hash over an exercise's files (relative names and bytes), or null when it has none. */
export function exerciseHash(ex: ManifestExercise, files: Map<string, Buffer>): string | null {
  const mine = [...files.keys()]
    .filter((rel) => (isFolderExercise(ex) ? rel.startsWith(ex.file) : rel === ex.file))
    .sort();
  if (!mine.length) return null;
  const h = createHash("sha256");
  for (const rel of mine) h.update(`${rel}\0${createHash("sha256").update(files.get(rel)!).digest("hex")}\0`);
  return h.digest("hex");
}

/** An exercise folder (`solutions/`, `exercises/`) read the way a submission is: manifest-relative names. */
export function readReference(dir: string, manifest: Pick<Manifest, "exercises">): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string) => {
    const full = path.join(dir, rel);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory())
      for (const e of fs.readdirSync(full).sort()) walk(path.posix.join(rel, e));
    else if (rel.endsWith(".ts")) files.set(rel, fs.readFileSync(full));
  };
  for (const ex of manifest.exercises) walk(ex.file);
  return files;
}

export interface IntegrityInput {
  id: string;
  files: Map<string, Buffer>;
}

/** Flags per student id (only students with any). */
export function integrityFlags(
  students: IntegrityInput[],
  manifest: Pick<Manifest, "exercises">,
  reference: { solutions: Map<string, Buffer>; starters: Map<string, Buffer> },
): Map<string, Flag[]> {
  const flags = new Map<string, Flag[]>();
  const add = (id: string, flag: Flag) => {
    if (!flags.has(id)) flags.set(id, []);
    flags.get(id)!.push(flag);
  };
  for (const ex of manifest.exercises) {
    const solution = exerciseHash(ex, reference.solutions);
    const starter = exerciseHash(ex, reference.starters);
    const byHash = new Map<string, string[]>();
    for (const s of students) {
      const h = exerciseHash(ex, s.files);
      if (!h) continue;
      if (h === solution)
        add(s.id, {
          code: "matches-solution",
          severity: "incident",
          exercise: ex.id,
          message: `${ex.file} is byte-identical to the reference solution shipped with the kit`,
        });
      else if (h !== starter) {
        // The unchanged starter is everyone's: only work of a student's own can be shared.
        if (!byHash.has(h)) byHash.set(h, []);
        byHash.get(h)!.push(s.id);
      } else
        add(s.id, {
          code: "matches-starter",
          severity: "incident",
          exercise: ex.id,
          message: `${ex.file} is the starter file, unchanged`,
        });
    }
    for (const ids of byHash.values()) {
      if (ids.length < 2) continue;
      for (const id of ids)
        add(id, {
          code: "identical-submission",
          severity: "incident",
          exercise: ex.id,
          message: `${ex.file} is byte-identical to the one of ${ids.filter((o) => o !== id).join(", ")}`,
        });
    }
  }
  return flags;
}
