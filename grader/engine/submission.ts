/**
 * Reading a submission: a folder (a copy of `exercises/` or a whole clone of the kit) or a `.zip`
 * as an LMS exports it. Only the exercise files the manifest names are taken, from the folder
 * that holds most of them (a clone's `exercises/`, never its `solutions/`); everything else a
 * submission carries is left where it is. Symlinks are not followed, files are size-capped, and
 * zip entries are inflated with an output cap, so zip-slip and zip bombs have nothing to act on.
 */
import AdmZip from "adm-zip";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { isFolderExercise, type Manifest } from "../manifest";
import { cleanLearnerText, safeString } from "./text";
import type { Flag } from "./types";
import { readDirectoryClaims } from "./zip-directory";

export interface SubmissionSource {
  /** Student id: the folder or zip base name made file-name-safe (see studentId), unique in the batch. */
  id: string;
  /** The student's name as the submission carried it: folder or zip base name, or a loose file's student part. */
  originalName?: string;
  /** The folder or zip; for loose files, the folder holding them. */
  path: string;
  kind: "folder" | "zip" | "files";
  /** The name a roster gives the student, when a roster was used and lists them. */
  displayName?: string;
  /** Loose files only: each file's name in the submissions folder, keyed by the manifest file it stands for. */
  looseFiles?: Map<string, string>;
  /** Set when other submissions' names mapped to the same id: all of those names, and that id. */
  collision?: { names: string[]; original: string };
}

export interface LoadedSubmission {
  source: SubmissionSource;
  /** Folder inside the source the files were taken from ("" = its top), or null if none found. */
  root: string | null;
  /** Allow-listed files, keyed by path relative to the submission root (as in the manifest). */
  files: Map<string, Buffer>;
  flags: Flag[];
}

export const SUBMISSION_LIMITS = {
  maxFileBytes: 256 * 1024,
  maxFolderFiles: 64,
  maxZipBytes: 64 * 1024 * 1024,
  maxZipEntries: 5000,
  /** Room for maxZipEntries entries with long names. */
  maxZipDirectoryBytes: 4 * 1024 * 1024,
  maxZipTotalBytes: 256 * 1024 * 1024,
  maxWalkEntries: 50_000,
  maxDepth: 8,
};

/** Files that configure Jest, TypeScript, Babel, swc or npm: never used, flagged when not the kit's own. */
const CONFIG_FILES = new Set([
  "package.json",
  "package-lock.json",
  ".npmrc",
  "tsconfig.json",
  ".swcrc",
  ".babelrc",
  "babel.config.js",
  "babel.config.json",
  "jest.config.js",
  "jest.config.ts",
  "jest.config.mjs",
  "jest.config.cjs",
  "jest.config.json",
  "jest.setup.js",
  "jest.setup.ts",
  "setupTests.js",
  "setupTests.ts",
  "junitProperties.js",
  "junitTestCaseProperties.js",
]);
/** Folders Jest would pick up (mocks, snapshots, modules): never used, flagged. */
const CONFIG_DIRS = new Set(["__mocks__", "__snapshots__", "node_modules", ".jest"]);

/** Folders never taken as the submission root, and not walked where that saves time. */
const NOT_ROOTS = new Set([
  "node_modules",
  ".git",
  "solutions",
  "grader",
  "tests",
  "__MACOSX",
  ".tensorlings",
  "out",
  "tmp",
]);
const NOT_WALKED = new Set(["node_modules", ".git", "__MACOSX"]);

/** What a submissions folder holds: the submissions, and the entries that are none. */
export interface SubmissionListing {
  sources: SubmissionSource[];
  /** Files and folders that are neither a submission nor an LMS-named loose file, each with why. */
  unrecognised: string[];
  /** Original names of submissions a roster was given for but does not list (graded under their own ids). */
  offRoster: string[];
}

/** A roster's answer for a submission's original name: the id to grade it under, and a display name. */
export type RosterLookUp = (originalName: string) => { studentId: string; displayName?: string } | undefined;

/**
 * A Canvas download name: `login[_LATE]_userId_submissionId`, then `_` and the file or assignment
 * name when there is one (a loose file, a zip); null for any other name. Intake, the roster and the
 * Canvas gradebook all read Canvas names through this one parser.
 */
