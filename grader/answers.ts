/**
 * Structured answers (a choice, a number, a set of choices) checked against salted hashes.
 *
 * The suite only *submits* what the learner's code returned (grader/harness `submitAnswer`); the
 * trusted parent process judges it with `checkAnswer`, so the key never enters the process that
 * runs learner code. On a learner's own machine the hashed key is a deterrent, not a secret.
 *
 * Authoring a key: `node_modules/.bin/ts-node grader/answers.ts <exerciseId> <questionId> <answer>`
 * prints the `{salt, sha256}` object to paste into the manifest's `answers`.
 */
import { createHash, randomBytes } from "crypto";
import { parseArgs } from "util";
import type { AnswerKey, Manifest } from "./manifest";

export type AnswerValue = string | number | boolean | Array<string | number | boolean>;

/** Largest canonical answer accepted; anything longer is certainly not a choice or a number. */
export const MAX_ANSWER_CHARS = 1000;

/**
 * One spelling per answer: strings trimmed, lower-cased, inner spaces collapsed; numbers in their
 * shortest form (12 significant digits, so 0.1+0.2 equals 0.3); arrays as an unordered set.
 */
export function canonicalAnswer(value: unknown): string {
  const one = (v: unknown): string => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new TypeError(`an answer must be a finite number, got ${v}`);
      return `n:${Object.is(v, -0) ? 0 : Number(v.toPrecision(12))}`;
    }
    if (typeof v === "string") return `s:${v.trim().toLowerCase().replace(/\s+/g, " ")}`;
    if (typeof v === "boolean") return `b:${v}`;
    throw new TypeError(
      `an answer must be a string, number, boolean or an array of them, got ${v === null ? "null" : typeof v}`,
    );
  };
  const text = Array.isArray(value) ? `set:${[...new Set(value.map(one))].sort().join("|")}` : one(value);
  if (text.length > MAX_ANSWER_CHARS)
    throw new TypeError(`an answer must be at most ${MAX_ANSWER_CHARS} characters`);
  return text;
}

export function hashAnswer(exerciseId: number, questionId: string, value: unknown, salt: string): string {
  return createHash("sha256")
    .update(`${salt}\0${exerciseId}\0${questionId}\0${canonicalAnswer(value)}`)
    .digest("hex");
}

/** A fresh key for an answer (what an exercise author pastes into the manifest). */
export function makeAnswerKey(
  exerciseId: number,
  questionId: string,
  value: unknown,
  salt = randomBytes(12).toString("hex"),
): AnswerKey {
  return { salt, sha256: hashAnswer(exerciseId, questionId, value, salt) };
}

export interface AnswerVerdict {
  correct: boolean;
  /** Targeted feedback when the answer is a known wrong one. */
  feedback?: string;
  /** Why the value could not be judged (wrong type, too long). */
  invalid?: string;
}

/** Judges `value` for question `questionId` of exercise `exerciseId` against the manifest's key. */
export function checkAnswer(
  manifest: Manifest,
  exerciseId: number,
  questionId: string,
  value: unknown,
): AnswerVerdict {
  const ex = manifest.exercises.find((e) => e.id === exerciseId);
  const key = ex?.answers[questionId];
  if (!key) throw new Error(`exercise ${exerciseId} has no answer key "${questionId}"`);
  return checkAgainstKey(key, exerciseId, questionId, value);
}

export function checkAgainstKey(
  key: AnswerKey,
  exerciseId: number,
  questionId: string,
  value: unknown,
): AnswerVerdict {
  let digest: string;
  try {
    digest = hashAnswer(exerciseId, questionId, value, key.salt);
  } catch (e) {
    return { correct: false, invalid: (e as Error).message };
  }
  if (digest === key.sha256) return { correct: true };
  const known = key.feedback?.find((f) => f.sha256 === digest);
  return known ? { correct: false, feedback: known.message } : { correct: false };
}

const KEY_USAGE =
  "usage: ts-node grader/answers.ts <exerciseId> <questionId> <answer...>  (several answers = a set;" +
  " put -- first when an answer starts with -)";

/** The key-authoring command: prints the `{salt, sha256}` of an answer; resolves to the exit code. */
export function main(argv: string[], out = console.log, err = console.error): number {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }));
  } catch (e) {
    err(`${(e as Error).message}\n${KEY_USAGE}`);
    return 2;
  }
  const [exId, qId, ...rest] = positionals;
  if (!exId || !qId || rest.length === 0) {
    err(KEY_USAGE);
    return 2;
  }
  if (!/^[1-9]\d*$/.test(exId)) {
    err(`the exercise id must be a positive whole number (got ${JSON.stringify(exId)})\n${KEY_USAGE}`);
    return 2;
  }
  const parse = (s: string): string | number | boolean =>
    s === "true" || s === "false"
      ? s === "true"
      : s.trim() !== "" && Number.isFinite(Number(s))
        ? Number(s)
        : s;
  const value = rest.length === 1 ? parse(rest[0]) : rest.map(parse);
  out(JSON.stringify(makeAnswerKey(Number(exId), qId, value), null, 2));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
