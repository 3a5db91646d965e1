/**
 * `npm run data`: shows where each dataset comes from and downloads what is missing.
 * `npm run data -- --import <file>`: caches a cal_housing.tgz / cal_housing.data obtained another way.
 * Problems are printed as one readable paragraph, without a stack trace.
 */
import { parseArgs } from "node:util";
import chalk from "chalk";
import {
  CaliforniaHousingOptions,
  fetchCaliforniaHousing,
  importCaliforniaHousing,
  locateCaliforniaHousing,
} from "./californiaHousing";
import {
  ChecksumMismatchError,
  DATA_MISSING_EXIT,
  DatasetFormatError,
  DatasetUnavailableError,
  DownloadError,
} from "./errors";

const USAGE = `Usage:
  npm run data                      show where each dataset is found; download what is missing
  npm run data -- --offline         only look, never download
  npm run data -- --import <file>   cache a cal_housing.tgz or cal_housing.data you got another way`;

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs the command and returns the exit code (0 ok, 1 data problem, 2 bad usage, 3 data not on this machine). */
export async function runDataCli(
  argv: string[],
  io: CliIO = consoleIO,
  options: CaliforniaHousingOptions = {},
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        import: { type: "string" },
        offline: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    if (args.import !== undefined) {
      const stored = importCaliforniaHousing(args.import, options);
      io.out(`${chalk.green("✓")} California housing: imported ${args.import}, stored as ${stored}`);
      return 0;
    }
    return await showStatus(io, { ...options, download: !args.offline && options.download !== false });
  } catch (err) {
    if (isExpected(err)) {
      io.err(`${chalk.red("✗")} ${err.message}`);
      return err instanceof DatasetUnavailableError ? DATA_MISSING_EXIT : 1;
    }
    throw err;
  }
}

async function showStatus(io: CliIO, options: CaliforniaHousingOptions): Promise<number> {
  const { found } = locateCaliforniaHousing(options);
  if (!found) io.out(`California housing: nothing local${options.download ? ", downloading…" : ""}`);
  const housing = await fetchCaliforniaHousing(options);
  const how =
    housing.origin === "download"
      ? "downloaded and verified, cached at"
      : `found in ${housing.origin === "cache" ? "the kit's cache" : "HOML_DATA_HOME"}:`;
  io.out(`${chalk.green("✓")} California housing (fetchCaliforniaHousing): ${how} ${housing.source}`);
  io.out(
    `    ${housing.data.rows.toLocaleString("en-US")} rows × ${housing.data.cols} features (${housing.featureNames.join(", ")})`,
  );
  io.out(`${chalk.green("✓")} moons (makeMoons): generated on demand, nothing to download`);
  return 0;
}

function isExpected(err: unknown): err is Error {
  return (
    err instanceof DatasetUnavailableError ||
    err instanceof DatasetFormatError ||
    err instanceof ChecksumMismatchError ||
    err instanceof DownloadError ||
    // File-system errors (permissions, a full disk) are the learner's to fix, not bugs.
    (typeof err === "object" &&
      err !== null &&
      typeof (err as NodeJS.ErrnoException).code === "string" &&
      "message" in err)
  );
}

if (require.main === module) {
  runDataCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