export function parseCanvasName(
  name: string,
): { prefix: string; login: string; userId: string; rest?: string } | null {
  const m = /^(([^_]+)(?:_LATE)?_(\d+)_\d+)(?:_(.+))?$/i.exec(name);
  return m ? { prefix: m[1], login: m[2], userId: m[3], ...(m[4] ? { rest: m[4] } : {}) } : null;
}

/**
 * A loose file as LMSs name them on export, or null. Canvas: `login[_LATE]_userId_submissionId_name`
 * (a resubmitted name gains `-1`, `-2`, …); Moodle: `Full Name_userId_assignsubmission_file_name`.
 */
export function parseLooseName(
  file: string,
): { student: string; key: string; name: string; original: string } | null {
  const moodle = /^(.+?)_(\d+)_assignsubmission_file_?(.+)$/.exec(file);
  if (moodle)
    return {
      student: moodle[1],
      key: `moodle:${moodle[1]}:${moodle[2]}`,
      name: moodle[3],
      original: moodle[1],
    };
  const canvas = parseCanvasName(file);
  if (canvas?.rest)
    return {
      student: canvas.login,
      key: `canvas:${canvas.login}:${canvas.userId}`,
      name: canvas.rest.replace(/-\d+(\.ts)$/, "$1"),
      // The whole download prefix, as a Canvas zip's name: it carries the user id the gradebook needs.
      original: canvas.prefix,
    };
  return null;
}

/**
 * Submissions in `dir`, each with an id safe as a file name. Two names that map to the same id
 * (say "a b" and "a_b", or "Alice" and "alice" on a case-insensitive disk) are told apart by a
 * suffix ("-2", "-3", …) on all but the first, and each of them carries a note that becomes a flag.
 */
export function listSubmissions(dir: string, manifest?: Manifest): SubmissionSource[] {
  return scanSubmissions(dir, manifest).sources;
}

/**
 * As listSubmissions, and the entries left out. Loose files are grouped per student when the
 * manifest names the exercise file they carry; without a manifest every loose file is left out.
 */
export function scanSubmissions(dir: string, manifest?: Manifest, roster?: RosterLookUp): SubmissionListing {
  type Found = {
    name: string;
    base: string;
    path: string;
    kind: SubmissionSource["kind"];
    looseFiles?: Map<string, string>;
  };
  const found: Found[] = [];
  const unrecognised: string[] = [];
  const loose = new Map<string, Found>();
  const singleFiles = new Map<string, string>();
  for (const ex of manifest?.exercises ?? [])
    if (!isFolderExercise(ex)) singleFiles.set(path.posix.basename(ex.file), ex.file);
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
    if (e.name.startsWith(".")) continue;
    let kind: SubmissionSource["kind"] | null = null;
    if (e.isDirectory()) kind = "folder";
    else if (e.isFile() && e.name.toLowerCase().endsWith(".zip")) kind = "zip";
    if (!kind) {
      const shown = cleanLearnerText(e.name, { max: 200 });
      if (!e.isFile()) {
        unrecognised.push(`${shown}: not a folder, zip or file`);
        continue;
      }
      const parsed = parseLooseName(e.name);
      if (!parsed) {
        unrecognised.push(
          `${shown}: not a folder or zip, and not named the way Canvas or Moodle name loose files`,
        );
        continue;
      }
      const rel = singleFiles.get(parsed.name);
      if (!rel) {
        unrecognised.push(
          `${shown}: a loose file of ${JSON.stringify(parsed.student)} that names no exercise file ("${cleanLearnerText(parsed.name, { max: 100 })}")`,
        );
        continue;
      }
      let group = loose.get(parsed.key);
      if (!group) {
        group = {
          name: parsed.original,
          base: studentId(parsed.student),
          path: dir,
          kind: "files",
          looseFiles: new Map(),
        };
        loose.set(parsed.key, group);
        found.push(group);
      }
      // Files sort by name, so a later one (Canvas's "-1" resubmission, a late copy) replaces an earlier one.
      group.looseFiles!.set(rel, e.name);
      continue;
    }
    const base = studentId(kind === "zip" ? e.name.slice(0, -4) : e.name);
    found.push({ name: e.name, base, path: path.join(dir, e.name), kind });
  }
  const originalOf = (f: Found) => (f.kind === "zip" ? f.name.slice(0, -4) : f.name);
  const offRoster: string[] = [];
  const displayNames = new Map<Found, string>();
  if (roster)
    for (const f of found) {
      const entry = roster(originalOf(f));
      if (!entry) offRoster.push(originalOf(f));
      else {
        f.base = studentId(entry.studentId);
        if (entry.displayName) displayNames.set(f, entry.displayName);
      }
    }
  const key = (id: string) => id.toLowerCase();
  const groups = new Map<string, string[]>();
  for (const f of found) {
    if (!groups.has(key(f.base))) groups.set(key(f.base), []);
    groups.get(key(f.base))!.push(f.name);
  }
  const taken = new Set(found.map((f) => key(f.base)));
  const used = new Set<string>();
  const sources = found.map((f): SubmissionSource => {
    const names = groups.get(key(f.base))!;
    let id = f.base;
    // A suffixed id never takes the id another submission's own name maps to.
    for (let n = 2; used.has(key(id)); n++) {
      const next = `${f.base}-${n}`;
      if (!taken.has(key(next))) id = next;
    }
    used.add(key(id));
    const source: SubmissionSource = { id, originalName: originalOf(f), path: f.path, kind: f.kind };
    if (displayNames.has(f)) source.displayName = displayNames.get(f);
    if (f.looseFiles) source.looseFiles = f.looseFiles;
    if (names.length > 1) source.collision = { names, original: f.base };
    return source;
  });
  return { sources, unrecognised, offRoster };
}

