/**
 * Builds a batch folder from the fixture kit, the honest submissions and the hostile corpus,
 * adding the pieces that cannot be stored as plain files (symlinks, crafted zips, node_modules).
 */
import AdmZip from "adm-zip";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "grader");
export const KIT = path.join(FIXTURES, "kit");
export const SUITES = path.join(KIT, "suites");
export const SOLUTION = path.join(KIT, "solution");
export const STUB = path.join(KIT, "exercises");
export const HOSTILE = path.join(FIXTURES, "hostile");
export const HONEST = path.join(FIXTURES, "honest");

export interface HostileExpectation {
  anchor?: string;
  category?: string;
  /** Exactly the score the submission must get: what its code earns honestly. */
  honest: number;
  /** Flag codes or static-scan rules that must all appear in its record. */
  flagged: string[];
}

export function hostileExpectations(): Record<string, HostileExpectation> {
  const raw = JSON.parse(fs.readFileSync(path.join(HOSTILE, "expected.json"), "utf8"));
  delete raw._about;
  return raw;
}

/** Copies the honest submissions into `dir`: solved, partial, empty (and stub, the untouched kit). */
export function addHonest(dir: string, withStub = false): void {
  fs.cpSync(SOLUTION, path.join(dir, "solved"), { recursive: true });
  fs.cpSync(path.join(HONEST, "partial"), path.join(dir, "partial"), { recursive: true });
  fs.cpSync(path.join(HONEST, "empty"), path.join(dir, "empty"), { recursive: true });
  if (withStub) fs.cpSync(STUB, path.join(dir, "stub"), { recursive: true });
}

/** Copies the hostile corpus into `dir` and creates its generated members. */
export function addHostile(dir: string): void {
  for (const name of fs.readdirSync(HOSTILE)) {
    if (fs.statSync(path.join(HOSTILE, name)).isDirectory())
      fs.cpSync(path.join(HOSTILE, name), path.join(dir, name), { recursive: true });
  }
  // A transformer in node_modules that would turn every suite into passes.
  const fake = path.join(dir, "mocks-and-modules", "node_modules", "@swc", "jest");
  fs.mkdirSync(fake, { recursive: true });
  fs.writeFileSync(
    path.join(fake, "index.js"),
    `module.exports = { process: () => ({ code: 'test("[ex01.t1] x", () => {});' }) };\n`,
  );
  // A manual mock and a snapshot file (made here: stored under tests/, the kit's own Jest would load them).
  fs.mkdirSync(path.join(dir, "mocks-and-modules", "__mocks__"));
  fs.writeFileSync(
    path.join(dir, "mocks-and-modules", "__mocks__", "fs.js"),
    'module.exports = { ...jest.requireActual("fs"), writeSync: () => 0 };\n',
  );
  fs.mkdirSync(path.join(dir, "mocks-and-modules", "__snapshots__"));
  fs.writeFileSync(
    path.join(dir, "mocks-and-modules", "__snapshots__", "ex01.spec.ts.snap"),
    'exports[`[ex01.t1] adds positive integers 1`] = `"anything"`;\n',
  );
  // ex01.ts as a link to the solved file.
  fs.mkdirSync(path.join(dir, "symlink"));
  fs.symlinkSync(path.join(SOLUTION, "ex01.ts"), path.join(dir, "symlink", "ex01.ts"));
  fs.writeFileSync(path.join(dir, "zip-slip.zip"), zipSlip());
  fs.writeFileSync(path.join(dir, "zip-bomb.zip"), zipBombDeclared());
  fs.writeFileSync(path.join(dir, "zip-bomb-lying-header.zip"), zipBombLying());
}

/** Replaces equal-length placeholder names in a zip (adm-zip cleans names it is given). */
function rename(buf: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("placeholder and name must have the same length");
  const f = Buffer.from(from);
  const t = Buffer.from(to);
  let i: number;
  while ((i = buf.indexOf(f)) >= 0) t.copy(buf, i);
  return buf;
}

/** Entries that leave the archive, plus a wrong ex01 at the top. */
export function zipSlip(): Buffer {
  const z = new AdmZip();
  z.addFile("QQ/QQ/ex02.ts", Buffer.from('export const q1 = () => "b";\nexport const q2 = () => 6;\n'));
  z.addFile("Qtmp/ex03.ts", Buffer.from("export const slowSum = () => 0;\n"));
  z.addFile(
    "ex01.ts",
    Buffer.from("export function add(_a: number, _b: number): number {\n  return 0;\n}\n"),
  );
  return rename(rename(z.toBuffer(), "QQ/QQ/ex02.ts", "../../ex02.ts"), "Qtmp/ex03.ts", "/tmp/ex03.ts");
}

/** Offsets of a field in every local (30-byte) and central (46-byte) header of a zip. */
function patchSizes(buf: Buffer, uncompressed: number): Buffer {
  for (let i = 0; i + 4 <= buf.length; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50) buf.writeUInt32LE(uncompressed, i + 22);
    else if (sig === 0x02014b50) buf.writeUInt32LE(uncompressed, i + 24);
  }
  return buf;
}

/** An entry whose header claims 4 GB. */
export function zipBombDeclared(): Buffer {
  const z = new AdmZip();
  z.addFile("ex01.ts", Buffer.alloc(4 * 1024 * 1024, 0x20));
  return patchSizes(z.toBuffer(), 0xfffffff0);
}

/** An entry whose header claims 100 bytes but inflates to 8 MB. */
export function zipBombLying(): Buffer {
  const z = new AdmZip();
  z.addFile("ex01.ts", Buffer.alloc(8 * 1024 * 1024, 0x20));
  return patchSizes(z.toBuffer(), 100);
}

/**
 * A private --tests folder: the fixture kit's suites and manifest, each suite with `marker` in a
 * comment, so that a test can check the suites' text never reaches any output.
 */
export function privateTests(dir: string, marker: string): string {
  fs.cpSync(SUITES, dir, { recursive: true });
  for (const f of fs.readdirSync(dir).filter((f) => /\.(spec|test)\.ts$/.test(f)))
    fs.appendFileSync(path.join(dir, f), `\n// ${marker}: private suite text that must never be shown\n`);
  return dir;
}

/** SHA-256 of every file under `rels` (files or folders of `root`), by relative path; `skip` prunes. */
export function hashTree(
  root: string,
  rels: string[],
  skip: (rel: string) => boolean = () => false,
): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string) => {
    if (skip(rel)) return;
    const full = path.join(root, rel);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(full);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(full).sort()) visit(path.join(rel, e));
    else if (st.isSymbolicLink()) out.set(rel, `link:${fs.readlinkSync(full)}`);
    else out.set(rel, createHash("sha256").update(fs.readFileSync(full)).digest("hex"));
  };
  for (const rel of rels) visit(rel);
  return out;
}

/** Every regular file under `dir`, by relative path, as text. */
export function readAll(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string) => {
    const full = path.join(dir, rel);
    const st = fs.lstatSync(full);
    if (st.isDirectory()) for (const e of fs.readdirSync(full)) visit(path.join(rel, e));
    else if (st.isFile()) out.set(rel, fs.readFileSync(full, "utf8"));
  };
  visit("");
  return out;
}

/** Pids of the processes (of any user) whose command line contains `marker`. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const p of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    if (Number(p) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(marker)) found.push(Number(p));
    } catch {
      // gone
    }
  }
  return found;
}
