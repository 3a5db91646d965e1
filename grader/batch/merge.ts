/**
 * `npm run grade:merge -- --out <dir> [--replace] <shard-out-dir>...`: combines the outputs of sharded
 * `grade:batch` runs into one set of reports, re-derived from the canonical records. With
 * `--replace` a student found in several folders keeps the most recently graded record (a regrade).
 * Exit status: 0 merged; 2 when the shards do not fit together (different tests, a student twice).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import type { GradeRecord } from "../engine/types";
import { loadManifest, type Manifest } from "../manifest";
import { ConfigError } from "./batch";
import { readRecords, writeAggregates, writeStudent, type BatchMeta } from "./outputs";

const USAGE = "usage: npm run grade:merge -- --out <dir> [--tests <dir>] [--replace] <shard-out-dir>...";

export function mergeShards(
  shardDirs: string[],
  out: string,
  manifest?: Pick<Manifest, "exercises" | "title">,
  options: { replace?: boolean } = {},
): { records: GradeRecord[]; meta: BatchMeta } {
  if (shardDirs.length === 0) throw new ConfigError("give at least one shard output folder");
  const byId = new Map<string, GradeRecord>();
  const owner = new Map<string, string>();
  const hashes = new Set<string>();
  let earliest = "";
  for (const dir of shardDirs) {
    for (const r of readRecords(dir)) {
      const earlier = byId.get(r.submission.id);
      if (earlier && !options.replace)
        throw new ConfigError(
          `student ${r.submission.id} appears in both ${owner.get(r.submission.id)} and ${dir} (pass --replace to keep the newer record)`,
        );
      hashes.add(r.grader.testsHash);
      // A later folder wins a tie: it is the regrade the instructor named last.
      if (earlier && earlier.graded_at > r.graded_at) continue;
      owner.set(r.submission.id, dir);
      byId.set(r.submission.id, r);
    }
    const metaFile = path.join(dir, "batch.json");
    if (fs.existsSync(metaFile)) {
      const started = JSON.parse(fs.readFileSync(metaFile, "utf8")).started as string;
      if (!earliest || started < earliest) earliest = started;
    }
  }
  const records = [...byId.values()];
  if (hashes.size > 1)
    throw new ConfigError(
      `the shards were graded with different tests (${[...hashes].map((h) => h.slice(0, 12)).join(", ")})`,
    );
  const exercises = manifest ?? manifestFromRecords(records);
  const cleaned = records.map((r) => writeStudent(out, r));
  const meta: BatchMeta = {
    testsHash: [...hashes][0] ?? "",
    graderVersion: records[0]?.grader.version ?? "",
    shard: null,
    students: cleaned.map((r) => r.submission.id).sort(),
    started: earliest || new Date().toISOString(),
    finished: new Date().toISOString(),
    // Relative to the merged output, so no path of the CI machine ends up in it.
    mergedFrom: shardDirs.map((d) => path.relative(path.resolve(out), path.resolve(d)) || "."),
  };
  writeAggregates(out, cleaned, exercises, meta);
  // Every shard compared the whole class: any one similarity report is the class's.
  const similarity = shardDirs.map((d) => path.join(d, "similarity.md")).find((f) => fs.existsSync(f));
  if (similarity) fs.copyFileSync(similarity, path.join(out, "similarity.md"));
  return { records: cleaned, meta };
}

/** Exercise columns recovered from the records themselves, when no manifest is given. */
function manifestFromRecords(records: GradeRecord[]): Pick<Manifest, "exercises" | "title"> {
  const seen = new Map<number, { id: number; slug: string }>();
  for (const r of records)
    for (const e of r.exercises) if (!seen.has(e.id)) seen.set(e.id, { id: e.id, slug: e.slug });
  const exercises = [...seen.values()].sort((a, b) => a.id - b.id) as unknown as Manifest["exercises"];
  return { exercises, title: "" };
}

export function main(argv = process.argv.slice(2)): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, tests: { type: "string" }, replace: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (!values.out) throw new ConfigError("--out is required");
    const manifest = values.tests ? loadManifest(values.tests) : undefined;
    const { records } = mergeShards(positionals, path.resolve(values.out), manifest, {
      replace: values.replace === true,
    });
    console.log(
      `merged ${records.length} submission(s) from ${positionals.length} shard(s) into ${values.out}`,
    );
    return 0;
  } catch (e) {
    console.error(`grade:merge: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
}

if (require.main === module) process.exit(main());