/** Names from a submission, as they may appear in a flag message. */
function showNames(names: string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(cleanLearnerText(n, { max: 100 })));
  return shown.join(", ") + (names.length > max ? `, and ${names.length - max} more` : "");
}

/** Code-point order, so the id a name keeps does not depend on the machine's locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Characters of a folder or zip name kept in an id. */
const MAX_ID_CHARS = 80;

/**
 * A file-name-safe id from a folder or zip name: letters and digits of any script, `_ . @ -`;
 * every other run of characters becomes `_`, and a leading `.` or `-` is replaced too.
 */
export function studentId(name: string): string {
  const id = Array.from(
    name
      .normalize("NFC")
      .trim()
      .replace(/[^\p{L}\p{N}_.@-]+/gu, "_")
      .replace(/^[.-]+/, "_"),
  )
    .slice(0, MAX_ID_CHARS)
    .join("");
  return id || "_";
}

/** `kitRoot` lets configuration files identical to the kit's own (a clone's) pass unflagged. */
export function loadSubmission(
  source: SubmissionSource,
  manifest: Manifest,
  kitRoot?: string,
): LoadedSubmission {
  const loaded =
    source.kind === "zip"
      ? loadZip(source, manifest, kitRoot)
      : source.kind === "files"
        ? loadLoose(source)
        : loadFolder(source, manifest, kitRoot);
  if (source.collision)
    loaded.flags.unshift({
      code: "id-collision",
      severity: "incident",
      message: `the names ${showNames(source.collision.names)} all map to the id "${source.collision.original}"; this one was graded as "${source.id}"`,
    });
  return loaded;
}

/** One flag naming the configuration a submission carried that would have changed how tests run. */
function configFlag(
  files: string[],
  dirs: string[],
  root: string,
  kitRoot: string | undefined,
  read: (rel: string) => Buffer | null,
): Flag | null {
  const parent = root === "" ? null : path.posix.dirname(root) === "." ? "" : path.posix.dirname(root);
  const inRoot = (p: string) => root === "" || p.startsWith(root + "/");
  const dirOf = (p: string) => (path.posix.dirname(p) === "." ? "" : path.posix.dirname(p));
  const odd: string[] = [];
  for (const f of files) {
    const d = dirOf(f);
    if (d !== root && d !== parent && !inRoot(f)) continue;
    const mine = read(f);
    const kits = kitRoot
      ? [path.join(kitRoot, path.posix.basename(f)), path.join(kitRoot, "exercises", path.posix.basename(f))]
      : [];
    const same = mine !== null && kits.some((k) => fs.existsSync(k) && fs.readFileSync(k).equals(mine));
    if (!same) odd.push(f);
  }
  for (const d of dirs) {
    const base = path.posix.basename(d);
    if (inRoot(d) || (dirOf(d) === parent && base !== "node_modules")) odd.push(d + "/");
  }
  if (!odd.length) return null;
  return {
    code: "ignored-file",
    severity: "incident",
    message: cleanLearnerText(
      `configuration shipped with the submission was ignored (the grader uses its own): ${odd.slice(0, 10).join(", ")}${odd.length > 10 ? ", …" : ""}`,
      { max: 1000 },
    ),
  };
}

