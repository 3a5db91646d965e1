/**
 * Learner-originated text on its way into a report: thrown messages, console output, file names
 * from a zip, source snippets. All of it is untrusted, so every report goes through these helpers:
 * no terminal control sequences, no absolute paths of the grading machine, no long dumps, no
 * lines copied from a private suite, and nothing Markdown would turn into a mention or a link.
 */
import { stripVTControlCharacters } from "util";

/** Characters of learner text kept per test message. */
export const LEARNER_TEXT_MAX = 400;

export interface CleanOptions {
  /** Characters kept (default LEARNER_TEXT_MAX); longer text ends with an ellipsis. */
  max?: number;
  /** Folders shown relative to themselves rather than as `<path>` (a run folder, the kit). */
  roots?: string[];
  /** Private suite sources whose text must not come back out (see redactSuiteSource). */
  suiteSources?: string[];
}

/** The one entry point for learner text: controls stripped, suite text removed, paths hidden, length capped. */
export function cleanLearnerText(text: unknown, opts: CleanOptions = {}): string {
  const plain = stripControls(safeString(text));
  const s = stripAbsolutePaths(redactSuiteSource(plain, opts.suiteSources ?? []), opts.roots);
  return cap(s, opts.max ?? LEARNER_TEXT_MAX);
}

/**
 * Every terminal escape (CSI, OSC, DCS, plain ESC x) and every other C0/C1 control except newline
 * and tab; carriage returns go too, since they let text overwrite what a terminal showed. Bidi
 * overrides and isolates are removed as well: they make text display in a different order than
 * it reads.
 */
export function stripControls(text: string): string {
  return stripVTControlCharacters(text.replace(/\r\n/g, "\n").replace(STRING_COMMAND, ""))
    .replace(LEFTOVER_ESCAPE, "")
    .replace(CONTROL_CHAR, "");
}

/* eslint-disable no-control-regex */
/** OSC, DCS, SOS, PM and APC run to BEL or ST; Node's stripper only knows some of them. */
const STRING_COMMAND =
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
/** Any escape left: ESC, its intermediate bytes and its final byte. */
const LEFTOVER_ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** At most `max` characters (whole code points), marked with "…" when cut. */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, 2 * max));
  if (chars.length <= max && text.length <= 2 * max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}

/**
 * Absolute paths of the grading machine out of a text. Paths under one of `roots` become relative
 * to it; any other absolute path (POSIX with two or more parts, `file://` URLs, Windows drive
 * paths) keeps only its last part, behind a `<path>/` placeholder.
 */
export function stripAbsolutePaths(text: string, roots: string[] = []): string {
  let s = text.replace(/file:\/\/(?=\/)/g, "");
  for (const root of [...roots].filter((r) => r.length > 1).sort((a, b) => b.length - a.length)) {
    const r = root.replace(/[\\/]+$/, "");
    s = s
      .split(r + "/")
      .join("")
      .split(r + "\\")
      .join("");
  }
  return s
    .replace(/(?<![\w.:/~\\-])(?:\/[^\s/'"`()<>[\]{},;:|*?]+){2,}/g, (p) => `<path>/${lastPart(p)}`)
    .replace(/(?<![\w])[A-Za-z]:\\(?:[^\s\\'"`()<>[\]{},;:|*?]+\\)*[^\s\\'"`()<>[\]{},;:|*?]*/g, (p) => {
      const last = p.split("\\").pop() ?? "";
      return `<path>\\${last}`;
    });
}

function lastPart(p: string): string {
  return p.split("/").pop() ?? "";
}

/**
 * Markdown-safe text for one table cell or list item: characters that start emphasis, code,
 * links, HTML, entities or table cells are backslash-escaped, `@` cannot start a mention and `#` cannot
 * reference an issue (a zero-width joiner follows them), and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return stripControls(text)
    .replace(/[\\`*_{}[\]()<>|!~&]/g, (c) => `\\${c}`)
    .replace(/[@#]/g, (c) => `${c}\u2060`)
    .replace(/\n|\t/g, " ");
}

/**
 * Any value as text without ever throwing: a thrown value can be an object whose `toString`,
 * `Symbol.toPrimitive` or `message` getter throws, or a proxy whose every trap does.
 */
export function safeString(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined || typeof value !== "object") {
    if (typeof value === "function") return "[function]";
    try {
      return String(value);
    } catch {
      return "[unprintable value]";
    }
  }
  const name = tryRead(() => (value as { name?: unknown }).name);
  const message = tryRead(() => (value as { message?: unknown }).message);
  if (typeof message === "string") return typeof name === "string" && name ? `${name}: ${message}` : message;
  const text = tryRead(() => String(value));
  if (typeof text === "string") return text;
  const tag = tryRead(() => Object.prototype.toString.call(value));
  return typeof tag === "string" ? tag : "[unprintable value]";
}

function tryRead(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Length of the shortest run of characters from a private suite that is treated as copied. */
export const SUITE_LEAK_MIN = 20;
const windowCache = new WeakMap<string[], Set<string>>();

/**
 * Removes from `text` every run of SUITE_LEAK_MIN or more characters that also appears in one of
 * the private suite sources, so a thrown message cannot carry a suite's code or constants out.
 * Each removed run becomes `[suite text removed]`.
 */
export function redactSuiteSource(text: string, suiteSources: string[], minLength = SUITE_LEAK_MIN): string {
  if (text.length < minLength || suiteSources.length === 0) return text;
  let windows = minLength === SUITE_LEAK_MIN ? windowCache.get(suiteSources) : undefined;
  if (!windows) {
    windows = new Set();
    for (const src of suiteSources)
      for (let i = 0; i + minLength <= src.length; i++) windows.add(src.slice(i, i + minLength));
    if (minLength === SUITE_LEAK_MIN) windowCache.set(suiteSources, windows);
  }
  const hidden = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + minLength <= text.length; i++)
    if (windows.has(text.slice(i, i + minLength))) {
      hidden.fill(1, i, i + minLength);
      any = true;
    }
  if (!any) return text;
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") hidden[i] = 0; // keep the lines apart
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) out += text[i];
    else if (i === 0 || !hidden[i - 1]) out += "[suite text removed]";
  }
  return out;
}
