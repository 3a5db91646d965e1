/**
 * Incremental regrades: a per-student cache under `<out>/.cache/`, keyed by what decides a grade
 * (the submission's files and intake flags, the tests' hash, the kit's sources, seed and sandbox),
 * and the removal of students a rerun no longer has.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { submissionHash } from "../engine/grade";
import type { LoadedSubmission } from "../engine/submission";
import type { GradeRecord } from "../engine/types";
import { studentOutputs } from "./outputs";

/** One student's files in `--out`: the outputs, and this cache's entry. */
const studentFiles = (id: string) => [
  ...Object.values(studentOutputs(id)),
  path.join(".cache", `${id}.json`),
];

export function cacheKey(
  loaded: LoadedSubmission,
  context: { testsHash: string; kit: string; seed: number | null; sandbox: string },
): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        files: submissionHash(loaded.files),
        root: loaded.root,
        flags: loaded.flags,
        ...context,
      }),
    )
    .digest("hex");
}

const cacheFile = (out: string, id: string) => path.join(out, ".cache", `${id}.json`);

/** The record cached for this student under this key, or null (no entry, another key, unreadable). */
export function cachedRecord(out: string, id: string, key: string): GradeRecord | null {
  try {
    const entry = JSON.parse(fs.readFileSync(cacheFile(out, id), "utf8")) as {
      key: string;
      record: GradeRecord;
    };
    return entry.key === key ? entry.record : null;
  } catch {
    return null;
  }
}

export function storeRecord(out: string, id: string, key: string, record: GradeRecord): void {
  fs.mkdirSync(path.join(out, ".cache"), { recursive: true });
  fs.writeFileSync(cacheFile(out, id), JSON.stringify({ key, record }));
}

/** Ids with a record in `<out>/results/`. */
export function recordedIds(out: string): string[] {
  const dir = path.join(out, "results");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5));
}

export function removeStudent(out: string, id: string): void {
  for (const rel of studentFiles(id)) fs.rmSync(path.join(out, rel), { recursive: true, force: true });
}
