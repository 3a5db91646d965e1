/**
 * `npm run watch N`: re-grades exercise N each time its file (or folder) is saved, in this process.
 *
 * The file is polled (a stat every 50 ms) rather than watched with native events: polling also
 * works on WSL's /mnt drives and network folders, sees editors that save by writing a new file and
 * renaming it, and keeps "grading…" on screen well within 300 ms of a save. A file that is briefly
 * missing or empty while an editor saves is waited for instead of graded.
 */
import * as fs from "fs";
import * as path from "path";
import { learnerGrade } from "./grade";
import { exerciseOrExplain } from "./exerciseNumber";
import { loadManifest } from "../manifest";
import { learnerPaths, PATH_OPTIONS } from "./paths";
import { parseCommandLine } from "./args";

/** A cheap fingerprint of the watched files: name, size and modification time of each. */
export function fingerprint(target: string): string | "missing" {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return "missing";
  }
  if (!stat.isDirectory()) return stat.size === 0 ? "empty" : `${stat.size}:${stat.mtimeMs}`;
  const parts: string[] = [];
  for (const name of fs.readdirSync(target).sort()) {
    const sub = fingerprint(path.join(target, name));
    if (sub !== "missing") parts.push(`${name}=${sub}`);
  }
  return parts.join(";");
}

export interface WatchOptions {
  /** The exercise's file or folder. */
  target: string;
  /** Shown in "… changed" (the path as the learner knows it). */
  label: string;
  /** Grades once; resolves to the text to show. */
  grade: () => Promise<string>;
  write: (text: string) => void;
  /** On a terminal the screen is cleared before each run; elsewhere a timestamped rule separates runs. */
  isTTY: boolean;
  pollMs?: number;
  /** A change must hold still this long before grading (editors write in several steps). */
  settleMs?: number;
  /** Longest wait for a missing or empty file before saying so. */
  patienceMs?: number;
  now?: () => Date;
}

export const CLEAR_SCREEN = "\x1b[2J\x1b[H";

/** Polls `target` and re-grades on each settled change; `stop()` ends it. */
export function watchExercise(options: WatchOptions): { stop(): void; idle(): Promise<void> } {
  const { target, write } = options;
  const pollMs = options.pollMs ?? 50;
  const settleMs = options.settleMs ?? 80;
  const patienceMs = options.patienceMs ?? 2000;
  const now = options.now ?? (() => new Date());
  let graded = fingerprint(target);
  let seen = graded;
  let changedAt = 0;
  let waitingSince = 0;
  let running: Promise<void> | null = null;
  let warned = false;

  const header = (what: string) => {
    const time = now().toTimeString().slice(0, 8);
    write(
      options.isTTY
        ? `${CLEAR_SCREEN}${time}  ${what}\n`
        : `\n${"─".repeat(24)} ${time} ${"─".repeat(24)}\n${what}\n`,
    );
  };

  const run = async (print: string) => {
    graded = print;
    header(`${options.label} changed · grading…`);
    let text: string;
    try {
      text = await options.grade();
    } catch (e) {
      text = `The grader failed: ${(e as Error).message}`;
    }
    write(
      `${text}\n\n${now().toTimeString().slice(0, 8)}  Watching ${options.label}: save to re-grade, Ctrl-C to stop.\n`,
    );
  };

  const tick = () => {
    const print = fingerprint(target);
    const t = Date.now();
    if (print !== seen) {
      seen = print;
      changedAt = t;
      return;
    }
    if (running || print === graded || t - changedAt < settleMs) return;
    if (print === "missing" || print === "empty" || print === "") {
      // Mid-save: wait for the file to come back, and say so only if it stays away.
      if (!waitingSince) waitingSince = t;
      if (!warned && t - waitingSince >= patienceMs) {
        warned = true;
        write(
          `${options.label} is ${print === "empty" ? "empty" : "missing"}; waiting for it to be saved again.\n`,
        );
      }
      return;
    }
    waitingSince = 0;
    warned = false;
    running = run(print).finally(() => (running = null));
  };

  const timer = setInterval(tick, pollMs);
  return {
    stop: () => clearInterval(timer),
    idle: async () => {
      while (running) await running;
    },
  };
}

const USAGE = "usage: npm run watch N   (N is the exercise number)";

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      // --legacy-watch is accepted for old habits: polling is now always used.
      options: { ...PATH_OPTIONS, "legacy-watch": { type: "boolean", short: "L" } },
      allowPositionals: true,
      strict: true,
    },
    USAGE,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const paths = learnerPaths(values);
  let ex;
  try {
    ex = exerciseOrExplain(loadManifest(paths.tests), positionals[0], USAGE);
  } catch (e) {
    ex = (e as Error).message;
  }
  if (typeof ex === "string") {
    console.error(ex);
    return 2;
  }
  const target = path.join(paths.exercises, ex.file);
  const label = path.relative(process.cwd(), target) || target;
  const isTTY = Boolean(process.stdout.isTTY);
  const grade = async () =>
    (await learnerGrade({ paths, exercise: ex.id, next: "save", width: process.stdout.columns })).text;
  const write = (s: string) => void process.stdout.write(s);
  write(
    `${isTTY ? CLEAR_SCREEN : ""}Watching ${label}: grading now, then again each time you save. Ctrl-C to stop.\n`,
  );
  write(await grade().catch((e) => `The grader failed: ${(e as Error).message}`));
  write(`\n\nWatching ${label}: save to re-grade, Ctrl-C to stop.\n`);
  watchExercise({ target, label, grade, write, isTTY });
  return -1;
}

if (require.main === module) {
  main().then((code) => {
    if (code >= 0) process.exit(code);
  });
}
