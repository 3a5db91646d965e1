/**
 * The manifest: the single list of exercises and tests a suites folder grades.
 *
 * Every suites folder (the public `grader/suites/` and any private `--tests <dir>`) holds a
 * `manifest.json` in this format next to its `exNN.test.ts` files. Tables, progress, reports and
 * every `max_score` derive from it, never from what a test run happened to report.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { findNodeAtLocation, parseTree, type JSONPath } from "jsonc-parser";
import leven from "leven";
import { SCAN_RULE_IDS } from "./engine/scan";

export type Visibility = "visible" | "hidden" | "after_due_date" | "after_published";
export const VISIBILITIES: readonly Visibility[] = ["visible", "hidden", "after_due_date", "after_published"];

/** A salted SHA-256 of a structured answer (see grader/answers.ts); the plain answer never ships. */
export interface AnswerKey {
  salt: string;
  sha256: string;
  /** Targeted feedback for known wrong answers, also stored hashed (same salt). */
  feedback?: { sha256: string; message: string }[];
}

export interface ManifestTest {
  /** Stable id, unique in the manifest; the suite's test name starts with `[id]`. */
  id: string;
  name: string;
  points: number;
  visibility: Visibility;
  /** Question id in the exercise's `answers`: the parent judges the submitted answer against it. */
  answer?: string;
  /** Overrides the exercise's per-test time limit. */
  timeoutMs?: number;
  /**
   * The check watches how the learner's code runs (e.g. counts `eval` calls), which only the
   * learner's own process can report: it is shown as feedback and never scores (points 0).
   */
  advisory?: boolean;
}

export interface ManifestExercise {
  id: number;
  slug: string;
  /** Path relative to the submission root: `ex01.ts`, or a folder such as `ex12/`. */
  file: string;
  title: string;
  /** The lesson to reread for this exercise (its number in lessons/index.ts), when there is one. */
  lesson?: number;
  /** Per-test time limit (Jest's testTimeout and the parent's wall clock). */
  timeoutMs: number;
  /** Suite file relative to the suites folder (default `exNN.test.ts`). */
  suite: string;
  /** Heap cap for the child process, in MiB. */
  memoryMb: number;
  /** Only for suites that must start processes themselves (e.g. an interrupted training run). */
  allowChildProcess: boolean;
  /** `gate`: type errors score the exercise 0 without running it; `report`: shown, tests still run. */
  typecheck: "gate" | "report" | "off";
  /** Static-scan rules the exercise's own task trips (ex12 writes its epoch file): not reported. */
  scanAllow?: string[];
  hints: string[];
  answers: Record<string, AnswerKey>;
  tests: ManifestTest[];
}

