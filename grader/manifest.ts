/**
 * The manifest: the single list of exercises and tests a suites folder grades.
 *
 * Every suites folder (the public `grader/suites/` and any private `--tests <dir>`) holds a
 * `manifest.json` in this format next to its `exNN.test.ts` files. Tables, progress, reports and
 * every `max_score` derive from it, never from what a test run happened to report. Its format is
 * the zod schema below, and the types are inferred from it: a key the schema does not know is a
 * typo, reported with its line:column and the key it most likely meant.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { findNodeAtLocation, parseTree, type Node as JsonNode } from "jsonc-parser";
import leven from "leven";
import { z } from "zod";
import { checkedLessons } from "../lessons/schema";
import { TEST_ID } from "./testIds";
import { SCAN_RULE_IDS } from "./engine/scanRules";

export const MANIFEST_FILE = "manifest.json";

const atLeast = (min: number) =>
  z.number({ error: `must be a number >= ${min}` }).min(min, `must be a number >= ${min}`);
const nonEmpty = z
  .string({ error: "must be a non-empty string" })
  .refine((s) => s.trim() !== "", "must be a non-empty string");
const sha256 = z
  .string({ error: "must be a 64-hex-digit sha256" })
  .regex(/^[0-9a-f]{64}$/, "must be a 64-hex-digit sha256");
const flag = z.boolean({ error: "must be true or false" });
const object = { error: "must be an object" };

const VisibilitySchema = z.enum(["visible", "hidden", "after_due_date", "after_published"], {
  error: (iss) =>
    `must be one of visible, hidden, after_due_date, after_published (got ${JSON.stringify(iss.input)})`,
});
export type Visibility = z.infer<typeof VisibilitySchema>;
export const VISIBILITIES: readonly Visibility[] = VisibilitySchema.options;

/** A salted SHA-256 of a structured answer (see grader/answers.ts); the plain answer never ships. */
const AnswerKeySchema = z.strictObject(
  {
    salt: nonEmpty,
    sha256,
    /** Targeted feedback for known wrong answers, also stored hashed (same salt). */
    feedback: z
      .array(z.strictObject({ sha256, message: z.string({ error: "must be a string" }) }, object))
      .optional(),
  },
  object,
);
export type AnswerKey = z.infer<typeof AnswerKeySchema>;

const TestSchema = z.strictObject(
  {
    /** Stable id, unique in the manifest; the suite's test name starts with `[id]`. */
    id: z
      .string({ error: (iss) => `must match ${TEST_ID} (got ${JSON.stringify(iss.input)})` })
      .regex(TEST_ID, { error: (iss) => `must match ${TEST_ID} (got ${JSON.stringify(iss.input)})` }),
    name: nonEmpty,
    /** Default: the exercise's `points`. */
    points: atLeast(0).optional(),
    visibility: VisibilitySchema.default("visible"),
    /** Question id in the exercise's `answers`: the parent judges the submitted answer against it. */
    answer: z.string({ error: "must name a key in the exercise's answers" }).optional(),
    /** Overrides the exercise's per-test time limit. */
    timeoutMs: atLeast(1).optional(),
    /**
     * The check watches how the learner's code runs (e.g. counts `eval` calls), which only the
     * learner's own process can report: it is shown as feedback and never scores (points 0).
     */
    advisory: flag.optional(),
  },
  object,
);

const SCAN_ALLOW_ERROR = `must be an array of scan rule ids (${SCAN_RULE_IDS.join(", ")})`;

