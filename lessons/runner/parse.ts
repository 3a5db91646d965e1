/**
 * Splits a lesson's Markdown into prose and code cells. Only top-level ```ts fences are cells; an
 * ```output fence right after a cell is that cell's expected output. Every other fence (python, sh,
 * fences nested in lists) is prose and is only rendered.
 */
import type { Token, Tokens } from "marked";

export interface CellFlags {
  /** Shown but never executed. */
  noRun: boolean;
  /** The cell must throw; `Name: message` of the error is part of its output. */
  throws: boolean;
  /** Per-cell time limit in seconds, overriding the runner's default. */
  timeoutSeconds?: number;
}

export interface OutputFlags {
  /** Numbers are compared within a tolerance (rtol/atol below) instead of as text. */
  approx: boolean;
  rtol: number;
  atol: number;
  /** Lines may come in any order. */
  unordered: boolean;
}

export interface ExpectedOutput {
  text: string;
  flags: OutputFlags;
  /** 1-based line of the ```output fence in the lesson file. */
  line: number;
}

export interface Cell {
  kind: "cell";
  /** 1-based position among the lesson's cells. */
  number: number;
  code: string;
  flags: CellFlags;
  /** 1-based line of the ```ts fence in the lesson file. */
  line: number;
  expected?: ExpectedOutput;
}

export interface Prose {
  kind: "prose";
  markdown: string;
}

export type Segment = Prose | Cell;

export interface ParsedLesson {
  segments: Segment[];
  cells: Cell[];
  /** Authoring mistakes (unknown flags, stray output blocks); --check reports them as failures. */
  problems: string[];
}

/** Relative tolerance used by `approx`: float32 keeps about 7 significant digits, printed values differ in the last one or two. */
export const DEFAULT_RTOL = 1e-5;
/** Absolute tolerance used by `approx`, so values printed as float noise around zero (1e-17) still match 0. */
export const DEFAULT_ATOL = 1e-8;

const CELL_LANGS = new Set(["ts", "typescript"]);

export function parseLesson(source: string): ParsedLesson {
  const { marked } = require("marked") as typeof import("marked");
  const tokens = marked.lexer(source);
  const segments: Segment[] = [];
  const cells: Cell[] = [];
  const problems: string[] = [];
  let prose = "";
  let offset = 0;
  let lastCell: Cell | undefined; // the cell an output block may still attach to

  const flushProse = () => {
    if (prose.trim() !== "") segments.push({ kind: "prose", markdown: prose });
    prose = "";
  };

  for (const token of tokens as Token[]) {
    const line = lineAt(source, offset);
    offset += token.raw.length;
    if (token.type === "space") {
      prose += token.raw;
      continue;
    }
    // Fenced blocks only: an indented code block has no info string and is prose.
    const fence =
      token.type === "code" && /^ {0,3}(`{3,}|~{3,})/.test(token.raw) ? (token as Tokens.Code) : undefined;
    const info = fence ? splitInfo(fence.lang) : undefined;
    if (fence && info && CELL_LANGS.has(info.lang)) {
      flushProse();
      const cell: Cell = {
        kind: "cell",
        number: cells.length + 1,
        code: fence.text,
        flags: cellFlags(info.words, line, problems),
        line,
      };
      segments.push(cell);
      cells.push(cell);
      lastCell = cell;
      continue;
    }
    if (fence && info?.lang === "output") {
      if (!lastCell || lastCell.expected) {
        problems.push(
          `line ${line}: this output block does not follow a \`\`\`ts cell, so nothing checks it`,
        );
      } else {
        lastCell.expected = { text: fence.text, flags: outputFlags(info.words, line, problems), line };
        if (lastCell.flags.noRun)
          problems.push(
            `line ${line}: cell ${lastCell.number} is no-run, so its output block can never be checked`,
          );
      }
      lastCell = undefined;
      continue;
    }
    lastCell = undefined;
    prose += token.raw;
  }
  flushProse();
  return { segments, cells, problems };
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

function splitInfo(lang: string | undefined): { lang: string; words: string[] } {
  const [first = "", ...words] = (lang ?? "").trim().split(/\s+/);
  return { lang: first.toLowerCase(), words };
}

function cellFlags(words: string[], line: number, problems: string[]): CellFlags {
  const flags: CellFlags = { noRun: false, throws: false };
  for (const word of words) {
    const [key, value] = splitFlag(word);
    if (key === "no-run" && value === undefined) flags.noRun = true;
    else if (key === "throws" && value === undefined) flags.throws = true;
    else if (key === "timeout" && isPositiveNumber(value)) flags.timeoutSeconds = Number(value);
    else problems.push(`line ${line}: unknown cell flag "${word}" (known: no-run, throws, timeout=SECONDS)`);
  }
  return flags;
}

function outputFlags(words: string[], line: number, problems: string[]): OutputFlags {
  const flags: OutputFlags = { approx: false, rtol: DEFAULT_RTOL, atol: DEFAULT_ATOL, unordered: false };
  for (const word of words) {
    const [key, value] = splitFlag(word);
    if (key === "approx" && value === undefined) flags.approx = true;
    else if (key === "unordered" && value === undefined) flags.unordered = true;
    else if ((key === "tolerance" || key === "rtol") && isNonNegativeNumber(value)) {
      flags.approx = true;
      flags.rtol = Number(value);
    } else if (key === "atol" && isNonNegativeNumber(value)) {
      flags.approx = true;
      flags.atol = Number(value);
    } else
      problems.push(
        `line ${line}: unknown output flag "${word}" (known: approx, tolerance=REL, atol=ABS, unordered)`,
      );
  }
  return flags;
}

function splitFlag(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  return eq === -1 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

const isNonNegativeNumber = (v: string | undefined): v is string =>
  v !== undefined && v !== "" && Number.isFinite(Number(v)) && Number(v) >= 0;
const isPositiveNumber = (v: string | undefined): v is string => isNonNegativeNumber(v) && Number(v) > 0;
