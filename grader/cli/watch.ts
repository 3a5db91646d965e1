/**
 * `npm run watch N`: re-grades exercise N every time its file is saved (nodemon). Native file
 * events miss changes on WSL's /mnt drives and network folders, so polling is used there
 * automatically, when the system has no inotify watches left, or with `--legacy-watch`.
 */
import * as fs from "fs";
import nodemon from "nodemon";
import * as path from "path";
import { parseArgs } from "util";
import { findExercise, loadManifest } from "../manifest";
import { learnerPaths, PATH_OPTIONS } from "./paths";

/** Why polling should replace native file events here, or null when native events should work. */
export function pollingReason(
  watched: string,
  env: NodeJS.ProcessEnv = process.env,
  readFile = (f: string) => fs.readFileSync(f, "utf8"),
): string | null {
  if (env.TENSORLINGS_POLL === "1") return "TENSORLINGS_POLL=1";
  let version = "";
  try {
    version = readFile("/proc/version");
  } catch {
    // Not Linux: native events are fine.
  }
  const wsl = /microsoft|wsl/i.test(version) || !!env.WSL_DISTRO_NAME;
  if (wsl && path.resolve(watched).startsWith("/mnt/")) return "WSL drive under /mnt";
  try {
    if (Number(readFile("/proc/sys/fs/inotify/max_user_watches").trim()) < 64)
      return "too few inotify watches";
  } catch {
    // No such limit to check.
  }
  return null;
}

export function main(argv = process.argv.slice(2)): number {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { ...PATH_OPTIONS, "legacy-watch": { type: "boolean", short: "L" } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: npm run watch N [-- --legacy-watch]`);
    return 2;
  }
  const n = Number(positionals[0]);
  const paths = learnerPaths(values);
  let target: string;
  try {
    if (!Number.isInteger(n)) throw new Error("usage: npm run watch N [-- --legacy-watch]");
    const ex = findExercise(loadManifest(paths.tests), n);
    target = path.join(paths.exercises, ex.file);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const reason = values["legacy-watch"] ? "--legacy-watch" : pollingReason(target);
  const tsNode = require.resolve("ts-node/dist/bin.js", { paths: [paths.kitRoot] });
  const gradeScript = path.join(__dirname, "grade.ts");
  const passThrough = (["exercises", "tests", "progress", "kit"] as const).flatMap((k) =>
    values[k] ? [`--${k}`, String(values[k])] : [],
  );
  const exec = [process.execPath, tsNode, gradeScript, String(n), ...passThrough].map(shellQuote).join(" ");
  console.log(
    `Watching ${path.relative(process.cwd(), target) || target}${reason ? ` by polling (${reason})` : ""}; save the file to grade again, Ctrl-C to stop.`,
  );
  nodemon({
    exec,
    watch: [target],
    ext: "ts",
    legacyWatch: reason !== null,
    pollingInterval: 500,
    delay: 300,
    cwd: paths.kitRoot,
    quiet: true,
  } as unknown as Parameters<typeof nodemon>[0]); // @types/nodemon wants `script`, which `exec` replaces
  nodemon.on("quit", () => process.exit(0));
  return -1;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

if (require.main === module) {
  const code = main();
  if (code >= 0) process.exit(code);
}
