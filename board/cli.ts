/**
 * `npm run board -- [--logdir tf_logs] [--port 6006] [--text [--smoothing 0.6]]`
 *
 * Serves the board on http://127.0.0.1:<port>/ (port 0: any free port), or with `--text` prints
 * the runs, their scalar charts and graphs to the terminal and exits.
 */
import { parseArgs } from "util";
import { startBoard } from "./server/server";
import { renderLogdirText } from "./text/textView";

const USAGE = `Usage: npm run board -- [--logdir DIR] [--port N] [--text [--smoothing W]]

  --logdir DIR     log directory with the runs to show (default: tf_logs)
  --port N         port on 127.0.0.1 (default: 6006; 0 picks a free one)
  --text           print runs, scalar charts and graphs to the terminal instead
  --smoothing W    smoothing weight in [0, 1) for --text charts (default: 0)
  --help           show this help`;

export interface CliOptions {
  logdir: string;
  port: number;
  text: boolean;
  smoothing: number;
}

/** Parses the arguments; throws an Error with a message for the user on bad input. */
export function parseCli(argv: string[]): CliOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      logdir: { type: "string", default: "tf_logs" },
      port: { type: "string", default: "6006" },
      host: { type: "string" },
      text: { type: "boolean", default: false },
      smoothing: { type: "string", default: "0" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  if (values.host !== undefined && values.host !== "127.0.0.1") {
    throw new Error(`the board listens on 127.0.0.1 only (got --host ${values.host})`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  const smoothing = Number(values.smoothing);
  if (!(smoothing >= 0 && smoothing < 1)) throw new Error(`--smoothing must be a number in [0, 1), got '${values.smoothing}'`);
  return { logdir: values.logdir!, port, text: values.text!, smoothing };
}

async function main(): Promise<void> {
  let options: CliOptions | "help";
  try {
    options = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`board: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  if (options.text) {
    console.log(renderLogdirText(options.logdir, { smoothing: options.smoothing }));
    return;
  }
  const board = await startBoard({ logdir: options.logdir, port: options.port });
  console.log(`Board for ${options.logdir} at ${board.url} (Ctrl+C to stop)`);
  const stop = () => void board.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`board: ${(e as Error).message}`);
    process.exit(1);
  });
}