const ExerciseFields = z.strictObject(
  {
    id: z
      .number({ error: "must be a positive integer" })
      .int("must be a positive integer")
      .min(1, "must be a positive integer"),
    slug: nonEmpty,
    /** Path relative to the submission root: `ex01.ts`, or a folder such as `ex12/`. */
    file: nonEmpty
      .refine(isSafeRelative, {
        error: (iss) => `must be a relative path inside the submission (got ${JSON.stringify(iss.input)})`,
        abort: true,
      })
      .refine((f) => f.endsWith(".ts") || f.endsWith("/"), {
        error: (iss) => `must end in .ts (a file) or / (a folder) (got ${JSON.stringify(iss.input)})`,
      }),
    title: nonEmpty,
    /** The lesson to reread for this exercise (its number in lessons/index.ts), when there is one. */
    lesson: z
      .number({ error: "must be a lesson number (a whole number >= 0)" })
      .int("must be a lesson number (a whole number >= 0)")
      .refine((n) => checkedLessons().some((l) => l.number === n), {
        error: (iss) =>
          `${String(iss.input)} does not exist (lessons are numbered 0 to ${checkedLessons().length - 1})`,
      })
      .optional(),
    /** Per-test time limit (Jest's testTimeout and the parent's wall clock). */
    timeoutMs: atLeast(1).default(10_000),
    /** Suite file relative to the suites folder (default `exNN.test.ts`). */
    suite: nonEmpty
      .refine(isSafeRelative, {
        error: (iss) => `must be a relative path inside the suites folder (got ${JSON.stringify(iss.input)})`,
      })
      .optional(),
    /** Heap cap for the child process, in MiB. */
    memoryMb: atLeast(64).default(1024),
    /** The default points of the exercise's tests. */
    points: atLeast(0).default(1),
    /** Only for suites that must start processes themselves (e.g. an interrupted training run). */
    allowChildProcess: flag.default(false),
    /** `gate`: type errors score the exercise 0 without running it; `report`: shown, tests still run. */
    typecheck: z.enum(["gate", "report", "off"], { error: "must be gate, report or off" }).default("gate"),
    /** Static-scan rules the exercise's own task trips (ex12 writes its epoch file): not reported. */
    scanAllow: z
      .array(z.string(), { error: SCAN_ALLOW_ERROR })
      .refine((rules) => rules.every((r) => SCAN_RULE_IDS.includes(r)), { error: SCAN_ALLOW_ERROR })
      .optional(),
    hints: z.array(z.string(), { error: "must be an array of strings (one per level)" }).default([]),
    answers: z
      .record(z.string(), AnswerKeySchema, { error: "must be an object of question id -> {salt, sha256}" })
      .default({}),
    tests: z.array(TestSchema, { error: "must be a non-empty array" }).min(1, "must be a non-empty array"),
  },
  object,
);

// Refinements run even when a field failed, so they look at what is there before trusting it.
const ExerciseSchema = ExerciseFields.superRefine((ex, ctx) => {
  const answers: unknown = ex.answers;
  if (!Array.isArray(ex.tests) || !isObject(answers)) return;
  ex.tests.forEach((t: unknown, j) => {
    if (isObject(t) && typeof t.answer === "string" && !Object.hasOwn(answers, t.answer))
      ctx.addIssue({
        code: "custom",
        path: ["tests", j, "answer"],
        message: `must name a key in the exercise's answers (got ${JSON.stringify(t.answer)})`,
      });
  });
}).transform(({ points, ...ex }) => ({
  ...ex,
  suite: ex.suite ?? defaultSuiteName(ex.id),
  tests: ex.tests.map((t) => ({ ...t, points: t.advisory ? 0 : (t.points ?? points) })),
}));

/** What manifest.json holds; ids, test ids and files are each used once. */
export const ManifestSchema = z
  .strictObject(
    {
      schemaVersion: z.literal(1, { error: (iss) => `must be 1 (got ${JSON.stringify(iss.input)})` }),
      title: z.string({ error: "must be a string" }).default(""),
      exercises: z
        .array(ExerciseSchema, { error: "must be a non-empty array" })
        .min(1, "must be a non-empty array"),
    },
    object,
  )
  .superRefine((m, ctx) => {
    const once = (seen: Set<unknown>, value: unknown, at: PropertyKey[], what: string) => {
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: at, message: `${what} is used twice` });
      seen.add(value);
    };
    const ids = new Set<unknown>();
    const files = new Set<unknown>();
    const testIds = new Set<unknown>();
    const exercises: unknown = m.exercises;
    if (!Array.isArray(exercises)) return;
    exercises.forEach((ex: unknown, i) => {
      if (!isObject(ex)) return;
      if (typeof ex.id === "number") once(ids, ex.id, ["exercises", i, "id"], String(ex.id));
      if (typeof ex.file === "string")
        once(files, ex.file, ["exercises", i, "file"], JSON.stringify(ex.file));
      if (Array.isArray(ex.tests))
        ex.tests.forEach((t: unknown, j) => {
          if (isObject(t) && typeof t.id === "string")
            once(testIds, t.id, ["exercises", i, "tests", j, "id"], JSON.stringify(t.id));
        });
    });
  })
  .transform((m) => ({ ...m, exercises: [...m.exercises].sort((a, b) => a.id - b.id) }));

