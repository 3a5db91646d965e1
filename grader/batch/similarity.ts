/**
 * Similarity report: every pair of students compared per exercise with jscpd's clone detector
 * (@jscpd/core, @jscpd/tokenizer), on the lines each student wrote (lines that are, as code, lines
 * of the shipped starter are blanked first). Names are normalised before hashing, so renaming
 * variables does not hide a copy. The report is advisory: it never changes a score or a record.
 */
import {
  Detector,
  weak,
  type IClone,
  type IMapFrame,
  type IOptions,
  type IStore,
  type IToken,
  type ITokenizer,
  type ITokensMap,
} from "@jscpd/core";
import { generateMapsForFormats, tokenize } from "@jscpd/tokenizer";
import { isFolderExercise, type Manifest, type ManifestExercise } from "../manifest";

export interface SimilarityOptions {
  /** Pairs at or above this share (0–100) of their written code in shared fragments are flagged. */
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

/** One exercise of one student: its files joined, starter lines blanked, and where each line came from. */
interface Written {
  id: string;
  text: string;
  origin: Array<{ file: string; line: number }>;
  /** Code tokens of the lines the student wrote: what the similarity is a share of. */
  code: IToken[];
  tokens: IToken[];
}

/**
 * The exercise's lines, file by file, each with its signature: the line as code, names
 * normalised, so the starter's lines are recognised even with renamed parameters.
 */
function exerciseLines(
  ex: ManifestExercise,
  files: Map<string, Buffer>,
): Array<{ file: string; line: number; text: string; signature: string }> {
  return [...files.keys()]
    .filter((rel) => (isFolderExercise(ex) ? rel.startsWith(ex.file) : rel === ex.file))
    .sort()
    .flatMap((rel) => {
      const text = files.get(rel)!.toString("utf8");
      const signatures = new Map<number, string[]>();
      for (const t of normalisedTokens(text).filter(codeOnly)) {
        const line = t.loc?.start.line ?? 0;
        if (!signatures.has(line)) signatures.set(line, []);
        signatures.get(line)!.push(`${t.type}:${t.value}`);
      }
      return text.split(/\r?\n/).map((lineText, k) => ({
        file: rel,
        line: k + 1,
        text: lineText,
        signature: signatures.get(k + 1)?.join(" ") ?? "",
      }));
    });
}

function writtenText(
  id: string,
  ex: ManifestExercise,
  files: Map<string, Buffer>,
  starterLines: Set<string>,
): Written | null {
  const lines: string[] = [];
  const origin: Written["origin"] = [];
  for (const { file, line, text, signature } of exerciseLines(ex, files)) {
    origin.push({ file, line });
    lines.push(signature && !starterLines.has(signature) ? text : "");
  }
  const text = lines.join("\n");
  const tokens = normalisedTokens(text);
  const code = tokens.filter(codeOnly);
  return code.length ? { id, text, origin, code, tokens } : null;
}

/**
 * A student's frames (jscpd's hashed token windows), computed once and replayed to the detector
 * for every pair: hashing is most of jscpd's work, and a class has n² / 2 pairs.
 */
interface Frames {
  steps: Array<IteratorResult<IMapFrame | boolean>>;
  ids: Set<string>;
  format: string;
  lines: number;
  tokens: number;
}

function framesOf(w: Written, options: IOptions): Frames[] {
  return generateMapsForFormats(w.id, w.text, w.tokens, options).map((map) => {
    const steps: Frames["steps"] = [];
    let step: IteratorResult<IMapFrame | boolean>;
    do steps.push((step = map.next()));
    while (!step.done);
    const ids = new Set(steps.flatMap((s) => (s.value && typeof s.value === "object" ? [s.value.id] : [])));
    return { steps, ids, format: map.getFormat(), lines: map.getLinesCount(), tokens: map.getTokensCount() };
  });
}

function replay(id: string, frames: Frames[]): ITokensMap[] {
  return frames.map((f) => {
    let k = 0;
    return {
      getFormat: () => f.format,
      getLinesCount: () => f.lines,
      getTokensCount: () => f.tokens,
      getId: () => id,
      next: () => f.steps[Math.min(k++, f.steps.length - 1)],
    };
  });
}

const NOT_FOUND = new Error("not found");

/**
 * jscpd's store of frames seen, holding one student's: once frozen, every later text is compared
 * with that student alone (and not with itself). Misses reject with one shared error, as jscpd's
 * own MemoryStore rejects with a new one each time, which dominated the run time.
 */
class OneStudentStore implements IStore<IMapFrame> {
  private frames = new Map<string, IMapFrame>();
  frozen = false;
  namespace(): void {}
  get(key: string): Promise<IMapFrame> {
    const found = this.frames.get(key);
    return found ? Promise.resolve(found) : Promise.reject(NOT_FOUND);
  }
  set(key: string, value: IMapFrame): Promise<IMapFrame> {
    if (!this.frozen && !this.frames.has(key)) this.frames.set(key, value);
    return Promise.resolve(value);
  }
  close(): void {
    this.frames.clear();
  }
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

/** `b` against the student whose frames `detector`'s frozen store holds. */
async function compareWith(
  a: Written,
  b: Written,
  detector: Detector,
  minTokens: number,
): Promise<Omit<SimilarPair, "exercise"> | null> {
  const clones: IClone[] = await detector.detect(b.id, b.text, "typescript");
  const covered = { a: new Set<IToken>(), b: new Set<IToken>() };
  const fragments: SimilarPair["fragments"] = [];
  for (const c of clones) {
    // The detector reports the source it was just given (b) first.
    const inB = tokensIn(b, c.duplicationA.range);
    const inA = tokensIn(a, c.duplicationB.range);
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

/** Pairs among the students' texts of one exercise. */
async function comparePairs(
  texts: Written[],
  minTokens: number,
): Promise<Array<Omit<SimilarPair, "exercise">>> {
  const options: IOptions = {
    mode: weak,
    minTokens,
    // jscpd keeps a fragment when its end line - start line >= minLines, and reads 0 as its
    // default (5): -1 keeps fragments on one line.
    minLines: -1,
    // Long runs are still one fragment; the default cap would drop them.
    maxLines: 100_000,
  };
  const frames = new Map(texts.map((w) => [w.id, framesOf(w, options)]));
  const tokenizer: ITokenizer = { generateMaps: (id) => replay(id, frames.get(id)!) };
  const shares = (x: Written, y: Written) =>
    frames.get(x.id)!.some((f) => frames.get(y.id)!.some((g) => [...f.ids].some((id) => g.ids.has(id))));
  const found: Array<Omit<SimilarPair, "exercise">> = [];
  for (let i = 0; i < texts.length; i++) {
    const store = new OneStudentStore();
    const detector = new Detector(tokenizer, store, [], options);
    await detector.detect(texts[i].id, texts[i].text, "typescript");
    store.frozen = true;
    for (let j = i + 1; j < texts.length; j++) {
      // No frame in common, no fragment: the detector need not run.
      if (!shares(texts[i], texts[j])) continue;
      const pair = await compareWith(texts[i], texts[j], detector, minTokens);
      if (pair) found.push(pair);
    }
  }
  return found;
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
    const starterLines = new Set(exerciseLines(ex, starters).map((l) => l.signature));
    const texts = sorted
      .map((s) => writtenText(s.id, ex, s.files, starterLines))
      .filter((w): w is Written => w !== null);
    for (const pair of await comparePairs(texts, minTokens)) pairs.push({ exercise: ex.id, ...pair });
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
