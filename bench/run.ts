/**
 * `npm run bench [-- --quick] [-- --rows 1,2] [-- --out file.json]`: runs the benchmark rows,
 * prints a table and writes bench/results.json. Every figure is a ratio of medians measured in
 * this run, contenders interleaved (see harness.ts), so numbers from a busy machine still compare.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { BenchReport, RowResult, renderTable } from "./report";
import { batchGradientDescentRow } from "./rows/batchGradientDescent";
import { exercise12Row } from "./rows/exercise12";
import { gradingRow } from "./rows/grading";
import { lessonStartupRow } from "./rows/lessonStartup";
import { sessionRunRow } from "./rows/sessionRun";
import { BenchSettings, KIT_ROOT } from "./settings";

const ROWS: Record<number, (s: BenchSettings) => Promise<RowResult>> = {
  1: sessionRunRow,
  2: batchGradientDescentRow,
  3: exercise12Row,
  4: lessonStartupRow,
  5: gradingRow,
};

const USAGE = "usage: npm run bench [-- --quick] [-- --rows 1,2,...] [-- --out <file.json>]";

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      rows: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ids = values.rows
    ? values.rows.split(",").map((r) => Number(r.trim()))
    : Object.keys(ROWS).map(Number);
  const unknown = ids.filter((id) => !ROWS[id]);
  if (unknown.length) {
    console.error(`unknown row(s) ${unknown.join(", ")}; rows are ${Object.keys(ROWS).join(", ")}\n${USAGE}`);
    return 2;
  }
  const settings: BenchSettings = { quick: values.quick === true, root: KIT_ROOT };
  const rows: RowResult[] = [];
  for (const id of ids) {
    process.stderr.write(`bench: row ${id}...\n`);
    try {
      rows.push(await ROWS[id](settings));
    } catch (e) {
      rows.push({
        id,
        title: `row ${id}`,
        status: "n/a",
        reason: `failed: ${(e as Error).message.split("\n")[0]}`,
      });
    }
  }
  const cpus = os.cpus();
  const report: BenchReport = {
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    quick: settings.quick,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    rows,
  };
  console.log(renderTable(report));
  const out = path.resolve(values.out ?? path.join(KIT_ROOT, "bench", "results.json"));
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
