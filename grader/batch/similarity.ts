/**
 * Similarity report: every pair of students compared per exercise with jscpd's clone detector
 * (@jscpd/core, @jscpd/tokenizer), on the lines each student wrote (lines that are, as code, lines
 * of the shipped starter are blanked first). Names are normalised before hashing, so renaming
 * variables does not hide a copy. The report is advisory: it never changes a score or a record.
 */
import { Detector, MemoryStore, weak, type IClone, type IToken, type ITokenizer } from "@jscpd/core";
import { generateMapsForFormats, tokenize } from "@jscpd/tokenizer";
import { isFolderExercise, type Manifest, type ManifestExercise } from "../manifest";

export interface SimilarityOptions {
  /** Pairs at or above this share of their written lines (0–100) are flagged. */
  thresholdPercent?: number;
  /** The shortest run of tokens that counts as a shared fragment. */
  minTokens?: number;
}

export const DEFAULT_SIMILARITY: Required<SimilarityOptions> = { thresholdPercent: 60, minTokens: 15 };

/** The options given, defaults for those left out (or passed as undefined). */
function settings(options: SimilarityOptions): Required<SimilarityOptions> {
  return {
    thresholdPercent: options.thresholdPercent ?? DEFAULT_SIMILARITY.thresholdPercent,
    minTokens: options.minTokens ?? DEFAULT_SIMILARITY.minTokens,
  };
}

export interface SimilarityInput {
  id: string;
  /** Manifest-relative file names and contents, as a loaded submission holds them. */
  files: Map<string, Buffer>;
}

export interface SimilarPair {
  exercise: number;
  a: string;
  b: string;
  /** Share (0–100, one decimal) of both students' written code tokens that lie in shared fragments. */
  percent: number;
  /** Shared fragments as `file:first-last` on each side. */
  fragments: Array<{ a: string; b: string }>;
}

/** Token types whose text is a name the student chose: hashed as one placeholder. */
const NAME_TOKENS = new Set(["default", "function", "identifier", "class-name"]);
/** jscpd's "weak" mode: whitespace, line breaks and comments are not code. */
const codeOnly = (t: IToken) => weak(t);

/** A file's tokens with every name replaced by one placeholder. */
function normalisedTokens(text: string): IToken[] {
  return tokenize(text, "typescript").map((t) => (NAME_TOKENS.has(t.type) ? { ...t, value: "_" } : t));
}

/** A line as code, names normalised: the starter's lines are recognised even with renamed parameters. */
function lineSignature(line: string): string {
  return normalisedTokens(line)
    .filter(codeOnly)
    .map((t) => `${t.type}:${t.value}`)
    .join(" ");
}

/** One exercise of one student: its files joined, starter lines blanked, and where each line came from. */
interface Written {
  id: string;
  text: string;
  origin: Array<{ file: string; line: number }>;
  /** Code tokens of the lines the student wrote: what the similarity is a share of. */
  code: IToken[];
  tokens: IToken[];
}

function exerciseLines(
  ex: ManifestExercise,
  files: Map<string, Buffer>,
): Array<{ file: string; text: string }> {
  return [...files.keys()]
    .filter((rel) => (isFolderExercise(ex) ? rel.startsWith(ex.file) : rel === ex.file))
    .sort()
    .flatMap((rel) =>
      files
        .get(rel)!
        .toString("utf8")
        .split(/\r?\n/)
        .map((text) => ({ file: rel, text })),
    );
}

function writtenText(
  id: string,
  ex: ManifestExercise,
  files: Map<string, Buffer>,
  starterLines: Set<string>,
): Written | null {
  const lines: string[] = [];
  const origin: Written["origin"] = [];
  let previous = "";
  let line = 0;
  for (const { file, text } of exerciseLines(ex, files)) {
    line = file === previous ? line + 1 : 1;
    previous = file;
    const signature = lineSignature(text);
    origin.push({ file, line });
    lines.push(signature && !starterLines.has(signature) ? text : "");
  }
  const text = lines.join("\n");
  const tokens = normalisedTokens(text);
  const code = tokens.filter(codeOnly);
  return code.length ? { id, text, origin, code, tokens } : null;
}

/** Hands the detector the normalised tokens computed once per student and exercise. */
function tokenizerFor(students: Map<string, Written>): ITokenizer {
  return {
    generateMaps: (id, data, _format, options) =>
      generateMapsForFormats(id, data, students.get(id)!.tokens, options),
  };
}

/** 0-based lines a character range covers, whitespace (blanked starter lines) at either end left out. */
function linesOf(text: string, range: [number, number]): [number, number] {
  const lineAt = (pos: number) => text.slice(0, pos).split("\n").length - 1;
  let [start, end] = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [lineAt(start), lineAt(Math.max(start, end - 1))];
}