/** The folder (relative, "" = top) holding the most exercise files; ties prefer `exercises`, then the shallowest. */
export function chooseRoot(paths: string[], manifest: Manifest): string | null {
  // Each path votes for the folders it would put an exercise file in: linear in the paths, so
  // tens of thousands of files in a submission cost milliseconds.
  const votes = new Map<string, Set<number>>();
  const vote = (dir: string, id: number) => {
    if (!votes.has(dir)) votes.set(dir, new Set());
    votes.get(dir)!.add(id);
  };
  for (const p of paths) {
    for (const ex of manifest.exercises) {
      if (isFolderExercise(ex)) {
        if (!p.endsWith(".ts")) continue;
        for (let i = p.indexOf(ex.file); i >= 0; i = p.indexOf(ex.file, i + 1))
          if (i === 0 || p[i - 1] === "/") vote(i === 0 ? "" : p.slice(0, i - 1), ex.id);
      } else if (p === ex.file) vote("", ex.id);
      else if (p.endsWith("/" + ex.file)) vote(p.slice(0, p.length - ex.file.length - 1), ex.id);
    }
  }
  let best: { dir: string; count: number } | null = null;
  const better = (a: string, b: string) => {
    const ea = path.posix.basename(a) === "exercises" ? 0 : 1;
    const eb = path.posix.basename(b) === "exercises" ? 0 : 1;
    if (ea !== eb) return ea < eb;
    const da = a === "" ? 0 : a.split("/").length;
    const db = b === "" ? 0 : b.split("/").length;
    return da !== db ? da < db : a < b;
  };
  for (const [dir, ids] of votes) {
    if (dir.split("/").some((seg) => NOT_ROOTS.has(seg))) continue;
    const count = ids.size;
    if (!best || count > best.count || (count === best.count && better(dir, best.dir))) best = { dir, count };
  }
  return best ? best.dir : null;
}

/** Which of `paths` (relative to the root) are allow-listed, mapped to their manifest-relative names. */
function allowListed(paths: string[], root: string, manifest: Manifest): string[] {
  const prefix = root ? root + "/" : "";
  const out: string[] = [];
  for (const ex of manifest.exercises) {
    if (isFolderExercise(ex)) {
      const inside = paths
        .filter((p) => p.startsWith(prefix + ex.file) && p.endsWith(".ts"))
        .map((p) => p.slice(prefix.length))
        .filter((rel) => rel.split("/").length - ex.file.split("/").length < 4)
        .sort()
        .slice(0, SUBMISSION_LIMITS.maxFolderFiles);
      out.push(...inside);
    } else if (paths.includes(prefix + ex.file)) out.push(ex.file);
  }
  return out;
}

/** The next entry of an open folder, or null at its end or when it cannot be read. */
function readEntry(dir: fs.Dir): fs.Dirent | null {
  try {
    return dir.readSync();
  } catch {
    return null;
  }
}