export interface Manifest {
  schemaVersion: 1;
  title: string;
  exercises: ManifestExercise[];
  /** Absolute path of the suites folder the manifest was loaded from. */
  dir: string;
  /** SHA-256 over manifest.json and every suite file: recorded in each result as `testsHash`. */
  testsHash: string;
}

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid manifest ${file}:\n  - ${problems.join("\n  - ")}`);
    this.name = "ManifestError";
  }
}

/**
 * The keys manifest.json may use at each level. Typed as complete records of the interfaces above,
 * so adding a field to an interface without listing it here (or the reverse) fails to compile:
 * the interfaces are the one schema, and any other key is a typo reported with a suggestion.
 */
const MANIFEST_KEYS: Record<"schemaVersion" | "title" | "exercises", true> = {
  schemaVersion: true,
  title: true,
  exercises: true,
};
const EXERCISE_KEYS: Record<keyof ManifestExercise | "points", true> = {
  id: true,
  slug: true,
  file: true,
  title: true,
  lesson: true,
  timeoutMs: true,
  suite: true,
  memoryMb: true,
  allowChildProcess: true,
  typecheck: true,
  scanAllow: true,
  hints: true,
  answers: true,
  tests: true,
  points: true, // the default points of the exercise's tests
};
const TEST_KEYS: Record<keyof ManifestTest, true> = {
  id: true,
  name: true,
  points: true,
  visibility: true,
  answer: true,
  timeoutMs: true,
  advisory: true,
};
const ANSWER_KEYS: Record<keyof AnswerKey, true> = { salt: true, sha256: true, feedback: true };
const FEEDBACK_KEYS: Record<keyof NonNullable<AnswerKey["feedback"]>[number], true> = {
  sha256: true,
  message: true,
};

/** Turns a JSON path into `line:column` of that key in the file, when the text is known. */
type Locate = (at: JSONPath) => string | undefined;

export const MANIFEST_FILE = "manifest.json";
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MEMORY_MB = 1024;
const TEST_ID = /^[A-Za-z0-9_.-]+$/;

/** `ex01.test.ts` for exercise 1. */
export function defaultSuiteName(exerciseId: number): string {
  return `ex${String(exerciseId).padStart(2, "0")}.test.ts`;
}

/** Reads, checks and normalises `<suitesDir>/manifest.json`. */
export function loadManifest(suitesDir: string): Manifest {
  const dir = path.resolve(suitesDir);
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new ManifestError(file, [`no ${MANIFEST_FILE} in ${dir}`]);
  const text = fs.readFileSync(file, "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  const manifest = parseManifest(raw, file, dir, locator(text));
  const missing = manifest.exercises.filter((ex) => !fs.existsSync(path.join(dir, ex.suite)));
  if (missing.length)
    throw new ManifestError(
      file,
      missing.map((ex) => `exercise ${ex.id}: suite ${ex.suite} not found`),
    );
  manifest.testsHash = hashSuites(manifest);
  return manifest;
}

/** Validates a parsed manifest object; `file` only labels errors, `locate` adds line:column. */
export function parseManifest(raw: unknown, file = MANIFEST_FILE, dir = ".", locate?: Locate): Manifest {
  const problems: string[] = [];
  const bad = (msg: string) => problems.push(msg);
  if (!isObject(raw)) throw new ManifestError(file, ["the top level must be an object"]);
  const unknown = (obj: unknown, known: Record<string, true>, at: JSONPath, label: string) =>
    unknownKeys(obj, known, at, label, path.basename(file), locate).forEach(bad);
  unknown(raw, MANIFEST_KEYS, [], "top level");
  if (raw.schemaVersion !== 1) bad(`schemaVersion must be 1 (got ${JSON.stringify(raw.schemaVersion)})`);
  if (!Array.isArray(raw.exercises) || raw.exercises.length === 0) bad("exercises must be a non-empty array");
  const exercises: ManifestExercise[] = [];
  const exIds = new Set<number>();
  const testIds = new Set<string>();
  const files = new Set<string>();
  for (const [i, e] of (Array.isArray(raw.exercises) ? raw.exercises : []).entries()) {
    const at = `exercises[${i}]`;
    if (!isObject(e)) {
      bad(`${at} must be an object`);
      continue;
    }
    const id = e.id;
    unknown(e, EXERCISE_KEYS, ["exercises", i], `exercise ${typeof id === "number" ? id : i}`);
    if (typeof id !== "number" || !Number.isInteger(id) || id < 1) bad(`${at}.id must be a positive integer`);
    else if (exIds.has(id)) bad(`${at}.id ${id} is used twice`);
    else exIds.add(id);
    const label = `exercise ${typeof id === "number" ? id : i}`;
    const str = (k: string, fallback?: string): string => {
      const v = e[k] ?? fallback;
      if (typeof v !== "string" || v.trim() === "") {
        bad(`${label}: ${k} must be a non-empty string`);
        return "";
      }
      return v;
    };
    const slug = str("slug");
    const title = str("title");
    const exFile = str("file");
    if (exFile && !isSafeRelative(exFile))
      bad(`${label}: file "${exFile}" must be a relative path inside the submission`);
    else if (exFile && !exFile.endsWith(".ts") && !exFile.endsWith("/"))
      bad(`${label}: file "${exFile}" must end in .ts (a file) or / (a folder)`);
    if (files.has(exFile)) bad(`${label}: file "${exFile}" is used by two exercises`);
    files.add(exFile);
    const suite = str("suite", typeof id === "number" ? defaultSuiteName(id) : undefined);
    if (suite && !isSafeRelative(suite))
      bad(`${label}: suite "${suite}" must be a relative path inside the suites folder`);
    const timeoutMs = num(e.timeoutMs, DEFAULT_TIMEOUT_MS, `${label}: timeoutMs`, bad, 1);
    const memoryMb = num(e.memoryMb, DEFAULT_MEMORY_MB, `${label}: memoryMb`, bad, 64);
    const defaultPoints = num(e.points, 1, `${label}: points`, bad, 0);
    if (
      e.lesson !== undefined &&
      (typeof e.lesson !== "number" || !Number.isInteger(e.lesson) || e.lesson < 0)
    )
      bad(`${label}: lesson must be a lesson number (a whole number >= 0)`);
    const typecheck = e.typecheck ?? "gate";
    if (typecheck !== "gate" && typecheck !== "report" && typecheck !== "off")
      bad(`${label}: typecheck must be gate, report or off`);
    const hints = e.hints ?? [];
    if (!Array.isArray(hints) || hints.some((h) => typeof h !== "string"))
      bad(`${label}: hints must be an array of strings (one per level)`);
    const scanAllow = e.scanAllow;
    if (
      scanAllow !== undefined &&
      (!Array.isArray(scanAllow) ||
        scanAllow.some((r) => typeof r !== "string" || !SCAN_RULE_IDS.includes(r)))
    )
      bad(`${label}: scanAllow must be an array of scan rule ids (${SCAN_RULE_IDS.join(", ")})`);
    const answers = parseAnswers(e.answers, label, bad);
    if (isObject(e.answers))
      for (const [q, k] of Object.entries(e.answers)) {
        const at = ["exercises", i, "answers", q];
        unknown(k, ANSWER_KEYS, at, `${label} answers.${q}`);
        if (isObject(k) && Array.isArray(k.feedback))
          k.feedback.forEach((f, n) =>
            unknown(f, FEEDBACK_KEYS, [...at, "feedback", n], `${label} answers.${q}.feedback[${n}]`),
          );
      }
    const tests: ManifestTest[] = [];
    if (!Array.isArray(e.tests) || e.tests.length === 0) bad(`${label}: tests must be a non-empty array`);
    for (const [j, t] of (Array.isArray(e.tests) ? e.tests : []).entries()) {
      const tat = `${label} tests[${j}]`;
      if (!isObject(t)) {
        bad(`${tat} must be an object`);
        continue;
      }
      unknown(t, TEST_KEYS, ["exercises", i, "tests", j], tat);
      const tid = typeof t.id === "string" ? t.id : "";
      if (!TEST_ID.test(tid)) bad(`${tat}.id must match ${TEST_ID} (got ${JSON.stringify(t.id)})`);
      else if (testIds.has(tid)) bad(`${tat}.id "${tid}" is used twice`);
      testIds.add(tid);
      if (typeof t.name !== "string" || !t.name.trim()) bad(`${tat}.name must be a non-empty string`);
      const visibility = (t.visibility ?? "visible") as Visibility;
      if (!VISIBILITIES.includes(visibility))
        bad(`${tat}.visibility must be one of ${VISIBILITIES.join(", ")}`);
      if (t.answer !== undefined && (typeof t.answer !== "string" || !answers[t.answer]))
        bad(`${tat}.answer must name a key in the exercise's answers`);
      if (t.advisory !== undefined && typeof t.advisory !== "boolean")
        bad(`${tat}.advisory must be true or false`);
      const advisory = t.advisory === true;
      tests.push({
        id: tid,
        name: typeof t.name === "string" ? t.name : "",
        points: advisory ? 0 : num(t.points, defaultPoints, `${tat}.points`, bad, 0),
        ...(advisory ? { advisory } : {}),
        visibility,
        ...(typeof t.answer === "string" ? { answer: t.answer } : {}),
        ...(t.timeoutMs !== undefined
          ? { timeoutMs: num(t.timeoutMs, timeoutMs, `${tat}.timeoutMs`, bad, 1) }
          : {}),
      });
    }
    exercises.push({
      id: typeof id === "number" ? id : i + 1,
      slug,
      file: exFile,
      title,
      ...(typeof e.lesson === "number" ? { lesson: e.lesson } : {}),
      timeoutMs,
      suite,
      memoryMb,
      allowChildProcess: e.allowChildProcess === true,
      typecheck: typecheck as ManifestExercise["typecheck"],
      ...(Array.isArray(scanAllow) ? { scanAllow: scanAllow as string[] } : {}),
      hints: Array.isArray(hints) ? (hints as string[]) : [],
      answers,
      tests,
    });
  }
  if (problems.length) throw new ManifestError(file, problems);
  exercises.sort((a, b) => a.id - b.id);
  return {
    schemaVersion: 1,
    title: typeof raw.title === "string" ? raw.title : "",
    exercises,
    dir: path.resolve(dir),
    testsHash: "",
  };
}

