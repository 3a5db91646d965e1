/**
 * `parseArgs` with the grader commands' shared ending: a bad option prints Node's message and the
 * usage (exit 2), and `--help`, in a command that declares it, prints the usage (exit 0).
 */
import { parseArgs, type ParseArgsConfig } from "util";

/** The parsed command line, or the exit code the command should return now. */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