function loadFolder(source: SubmissionSource, manifest: Manifest, kitRoot?: string): LoadedSubmission {
  const flags: Flag[] = [];
  const files = new Map<string, Buffer>();
  const regular: string[] = [];
  const links: string[] = [];
  const configFiles: string[] = [];
  const configDirs: string[] = [];
  let walked = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > SUBMISSION_LIMITS.maxDepth || walked > SUBMISSION_LIMITS.maxWalkEntries) return;
    let entries: fs.Dir;
    try {
      entries = fs.opendirSync(dir);
    } catch {
      return;
    }
    // Read one entry at a time: a folder of a million files costs no more than the limit.
    for (let e = readEntry(entries); e; e = readEntry(entries)) {
      if (++walked > SUBMISSION_LIMITS.maxWalkEntries) break;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) links.push(r);
      else if (e.isDirectory()) {
        if (CONFIG_DIRS.has(e.name)) configDirs.push(r);
        if (!NOT_WALKED.has(e.name)) walk(path.join(dir, e.name), r, depth + 1);
      } else if (e.isFile()) {
        if (e.name.endsWith(".ts")) regular.push(r);
        if (CONFIG_FILES.has(e.name)) configFiles.push(r);
      }
    }
    entries.closeSync();
  };
  walk(source.path, "", 0);
  if (walked > SUBMISSION_LIMITS.maxWalkEntries)
    flags.push({
      code: "submission-limit",
      severity: "incident",
      message: `the submission holds more than ${SUBMISSION_LIMITS.maxWalkEntries} files and folders; only the first ${SUBMISSION_LIMITS.maxWalkEntries} were looked at`,
    });
  const root = chooseRoot([...regular, ...links], manifest);
  if (root === null) return { source, root, files, flags };
  const readSmall = (rel: string) => {
    try {
      const full = path.join(source.path, rel);
      return fs.lstatSync(full).size <= SUBMISSION_LIMITS.maxFileBytes ? fs.readFileSync(full) : null;
    } catch {
      return null;
    }
  };
  const cfg = configFlag(configFiles, configDirs, root, kitRoot, readSmall);
  if (cfg) flags.push(cfg);
  for (const rel of allowListed([...regular, ...links], root, manifest)) {
    const full = path.join(source.path, root, rel);
    const st = fs.lstatSync(full);
    if (st.isSymbolicLink()) {
      flags.push({
        code: "ignored-file",
        severity: "incident",
        message: `${rel} is a symbolic link; it was not followed (submit the file itself)`,
      });
    } else if (st.size > SUBMISSION_LIMITS.maxFileBytes) {
      flags.push({
        code: "submission-limit",
        severity: "incident",
        message: `${rel} is larger than ${SUBMISSION_LIMITS.maxFileBytes} bytes and was left out`,
      });
    } else files.set(rel, fs.readFileSync(full));
  }
  return { source, root, files, flags };
}

/** Loose files named by an LMS: each read as the manifest file it stands for, size-capped, never through a link. */
function loadLoose(source: SubmissionSource): LoadedSubmission {
  const flags: Flag[] = [];
  const files = new Map<string, Buffer>();
  for (const [rel, name] of source.looseFiles ?? new Map<string, string>()) {
    const full = path.join(source.path, name);
    const st = fs.lstatSync(full);
    if (!st.isFile())
      flags.push({
        code: "ignored-file",
        severity: "incident",
        message: `${cleanLearnerText(name, { max: 200 })} is not a regular file; it was ignored`,
      });
    else if (st.size > SUBMISSION_LIMITS.maxFileBytes)
      flags.push({
        code: "submission-limit",
        severity: "incident",
        message: `${rel} is larger than ${SUBMISSION_LIMITS.maxFileBytes} bytes and was left out`,
      });
    else files.set(rel, fs.readFileSync(full));
  }
  return { source, root: files.size ? "" : null, files, flags };
}