function label(w: Written, [first, last]: [number, number]): string {
  const a = w.origin[first];
  const b = w.origin[last];
  return a.file === b.file ? `${a.file}:${a.line}-${b.line}` : `${a.file}:${a.line}-${b.file}:${b.line}`;
}

/** Code tokens of `w` inside a character range. */
function tokensIn(w: Written, range: [number, number]): IToken[] {
  return w.code.filter((t) => t.range[0] >= range[0] && t.range[1] <= range[1]);
}

async function comparePair(
  a: Written,
  b: Written,
  minTokens: number,
): Promise<Omit<SimilarPair, "exercise"> | null> {
  const students = new Map([
    [a.id, a],
    [b.id, b],
  ]);
  const detector = new Detector(tokenizerFor(students), new MemoryStore(), [], {
    mode: weak,
    minTokens,
    minLines: 1,
    // Long runs are still one fragment; the default cap would drop them.
    maxLines: 100_000,
  });
  await detector.detect(a.id, a.text, "typescript");
  const clones: IClone[] = await detector.detect(b.id, b.text, "typescript");
  const covered = { a: new Set<IToken>(), b: new Set<IToken>() };
  const fragments: SimilarPair["fragments"] = [];
  for (const c of clones) {
    // The detector reports the source it was just given (b) first.
    const inB = tokensIn(b, c.duplicationA.range);
    const inA = tokensIn(a, c.duplicationB.range);
    // jscpd matches a text shorter than minTokens whole: a one-line answer everyone gives is no fragment.
    if (Math.min(inA.length, inB.length) < minTokens) continue;
    for (const t of inB) covered.b.add(t);
    for (const t of inA) covered.a.add(t);
    fragments.push({
      a: label(a, linesOf(a.text, c.duplicationB.range)),
      b: label(b, linesOf(b.text, c.duplicationA.range)),
    });
  }
  if (!fragments.length) return null;
  const percent = (100 * (covered.a.size + covered.b.size)) / (a.code.length + b.code.length);
  return { a: a.id, b: b.id, percent: Math.round(10 * percent) / 10, fragments };
}

/**
 * Every pair of students that shares fragments in some exercise, most similar first. Students
 * with no written lines in an exercise (untouched starter, missing file) are not compared there.
 */
export async function similarPairs(
  students: SimilarityInput[],
  manifest: Pick<Manifest, "exercises">,
  starters: Map<string, Buffer>,
  options: SimilarityOptions = {},
): Promise<SimilarPair[]> {
  const { minTokens } = settings(options);
  if (!Number.isInteger(minTokens) || minTokens < 1)
    throw new Error(`similarity minTokens must be a positive whole number (got ${minTokens})`);
  const sorted = [...students].sort((x, y) => x.id.localeCompare(y.id));
  const pairs: SimilarPair[] = [];
  for (const ex of manifest.exercises) {
    const starterLines = new Set(exerciseLines(ex, starters).map((l) => lineSignature(l.text)));
    const texts = sorted
      .map((s) => writtenText(s.id, ex, s.files, starterLines))
      .filter((w): w is Written => w !== null);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const found = await comparePair(texts[i], texts[j], minTokens);
        if (found) pairs.push({ exercise: ex.id, ...found });
      }
  }
  return pairs.sort((x, y) => y.percent - x.percent || x.exercise - y.exercise || x.a.localeCompare(y.a));
}

/** `similarity.md`: ranked pairs, those at or above the threshold flagged. */
export function similarityMarkdown(pairs: SimilarPair[], options: SimilarityOptions = {}): string {
  const { thresholdPercent, minTokens } = settings(options);
  const flagged = pairs.filter((p) => p.percent >= thresholdPercent);
  const out = [
    "# Similarity report (advisory)",
    "",
    "Pairs of students compared per exercise on the code they wrote (lines of the shipped starter " +
      `left out; names normalised; similarity is the share of both students' code tokens in shared fragments of at least ${minTokens} tokens, found with jscpd). ` +
      "Similar code is a reason to look, not a finding: short exercises have few ways to be solved. " +
      "This report changes no score.",
    "",
    `${flagged.length} pair(s) at or above ${thresholdPercent}% similarity; ${pairs.length} pair(s) share any fragment.`,
    "",
  ];
  if (!pairs.length) return out.join("\n") + "\n";
  out.push("| flag | exercise | student A | student B | similarity | shared fragments (A ↔ B) |");
  out.push("| --- | --- | --- | --- | --- | --- |");
  for (const p of pairs) {
    const frags = p.fragments.map((f) => `${f.a} ↔ ${f.b}`).join("<br>");
    out.push(
      `| ${p.percent >= thresholdPercent ? "⚑" : ""} | ex${String(p.exercise).padStart(2, "0")} | ${cell(p.a)} | ${cell(p.b)} | ${p.percent}% | ${cell(frags)} |`,
    );
  }
  return out.join("\n") + "\n";
}

/** Ids and file names come from students: keep them from breaking the table. */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
