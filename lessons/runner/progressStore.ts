/**
 * The learner's one progress file, `.tensorlings/progress.json` at the kit root, shared by the
 * lesson runner (key `lessons`) and the grader (keys `exercises` and `hints`).
 *
 * Every write re-reads the file and changes only the writer's own keys, so neither side erases
 * the other, and keys this version does not know survive. Writes go to a temporary file that is
 * then renamed over the old one, so a reader never sees half a file. A file that cannot be read
 * is moved aside (`progress.json.corrupt-<time>`) and never overwritten.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Version 1 had the same keys; files without a version came from early lesson runners. */
export const PROGRESS_VERSION = 2;

export type ProgressData = Record<string, unknown> & { version: number };

export interface ReadOptions {
  /** Told when an unreadable file was moved aside (default: a line on stderr). */
  onMovedAside?: (from: string, to: string, why: string) => void;
  now?: () => Date;
}

export function progressFile(kitRoot: string): string {
  return path.join(kitRoot, ".tensorlings", "progress.json");
}

/** The whole file; missing means empty, unreadable is moved aside and read as empty. */
export function readProgress(file: string, options: ReadOptions = {}): ProgressData {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { version: PROGRESS_VERSION };
    throw e;
  }
  let data: unknown;
  let why = "";
  try {
    data = JSON.parse(text);
  } catch (e) {
    why = `not valid JSON (${(e as Error).message})`;
  }
  if (!why && (!data || typeof data !== "object" || Array.isArray(data))) why = "not a JSON object";
  const version = (data as { version?: unknown } | undefined)?.version;
  if (!why && version !== undefined && (typeof version !== "number" || !Number.isInteger(version)))
    why = `its version ${JSON.stringify(version)} is not a whole number`;
  if (why) {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
    const aside = `${file}.corrupt-${stamp}`;
    fs.renameSync(file, aside);
    (options.onMovedAside ?? warnMovedAside)(file, aside, why);
    return { version: PROGRESS_VERSION };
  }
  if (typeof version === "number" && version > PROGRESS_VERSION)
    throw new Error(
      `${file} was written by a newer version of the kit (progress version ${version}; this one knows ${PROGRESS_VERSION}). Update the kit, or move the file away to start afresh.`,
    );
  return { ...(data as Record<string, unknown>), version: PROGRESS_VERSION };
}

/**
 * Re-reads the file, lets `change` edit its own keys, and writes the result atomically.
 * Returns what was written.
 */
export function updateProgress(
  file: string,
  change: (data: ProgressData) => void,
  options: ReadOptions = {},
): ProgressData {
  const data = readProgress(file, options);
  change(data);
  data.version = PROGRESS_VERSION;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + "\n");
  fs.renameSync(tmp, file);
  return data;
}

/** A key of the file as a plain object (`{}` when absent or not an object). */
export function section<T>(data: ProgressData, key: string): Record<string, T> {
  const value = data[key];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

function warnMovedAside(file: string, aside: string, why: string): void {
  process.stderr.write(
    `Your progress file ${file} could not be read (${why}). It was kept as ${path.basename(aside)} and progress starts afresh.\n`,
  );
}