export type ManifestExercise = z.output<typeof ExerciseSchema>;
export type ManifestTest = ManifestExercise["tests"][number];
export type Manifest = z.output<typeof ManifestSchema> & {
  /** Absolute path of the suites folder the manifest was loaded from. */
  dir: string;
  /** SHA-256 over manifest.json and every suite file: recorded in each result as `testsHash`. */
  testsHash: string;
};

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid manifest ${file}:\n  - ${problems.join("\n  - ")}`);
    this.name = "ManifestError";
  }
}

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
  const manifest = parseManifest(raw, file, dir, text);
  const missing = manifest.exercises.filter((ex) => !fs.existsSync(path.join(dir, ex.suite)));
  if (missing.length)
    throw new ManifestError(
      file,
      missing.map((ex) => `exercise ${ex.id}: suite ${ex.suite} not found`),
    );
  manifest.testsHash = hashSuites(manifest);
  return manifest;
}

/**
 * Checks a parsed manifest object against the schema; `file` labels errors, and `text` (the JSON
 * it was parsed from) puts each problem's line:column in front of it.
 */
export function parseManifest(raw: unknown, file = MANIFEST_FILE, dir = ".", text?: string): Manifest {
  const result = ManifestSchema.safeParse(raw);
  if (!result.success) {
    const locate = text === undefined ? undefined : locator(text);
    throw new ManifestError(
      file,
      result.error.issues.flatMap((issue) => describeIssue(issue, raw, path.basename(file), locate)),
    );
  }
  return { ...result.data, dir: path.resolve(dir), testsHash: "" };
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

export function isFolderExercise(ex: ManifestExercise): boolean {
  return ex.file.endsWith("/");
}

/** Turns a JSON path into `line:column` of that key (or value) in the file. */
type Locate = (at: readonly PropertyKey[]) => string | undefined;

/**
 * One zod issue in the manifest's words, e.g.
 * `manifest.json:12:9: exercise 1 tests[0]: unknown key "visiblity"; did you mean "visibility"?`
 * (one line per unknown key).
 */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown, fileName: string, locate?: Locate): string[] {
  const at = (p: readonly PropertyKey[]) => {
    const where = locate?.(p);
    return where ? `${fileName}:${where}: ` : "";
  };
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(issue.path);
    return issue.keys.map((k) => {
      const guess = closestKey(k, known);
      return (
        `${at([...issue.path, k])}${labelOf(issue.path, raw).label}: unknown key ${JSON.stringify(k)}` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : `; known keys: ${known.join(", ")}`)
      );
    });
  }
  const { label, field } = labelOf(issue.path, raw);
  return [`${at(issue.path)}${label}: ${field ? `${field} ` : ""}${issue.message}`];
}

/**
 * Splits an issue's path into the thing a reader knows (`exercise 3 tests[1]`, named by the
 * exercise's id) and the field inside it (`visibility`).
 */
function labelOf(at: readonly PropertyKey[], raw: unknown): { label: string; field: string } {
  let label = "top level";
  let used = 0;
  if (at[0] === "exercises" && typeof at[1] === "number") {
    const ex: unknown = isObject(raw) && Array.isArray(raw.exercises) ? raw.exercises[at[1]] : undefined;
    label = isObject(ex) && typeof ex.id === "number" ? `exercise ${ex.id}` : `exercises[${at[1]}]`;
    used = 2;
    if (at[2] === "tests" && typeof at[3] === "number") {
      label += ` tests[${at[3]}]`;
      used = 4;
    } else if (at[2] === "answers" && at.length > 3) {
      label += ` answers.${String(at[3])}`;
      used = 4;
      if (at[4] === "feedback" && typeof at[5] === "number") {
        label += `.feedback[${at[5]}]`;
        used = 6;
      }
    }
  }
  const field = at
    .slice(used)
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
  return { label, field };
}

/** The keys the schema allows in the object at `at`, found by walking the schema along the path. */
function knownKeys(at: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = ManifestSchema;
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
    const def = s._zod.def;
    if (def.type === "pipe") return unwrap((def as z.core.$ZodPipeDef).in);
    if (def.type === "default" || def.type === "optional")
      return unwrap((def as z.core.$ZodDefaultDef | z.core.$ZodOptionalDef).innerType);
    return s;
  };
  for (const step of at) {
    if (!schema) return [];
    const def: z.core.$ZodTypeDef = unwrap(schema)._zod.def;
    if (def.type === "object") schema = (def as z.core.$ZodObjectDef).shape[String(step)];
    else if (def.type === "array") schema = (def as z.core.$ZodArrayDef).element;
    else if (def.type === "record") schema = (def as z.core.$ZodRecordDef).valueType;
    else return [];
  }
  const def = schema && unwrap(schema)._zod.def;
  return def?.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
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

/**
 * Finds where a path sits in the manifest's text, as 1-based `line:column`: the key of a property,
 * the start of an array element, or (for a key that is missing) the object that lacks it.
 */
function locator(text: string): Locate {
  const root = parseTree(text);
  return (at) => {
    if (!root) return undefined;
    for (let n = at.length; n >= 0; n--) {
      const node: JsonNode | undefined = findNodeAtLocation(root, at.slice(0, n) as (string | number)[]);
      if (!node) continue;
      const offset = node.parent?.type === "property" ? node.parent.offset : node.offset;
      const before = text.slice(0, offset).split("\n");
      return `${before.length}:${before[before.length - 1].length + 1}`;
    }
    return undefined;
  };
}

function isSafeRelative(p: string): boolean {
  if (path.isAbsolute(p) || p.includes("\\") || p.includes("\0")) return false;
  return !p.split("/").some((seg) => seg === ".." || seg === ".");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