function loadZip(source: SubmissionSource, manifest: Manifest, kitRoot?: string): LoadedSubmission {
  const flags: Flag[] = [];
  const files = new Map<string, Buffer>();
  const empty = (message: string): LoadedSubmission => {
    flags.push({ code: "submission-limit", severity: "incident", message });
    return { source, root: null, files, flags };
  };
  const size = fs.statSync(source.path).size;
  if (size > SUBMISSION_LIMITS.maxZipBytes)
    return empty(`the zip is ${size} bytes, more than the ${SUBMISSION_LIMITS.maxZipBytes} allowed`);
  let zip: AdmZip;
  try {
    const data = fs.readFileSync(source.path);
    const refused = refuseDirectory(data);
    if (refused) return empty(refused);
    zip = new AdmZip(data);
  } catch (e) {
    return empty(`the zip could not be read: ${cleanLearnerText(safeString(e), { max: 200 })}`);
  }
  const entries = zip.getEntries();
  if (entries.length > SUBMISSION_LIMITS.maxZipEntries)
    return empty(
      `the zip has ${entries.length} entries, more than the ${SUBMISSION_LIMITS.maxZipEntries} allowed`,
    );
  const declared = entries.reduce((s, e) => s + e.header.size, 0);
  if (declared > SUBMISSION_LIMITS.maxZipTotalBytes)
    return empty(
      `the zip unpacks to ${declared} bytes, more than the ${SUBMISSION_LIMITS.maxZipTotalBytes} allowed`,
    );
  const byName = new Map<string, AdmZip.IZipEntry>();
  let unsafe = 0;
  for (const e of entries) {
    if (e.isDirectory) continue;
    const name = e.entryName.replace(/\\/g, "/");
    const isLink = ((e.header.attr >>> 16) & 0o170000) === 0o120000;
    if (
      name.startsWith("/") ||
      /^[A-Za-z]:/.test(name) ||
      name.split("/").some((s) => s === ".." || s === "")
    ) {
      unsafe++;
      continue;
    }
    if (isLink) {
      if (name.endsWith(".ts"))
        flags.push({
          code: "ignored-file",
          severity: "incident",
          message: `${cleanLearnerText(name, { max: 200 })} is a symbolic link inside the zip; it was ignored`,
        });
      continue;
    }
    byName.set(name, e);
  }
  if (unsafe)
    flags.push({
      code: "ignored-file",
      severity: "incident",
      message: `${unsafe} zip entr${unsafe === 1 ? "y" : "ies"} with a path leaving the archive (absolute or "..") ignored`,
    });
  const names = [...byName.keys()];
  const root = chooseRoot(names, manifest);
  if (root === null) return { source, root, files, flags };
  const zipDirs = new Set<string>();
  for (const n of names) {
    const parts = n.split("/");
    for (let i = 1; i < parts.length; i++)
      if (CONFIG_DIRS.has(parts[i - 1])) zipDirs.add(parts.slice(0, i).join("/"));
  }
  const zipConfig = names.filter((n) => CONFIG_FILES.has(path.posix.basename(n)));
  const readEntry = (rel: string) => {
    const data = inflateCapped(byName.get(rel)!, SUBMISSION_LIMITS.maxFileBytes);
    return typeof data === "string" ? null : data;
  };
  const cfg = configFlag(zipConfig, [...zipDirs], root, kitRoot, readEntry);
  if (cfg) flags.push(cfg);
  const prefix = root ? root + "/" : "";
  for (const rel of allowListed(names, root, manifest)) {
    const entry = byName.get(prefix + rel)!;
    const data = inflateCapped(entry, SUBMISSION_LIMITS.maxFileBytes);
    if (typeof data === "string")
      flags.push({ code: "submission-limit", severity: "incident", message: `${rel}: ${data}; left out` });
    else files.set(rel, data);
  }
  return { source, root, files, flags };
}

/**
 * Why a zip is refused before its entries are listed, or null: the counts its end records claim
 * are checked first, since listing a directory of a million entries exhausts the heap.
 */
function refuseDirectory(data: Buffer): string | null {
  const claims = readDirectoryClaims(data);
  if (!claims)
    return "the zip could not be read: it has no end-of-central-directory record (not a zip file?)";
  if (claims.entries > SUBMISSION_LIMITS.maxZipEntries)
    return `the zip's central directory lists ${claims.entries} entries, more than the ${SUBMISSION_LIMITS.maxZipEntries} allowed; it was not opened`;
  if (claims.centralDirectoryBytes > SUBMISSION_LIMITS.maxZipDirectoryBytes)
    return `the zip's central directory is ${claims.centralDirectoryBytes} bytes, more than the ${SUBMISSION_LIMITS.maxZipDirectoryBytes} allowed; it was not opened`;
  return null;
}

/** An entry's bytes, never inflating more than `cap` bytes whatever its header claims. */
function inflateCapped(entry: AdmZip.IZipEntry, cap: number): Buffer | string {
  if (entry.header.size > cap) return `it unpacks to ${entry.header.size} bytes, more than ${cap}`;
  if (entry.header.encripted) return "it is encrypted";
  const raw = entry.getCompressedData();
  try {
    if (entry.header.method === 0)
      return raw.length > cap ? `it is larger than ${cap} bytes` : Buffer.from(raw);
    if (entry.header.method === 8) return zlib.inflateRawSync(raw, { maxOutputLength: cap });
  } catch (e) {
    return (e as Error).message.includes("maxOutputLength") ||
      (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
      ? `it unpacks to more than ${cap} bytes`
      : `it could not be unpacked (${(e as Error).message})`;
  }
  return `it uses an unsupported compression method (${entry.header.method})`;
}