function parseAnswers(raw: unknown, label: string, bad: (m: string) => void): Record<string, AnswerKey> {
  const out: Record<string, AnswerKey> = {};
  if (raw === undefined) return out;
  if (!isObject(raw)) {
    bad(`${label}: answers must be an object of question id -> {salt, sha256}`);
    return out;
  }
  for (const [q, k] of Object.entries(raw)) {
    const hex = (v: unknown) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v);
    if (!isObject(k) || typeof k.salt !== "string" || !k.salt || !hex(k.sha256)) {
      bad(`${label}: answers.${q} needs a salt and a 64-hex-digit sha256`);
      continue;
    }
    const feedback = Array.isArray(k.feedback) ? k.feedback : [];
    if (feedback.some((f) => !isObject(f) || !hex(f.sha256) || typeof f.message !== "string"))
      bad(`${label}: answers.${q}.feedback entries need sha256 and message`);
    out[q] = { salt: k.salt, sha256: k.sha256 as string, feedback: feedback as AnswerKey["feedback"] };
  }
  return out;
}

/** Hash of the manifest and every suite file, so results say exactly which tests graded them. */
export function hashSuites(manifest: Manifest): string {
  const h = createHash("sha256");
  h.update(fs.readFileSync(path.join(manifest.dir, MANIFEST_FILE)));
  for (const ex of manifest.exercises) {
    h.update(`\0${ex.suite}\0`);
    h.update(fs.readFileSync(path.join(manifest.dir, ex.suite)));
  }
  return h.digest("hex");
}

