/**
 * Reading and writing the learner's scratch folder from the trusted suite process, without ever
 * following a link the learner's code may have planted there.
 *
 * Every path is walked one component at a time from the scratch root, each directory opened with
 * O_NOFOLLOW | O_DIRECTORY and the next component reached through that open directory
 * (`/proc/self/fd/<fd>/<name>` on Linux, the equivalent of openat), so that swapping a directory
 * for a link half way through cannot redirect the walk. Files are opened with O_NOFOLLOW and
 * checked with fstat to be regular files; sizes are capped. Where /proc is missing (learner mode
 * on a laptop), each component is checked with lstat first instead.
 *
 * `safeCopy` copies a directory tree out of the scratch into a fresh temp folder of this process,
 * so the pristine `tensorlings/io` readers read only trusted copies.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const C = fs.constants;
const O_NOFOLLOW = C.O_NOFOLLOW ?? 0;
const O_DIRECTORY = C.O_DIRECTORY ?? 0;
const O_NONBLOCK = C.O_NONBLOCK ?? 0;
const PROC_FD = (() => {
  try {
    return fs.statSync("/proc/self/fd").isDirectory() ? "/proc/self/fd" : null;
  } catch {
    return null;
  }
})();

/** A problem with the learner's files (a link, a special file, too much data): shown as the test's failure. */
export class ScratchFileError extends Error {
  override name = "ScratchFileError";
}

interface Dir {
  fd: number;
  /** The directory's path, for messages and the lstat fallback. */
  path: string;
}

/** Where `name` inside `dir` is reached without re-resolving the directory's own path. */
function inside(dir: Dir, name: string): string {
  return PROC_FD ? `${PROC_FD}/${dir.fd}/${name}` : path.join(dir.path, name);
}

function checkName(name: string): void {
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0"))
    throw new ScratchFileError(`unexpected path component "${name}"`);
}

