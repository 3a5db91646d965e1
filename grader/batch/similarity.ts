/**
 * Similarity report: every pair of students compared per exercise with jscpd's clone detector
 * (@jscpd/core, @jscpd/tokenizer), on the lines each student wrote (lines that also occur in the
 * shipped starter are blanked first). Identifiers are normalised before hashing, so renaming
 * variables does not hide a copy. The report is advisory: it never changes a score or a record.
 */
import { Detector, MemoryStore, type IClone, type IToken, type ITokenizer } from "@jscpd/core";
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
  /** Share (0–100, one decimal) of both students' written lines that lie in shared fragments. */
  percent: number;
  /** Shared fragments as `file:first-last` on each side. */
  fragments: Array<{ a: string; b: string }>;
}

/** Token types whose text is a name the student chose: hashed as one placeholder. */
const NAME_TOKENS = new Set(["default", "function", "identifier", "class-name"]);

/** One exercise of one student: its files joined, starter lines blanked, and where each line came from. */
interface Written {
  id: string;
  text: string;
  origin: Array<{ file: string; line: number }>;
  /** Lines (0-based) with written code on them. */
  written: Set<number>;
  tokens: IToken[];
}

function writtenText(
  id: string,
  ex: ManifestExercise,
  files: Map<string, Buffer>,
  starterLines: Set<string>,
): Written | null {
  const mine = [...files.keys()]
    .filter((rel) => (isFolderExercise(ex) ? rel.startsWith(ex.file) : rel === ex.file))
    .sort();
  const lines: string[] = [];
  const origin: Written["origin"] = [];
  const written = new Set<number>();
  for (const rel of mine)
    files
      .get(rel)!
      .toString("utf8")
      .split(/\r?\n/)
      .forEach((line, k) => {
        const kept = line.trim() && !starterLines.has(line.trim()) ? line : "";
        if (kept) written.add(lines.length);
        origin.push({ file: rel, line: k + 1 });
        lines.push(kept);
      });
  if (!written.size) return null;
  const text = lines.join("\n");
  const tokens = tokenize(text, "typescript").map((t) =>
    NAME_TOKENS.has(t.type) ? { ...t, value: "_" } : t,
  );
  return { id, text, origin, written, tokens };
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

async function comparePair(
  a: Written,
  b: Written,
  minTokens: number,
): Promise<Omit<SimilarPair, "exercise"> | null> {
  const detector = new Detector(
    tokenizerFor(
      new Map([
        [a.id, a],
        [b.id, b],
      ]),
    ),
    new MemoryStore(),
    [],
    {
      minTokens,
      minLines: 1,
      // Long runs are still one fragment; the default cap would drop them.
      maxLines: 100_000,
    },
  );
  await detector.detect(a.id, a.text, "typescript");
  const clones: IClone[] = await detector.detect(b.id, b.text, "typescript");
  if (!clones.length) return null;
  const covered = { a: new Set<number>(), b: new Set<number>() };
  const fragments: SimilarPair["fragments"] = [];
  for (const c of clones) {
    // The detector reports the source it was just given (b) first.
    const inB = linesOf(b.text, c.duplicationA.range);
    const inA = linesOf(a.text, c.duplicationB.range);
    for (let l = inA[0]; l <= inA[1]; l++) if (a.written.has(l)) covered.a.add(l);
    for (let l = inB[0]; l <= inB[1]; l++) if (b.written.has(l)) covered.b.add(l);
    fragments.push({ a: label(a, inA), b: label(b, inB) });
  }
  const percent = (100 * (covered.a.size + covered.b.size)) / (a.written.size + b.written.size);
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
    const starterLines = new Set<string>();
    const starter = writtenText("", ex, starters, new Set());
    for (const l of starter?.text.split("\n") ?? []) if (l.trim()) starterLines.add(l.trim());
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
    "Pairs of students compared per exercise on the lines they wrote (lines of the shipped starter " +
      `left out; names normalised; shared fragments of at least ${minTokens} tokens, found with jscpd). ` +
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
