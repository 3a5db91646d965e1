/**
 * Compares what a cell printed with its ```output block.
 *
 * - Lines are compared after trimming trailing spaces; trailing blank lines do not count.
 * - `…` inside a line matches any text in that line; a line that is only `…` matches any number of lines.
 * - `approx`: numbers match within `atol + rtol·|expected|`, and runs of spaces may differ in length
 *   (NumPy pads columns to the widest number, which moves when a digit changes).
 * - `unordered`: the lines may come in any order.
 */
import type { OutputFlags } from "./parse";
import { lineDiff } from "./diff";

export const WILDCARD = "…";

export interface Comparison {
  ok: boolean;
  /** Readable diff (expected `-`, printed `+`) when not ok. */
  diff?: string;
}

export interface LineVerdict {
  ok: boolean;
  /** Why an almost-matching line fails, e.g. which number drifted and by how much. */
  note?: string;
}

export type LineComparer = (expected: string, actual: string) => LineVerdict;

export function compareOutput(expectedText: string, actualText: string, flags: OutputFlags): Comparison {
  const expected = toLines(expectedText);
  const actual = toLines(actualText);
  const compareLine = lineComparer(flags);
  const ok = flags.unordered
    ? matchUnordered(expected, actual, compareLine)
    : matchOrdered(expected, actual, compareLine);
  return ok ? { ok } : { ok, diff: lineDiff(expected, actual, compareLine, isLineWildcard) };
}

export function toLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const isLineWildcard = (line: string) => line.trim() === WILDCARD;

function matchOrdered(expected: string[], actual: string[], compareLine: LineComparer): boolean {
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (actual.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === expected.length) result = j === actual.length;
    else if (isLineWildcard(expected[i])) result = match(i + 1, j) || (j < actual.length && match(i, j + 1));
    else result = j < actual.length && compareLine(expected[i], actual[j]).ok && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

function matchUnordered(expected: string[], actual: string[], compareLine: LineComparer): boolean {
  const unused = new Set(actual.keys());
  for (const line of expected.filter((l) => !isLineWildcard(l))) {
    const hit = [...unused].find((j) => compareLine(line, actual[j]).ok);
    if (hit === undefined) return false;
    unused.delete(hit);
  }
  return unused.size === 0 || expected.some(isLineWildcard);
}

// A number, not glued to a word before it: `add_1` and `x2` stay text.
const NUMBER = String.raw`(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?`;
const NUMBER_CAPTURE = String.raw`([-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)`;

type Piece = { kind: "text" | "number" | "space" | "wildcard"; text: string };

export function lineComparer(flags: OutputFlags): LineComparer {
  const cache = new Map<string, { regex: RegExp; numbers: number[] } | null>();
  return (expected, actual) => {
    let compiled = cache.get(expected);
    if (compiled === undefined) {
      compiled = expected.includes(WILDCARD) || flags.approx ? compileLine(expected, flags.approx) : null;
      cache.set(expected, compiled);
    }
    if (!compiled) return { ok: expected === actual };
    const m = compiled.regex.exec(actual);
    if (!m) return { ok: false };
    const got = m.slice(1).map(Number);
    for (let k = 0; k < compiled.numbers.length; k++) {
      const want = compiled.numbers[k];
      const allowed = flags.atol + flags.rtol * Math.abs(want);
      const off = Math.abs(got[k] - want);
      if (!(off <= allowed)) {
        const relative = want === 0 ? "" : `, relative ${formatSmall(off / Math.abs(want))}`;
        return {
          ok: false,
          note: `printed ${m[k + 1]} where ${want} was expected: off by ${formatSmall(off)}${relative}; allowed ${formatSmall(allowed)} (atol ${flags.atol}, rtol ${flags.rtol})`,
        };
      }
    }
    return { ok: true };
  };
}

function compileLine(line: string, approx: boolean): { regex: RegExp; numbers: number[] } {
  const pieces = splitLine(line, approx);
  const numbers: number[] = [];
  let source = "";
  pieces.forEach((piece, k) => {
    if (piece.kind === "wildcard") source += ".*?";
    else if (piece.kind === "number") {
      numbers.push(Number(piece.text));
      // NumPy pads numbers to a common width (`[1.5 2.  3. ]`), so spaces may appear around any number.
      const pad = (neighbour: Piece | undefined) =>
        neighbour && neighbour.kind !== "space" ? String.raw`\s*` : "";
      source += pad(pieces[k - 1]) + NUMBER_CAPTURE + pad(pieces[k + 1]);
    } else if (piece.kind === "space") {
      // Between two numbers at least one space must stay, or "1 2" would match "12".
      const betweenNumbers = pieces[k - 1]?.kind === "number" && pieces[k + 1]?.kind === "number";
      source += betweenNumbers ? String.raw`\s+` : String.raw`\s*`;
    } else source += escapeRegex(piece.text);
  });
  // NumPy right-aligns columns, so indentation may change with the width of the numbers.
  return { regex: new RegExp(`^${approx ? String.raw`\s*` : ""}${source}$`, "s"), numbers };
}

function splitLine(line: string, approx: boolean): Piece[] {
  const pattern = approx
    ? new RegExp(`(${WILDCARD})|(${NUMBER})|(\\s+)`, "g")
    : new RegExp(`(${WILDCARD})`, "g");
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    if (m.index! > last) pieces.push({ kind: "text", text: line.slice(last, m.index) });
    pieces.push({ kind: m[1] ? "wildcard" : m[2] ? "number" : "space", text: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < line.length) pieces.push({ kind: "text", text: line.slice(last) });
  return pieces;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const formatSmall = (x: number) =>
  x === 0
    ? "0"
    : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4
      ? String(Number(x.toPrecision(3)))
      : x.toExponential(2);