function openRoot(scratch: string): Dir {
  const fd = fs.openSync(scratch, C.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  return { fd, path: scratch };
}

function openSubdir(dir: Dir, name: string): Dir {
  checkName(name);
  const p = inside(dir, name);
  if (!PROC_FD && !fs.lstatSync(p).isDirectory())
    throw new ScratchFileError(`${path.join(dir.path, name)} is not a directory`);
  let fd: number;
  try {
    fd = fs.openSync(p, C.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "ENOTDIR" || code === "EMLINK")
      throw new ScratchFileError(`${path.join(dir.path, name)} is a link or not a directory; the grader does not follow links`);
    throw e;
  }
  if (!fs.fstatSync(fd).isDirectory()) {
    fs.closeSync(fd);
    throw new ScratchFileError(`${path.join(dir.path, name)} is not a directory`);
  }
  return { fd, path: path.join(dir.path, name) };
}

/** The components of `target` below `scratch` (which must contain it). */
function componentsOf(scratch: string, target: string): string[] {
  const rel = path.relative(path.resolve(scratch), path.resolve(target));
  if (rel === "") return [];
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new ScratchFileError(`${target} is outside the learner's scratch folder`);
  return rel.split(path.sep);
}

/** Runs `fn` with the directory `dirPath` (inside `scratch`) open; closes every descriptor after. */
function withDir<T>(scratch: string, dirPath: string, fn: (dir: Dir) => T): T {
  const opened: Dir[] = [openRoot(scratch)];
  try {
    for (const name of componentsOf(scratch, dirPath)) opened.push(openSubdir(opened[opened.length - 1], name));
    return fn(opened[opened.length - 1]);
  } finally {
    for (const d of opened) fs.closeSync(d.fd);
  }
}

/** Opens a regular file `name` of `dir` for reading, or null when there is none. */
function openRegular(dir: Dir, name: string): number | null {
  checkName(name);
  const p = inside(dir, name);
  let fd: number;
  try {
    if (!PROC_FD && !fs.lstatSync(p).isFile()) throw new ScratchFileError(`${path.join(dir.path, name)} is not a regular file`);
    // O_NONBLOCK: a FIFO swapped in cannot make the open hang.
    fd = fs.openSync(p, C.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP" || code === "EMLINK")
      throw new ScratchFileError(`${path.join(dir.path, name)} is a link; the grader does not follow links`);
    throw e;
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw new ScratchFileError(`${path.join(dir.path, name)} is not a regular file`);
  }
  return fd;
}

/** Reads at most `max` bytes of an open file; throws `tooBig()` when it holds more. */
function readCapped(fd: number, max: number, tooBig: () => string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.alloc(Math.min(1 << 20, max + 1 - total));
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (total > max) throw new ScratchFileError(tooBig());
  }
  return Buffer.concat(chunks, total);
}

/**
 * The contents of a small regular file inside `scratch`, or null when it (or a folder on its way)
 * does not exist. A link, a special file or a file over `maxBytes` is an error.
 */
export function readScratchFile(scratch: string, file: string, maxBytes = 4096): Buffer | null {
  try {
    return withDir(scratch, path.dirname(file), (dir) => {
      const fd = openRegular(dir, path.basename(file));
      if (fd === null) return null;
      try {
        return readCapped(fd, maxBytes, () => `${file}: more than ${maxBytes} bytes`);
      } finally {
        fs.closeSync(fd);
      }
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * A fresh folder `<scratch>/tmp/<prefix>XXXXXX`, made without following links and owned like
 * `<scratch>/tmp` (the sandbox may run as another uid); its path.
 */
export function makeScratchTempDir(scratch: string, prefix: string): string {
  return withDir(scratch, path.join(scratch, "tmp"), (dir) => {
    const made = path.basename(fs.mkdtempSync(inside(dir, prefix)));
    const owner = fs.fstatSync(dir.fd);
    if (process.getuid?.() === 0 && owner.uid !== 0) {
      const sub = openSubdir(dir, made);
      try {
        fs.fchownSync(sub.fd, owner.uid, owner.gid);
      } finally {
        fs.closeSync(sub.fd);
      }
    }
    return path.join(dir.path, made);
  });
}

/** Creates a new file inside `scratch` (never overwriting anything, never through a link). */
export function writeNewScratchFile(scratch: string, file: string, data: string | Uint8Array): void {
  withDir(scratch, path.dirname(file), (dir) => {
    const name = path.basename(file);
    checkName(name);
    const fd = fs.openSync(inside(dir, name), C.O_WRONLY | C.O_CREAT | C.O_EXCL | O_NOFOLLOW, 0o644);
    try {
      const buf = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
      for (let off = 0; off < buf.length; ) off += fs.writeSync(fd, buf, off, buf.length - off);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** Removes a file inside `scratch` (unlink never follows a link); no error when it is gone. */
export function removeScratchFile(scratch: string, file: string): void {
  try {
    withDir(scratch, path.dirname(file), (dir) => fs.rmSync(inside(dir, path.basename(file)), { force: true }));
  } catch {
    // Best effort: the scratch folder is removed with the run.
  }
}

export interface CopyOptions {
  /** Total bytes copied at most (default 64 MiB). */
  maxBytes?: number;
  /** Files and folders at most (default 10,000). */
  maxEntries?: number;
  /** Folder depth at most (default 16). */
  maxDepth?: number;
}

export interface ScratchCopy {
  /** The original folder, inside the scratch. */
  from: string;
  /** The trusted copy. */
  root: string;
  /** The copy's path for a path inside `from` (a path outside `from` is returned unchanged). */
  toCopy(p: string): string;
  /** The original path for a path inside the copy (a path outside the copy is returned unchanged). */
  toOriginal(p: string): string;
}

const copies: string[] = [];

/** Removes every copy made by `safeCopy` (call from `afterAll`). */
export function removeCopies(): void {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

function mapPath(p: string, fromRoot: string, toRoot: string): string {
  const rel = path.relative(fromRoot, path.resolve(p));
  if (rel === "") return toRoot;
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return p;
  return path.join(toRoot, rel);
}

/**
 * Copies the folder `from` (inside `scratch`) into a fresh temp folder of this process: regular
 * files and folders only. A link or any other kind of file is an error (ScratchFileError), as is
 * more data than the caps allow. A missing `from` gives an empty copy.
 */
export function safeCopy(scratch: string, from: string, options: CopyOptions = {}): ScratchCopy {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxDepth = options.maxDepth ?? 16;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ex12-copy-"));
  copies.push(root);
  let bytes = 0;
  let entries = 0;

  const copyDir = (dir: Dir, to: string, depth: number): void => {
    if (depth > maxDepth) throw new ScratchFileError(`${dir.path}: folders nested more than ${maxDepth} deep`);
    const names = fs.readdirSync(PROC_FD ? `${PROC_FD}/${dir.fd}` : dir.path).sort();
    for (const name of names) {
      if (++entries > maxEntries) throw new ScratchFileError(`${from}: more than ${maxEntries} files and folders`);
      const where = path.join(dir.path, name);
      const st = fs.lstatSync(inside(dir, name), { throwIfNoEntry: false });
      if (!st) continue; // removed meanwhile
      if (st.isSymbolicLink())
        throw new ScratchFileError(`${where} is a symbolic link; the grader reads only regular files and folders`);
      if (st.isDirectory()) {
        const sub = openSubdir(dir, name);
        try {
          fs.mkdirSync(path.join(to, name));
          copyDir(sub, path.join(to, name), depth + 1);
        } finally {
          fs.closeSync(sub.fd);
        }
      } else if (st.isFile()) {
        const fd = openRegular(dir, name);
        if (fd === null) continue;
        try {
          const data = readCapped(fd, maxBytes - bytes, () => `${from}: more than ${maxBytes} bytes in all`);
          bytes += data.length;
          fs.writeFileSync(path.join(to, name), data, { flag: "wx", mode: 0o600 });
        } finally {
          fs.closeSync(fd);
        }
      } else {
        throw new ScratchFileError(`${where} is neither a regular file nor a folder`);
      }
    }
  };

  try {
    withDir(scratch, from, (dir) => copyDir(dir, root, 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" || e instanceof ScratchFileError) throw e;
    // A missing folder: an empty copy (the checks then say what is missing).
  }
  const fromRoot = path.resolve(from);
  return {
    from: fromRoot,
    root,
    toCopy: (p) => mapPath(p, fromRoot, root),
    toOriginal: (p) => mapPath(p, root, fromRoot),
  };
}