export function exerciseMaxScore(ex: ManifestExercise): number {
  return ex.tests.reduce((s, t) => s + t.points, 0);
}

export function manifestMaxScore(m: Manifest, exerciseIds?: number[]): number {
  return m.exercises
    .filter((e) => !exerciseIds || exerciseIds.includes(e.id))
    .reduce((s, e) => s + exerciseMaxScore(e), 0);
}

export function findExercise(m: Manifest, id: number): ManifestExercise {
  const ex = m.exercises.find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}; this manifest has ${m.exercises.map((e) => e.id).join(", ")}`);
  return ex;
}

/** The test id a suite's test name carries: `[ex01.t1] adds two numbers` -> `ex01.t1`. */
export function testIdFromName(name: string): string | null {
  const m = /^\s*\[([A-Za-z0-9_.-]+)\]/.exec(name);
  return m ? m[1] : null;
}

export function isFolderExercise(ex: ManifestExercise): boolean {
  return ex.file.endsWith("/");
}

/** `manifest.json:12:9: exercise 1 tests[0]: unknown key "visiblity"; did you mean "visibility"?` */
function unknownKeys(
  obj: unknown,
  known: Record<string, true>,
  at: JSONPath,
  label: string,
  fileName: string,
  locate?: Locate,
): string[] {
  if (!isObject(obj)) return [];
  return Object.keys(obj)
    .filter((k) => !Object.hasOwn(known, k))
    .map((k) => {
      const where = locate?.([...at, k]);
      const guess = closestKey(k, Object.keys(known));
      return (
        `${where ? `${fileName}:${where}: ` : ""}${label}: unknown key ${JSON.stringify(k)}` +
        (guess
          ? `; did you mean ${JSON.stringify(guess)}?`
          : `; known keys: ${Object.keys(known).join(", ")}`)
      );
    });
}

/** The known key a typo most likely meant: a case slip, or a few letters off. */
function closestKey(key: string, known: string[]): string | undefined {
  const sameCase = known.find((k) => k.toLowerCase() === key.toLowerCase());
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = leven(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/** Finds where a key sits in the manifest's text, as 1-based `line:column`. */
function locator(text: string): Locate {
  const root = parseTree(text);
  return (at) => {
    const parent = root && findNodeAtLocation(root, at.slice(0, -1));
    const prop = parent?.children?.find((p) => p.children?.[0]?.value === at[at.length - 1]);
    if (!prop) return undefined;
    const before = text.slice(0, prop.offset).split("\n");
    return `${before.length}:${before[before.length - 1].length + 1}`;
  };
}

function isSafeRelative(p: string): boolean {
  if (path.isAbsolute(p) || p.includes("\\") || p.includes("\0")) return false;
  return !p.split("/").some((seg) => seg === ".." || seg === ".");
}

function num(v: unknown, fallback: number, what: string, bad: (m: string) => void, min: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) {
    bad(`${what} must be a number >= ${min}`);
    return fallback;
  }
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
