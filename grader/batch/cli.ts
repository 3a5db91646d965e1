/**
 * `npm run grade:batch -- --submissions <dir> --out <dir> [--tests <dir>] [--jobs N] [--roster <csv>]
 *   [--only <id>]... [--clean] [--similarity-threshold percent]
 *   [--shard i/n] [--test-timeout ms] [--submission-timeout ms] [--seed n]`
 *
 * Exit status: 0 when grading worked, whatever the students scored; 2 for a configuration
 * error; 3 when the grader itself failed on a submission (listed in <out>/errors.json);
 * 130/143 when stopped by SIGINT/SIGTERM, after killing every sandbox and removing the work folder.
 */
import { SingleBar, Presets } from "cli-progress";
import * as os from "os";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../engine/kit";
import { onShutdown } from "../engine/lifecycle";
import { ManifestError } from "../manifest";
import { ConfigError, defaultTestsDir, parseShard, runBatch } from "./batch";
import { DEFAULT_SIMILARITY } from "./similarity";
import { parseCommandLine } from "../cli/args";

const USAGE = `usage: npm run grade:batch -- --submissions <dir> --out <dir> [--tests <dir>] [--jobs N]
       [--roster <csv>] [--only <id>]... [--clean] [--similarity-threshold percent] [--shard i/n] [--test-timeout ms] [--submission-timeout ms] [--seed n] [--no-sandbox]`;

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`--${name} must be a positive whole number (got "${v}")`);
  return n;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        submissions: { type: "string" },
        out: { type: "string" },
        tests: { type: "string" },
        kit: { type: "string" },
        jobs: { type: "string" },
        roster: { type: "string" },
        only: { type: "string", multiple: true },
        clean: { type: "boolean" },
        "similarity-threshold": { type: "string" },
        shard: { type: "string" },
        "test-timeout": { type: "string" },
        "submission-timeout": { type: "string" },
        seed: { type: "string" },
        "no-sandbox": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    },
    USAGE,
  );
  if (typeof parsed === "number") return parsed;
  const values: Record<string, string | string[] | boolean | undefined> = parsed.values;
  try {
    if (!values.submissions || !values.out) throw new ConfigError("--submissions and --out are required");
    const kitRoot = path.resolve((values.kit as string) ?? DEFAULT_KIT_ROOT);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new ConfigError("--seed must be a whole number");
    const threshold = values["similarity-threshold"] as string | undefined;
    const thresholdPercent = threshold === undefined ? undefined : Number(threshold);
    if (thresholdPercent !== undefined && !(thresholdPercent >= 0 && thresholdPercent <= 100))
      throw new ConfigError(`--similarity-threshold must be a percentage from 0 to 100 (got "${threshold}")`);
    const bar = process.stderr.isTTY
      ? new SingleBar(
          { format: "grading {bar} {value}/{total} {student}", hideCursor: true },
          Presets.shades_classic,
        )
      : null;
    // The bar hides the cursor; a Ctrl-C must give it back.
    const forgetBar = onShutdown(() => bar?.stop());
    const result = await runBatch({
      submissions: path.resolve(values.submissions as string),
      out: path.resolve(values.out as string),
      tests: path.resolve((values.tests as string) ?? defaultTestsDir(kitRoot)),
      kitRoot,
      only: values.only as string[] | undefined,
      clean: values.clean === true,
      similarity: { thresholdPercent },
      roster: values.roster ? path.resolve(values.roster as string) : undefined,
      jobs: positiveInt("jobs", values.jobs as string | undefined) ?? Math.max(1, os.availableParallelism()),
      shard: values.shard ? parseShard(values.shard as string) : undefined,
      seed,
      sandbox: values["no-sandbox"] ? "off" : "require",
      limits: {
        testTimeoutMs: positiveInt("test-timeout", values["test-timeout"] as string | undefined),
        submissionTimeoutMs: positiveInt(
          "submission-timeout",
          values["submission-timeout"] as string | undefined,
        ),
      },
      onStart: (total) => bar?.start(total, 0, { student: "" }),
      onGraded: (r, done, total) => {
        // Ids are file-name-safe (no ':'), so these lines cannot act as CI workflow commands.
        if (bar) bar.update(done, { student: r.submission.id });
        else
          console.error(
            `[${done}/${total}] ${r.submission.id}: ${r.score}/${r.max_score}${r.status === "error" ? " (grader error)" : ""}`,
          );
      },
    });
    bar?.stop();
    forgetBar();
    if (result.removed.length)
      console.error(`grade:batch: removed students no longer submitted: ${result.removed.join(", ")}`);
    for (const u of result.unrecognised) console.error(`grade:batch: not graded: ${u}`);
    for (const n of result.offRoster)
      console.error(`grade:batch: not on the roster (graded under its own id): ${n}`);
    for (const id of result.missing) console.error(`grade:batch: on the roster, no submission: ${id}`);
    const similar = result.similar.filter(
      (p) => p.percent >= (thresholdPercent ?? DEFAULT_SIMILARITY.thresholdPercent),
    ).length;
    if (similar)
      console.error(`grade:batch: ${similar} similar pair(s) to look at in similarity.md (advisory)`);
    const integrity = result.records.filter((r) => r.flags.some((f) => f.severity === "integrity")).length;
    console.log(
      `graded ${result.regraded.length} submission(s) into ${values.out} (${result.cached.length} unchanged, from the cache); ${integrity} with integrity flags${result.exitCode ? "; the grader failed on some (see errors.json)" : ""}`,
    );
    return result.exitCode;
  } catch (e) {
    if (e instanceof ManifestError) {
      console.error(`grade:batch: ${e.message}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      console.error(`grade:batch: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`grade:batch: ${(e as Error).stack ?? e}`);
    return 3;
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
