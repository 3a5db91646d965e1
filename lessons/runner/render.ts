/**
 * Terminal rendering: prose through marked-terminal, cells with syntax highlighting, output under a
 * gutter. Heavy modules load on first use so the lesson's first line appears at once.
 */
import chalk from "chalk";
import type { Marked } from "marked";
import { stripVTControlCharacters } from "node:util";
import wrapAnsi from "wrap-ansi";
import type { ErrorSummary } from "./errors";
import type { Cell } from "./parse";

export interface RenderOptions {
  /** chalk colour level: 0 for plain text (pipes, CI, tests). */
  colorLevel: 0 | 1 | 2 | 3;
  width: number;
}

export class Renderer {
  readonly c: chalk.Chalk;
  private marked: Marked | undefined;
  private highlighter: ((code: string) => string) | undefined;

  constructor(private readonly options: RenderOptions) {
    this.c = new chalk.Instance({ level: options.colorLevel });
  }

  lessonHeader(number: number, title: string): string {
    return this.c.bold.magenta(`Lesson ${number} · ${title}`) + "\n";
  }

  prose(markdown: string): string {
    const text = this.markdown()
      .parse(markdown, { async: false })
      .replace(/\n{3,}/g, "\n\n");
    return text
      .split("\n")
      .map((line) => this.reflow(line))
      .join("\n");
  }

  /**
   * Wraps one rendered line at words, list items with a hanging indent. marked-terminal's own
   * reflow treats colour codes as word breaks, so punctuation after inline code could land on a
   * line of its own; wrap-ansi measures the visible text instead. Table rows are left whole.
   */
  private reflow(line: string): string {
    const width = Math.min(this.options.width, 100);
    if (stripVTControlCharacters(line).length <= width || /[│┼┌└├]/.test(line)) return line;
    const lead = /^(\s*(?:(?:\x1b\[[0-9;]*m)*(?:[*•-]|\d+\.)(?:\x1b\[[0-9;]*m)*\s+)?)/.exec(line)![1]; // eslint-disable-line no-control-regex
    const indent = stripVTControlCharacters(lead).length;
    return wrapAnsi(line.slice(lead.length), width - indent, { hard: false, trim: true })
      .split("\n")
      .map((l, i) => (i === 0 ? lead : " ".repeat(indent)) + l)
      .join("\n");
  }

  cell(cell: Cell, total: number): string {
    const label = ` cell ${cell.number}/${total} `;
    const rule = this.c.dim(
      "──" + label + "─".repeat(Math.max(2, Math.min(this.options.width, 80) - label.length - 2)),
    );
    const code = this.highlight(cell.code)
      .split("\n")
      .map((line) => "  " + line)
      .join("\n");
    const note = cell.flags.noRun ? "\n" + this.c.dim("  (shown only, not run)") : "";
    return `${rule}\n${code}${note}\n`;
  }

  error(error: ErrorSummary): string {
    return this.c.red(`✗ ${error.name}: `) + error.message.split("\n").join("\n  ") + "\n";
  }

  dim(text: string): string {
    return this.c.dim(text);
  }

  /** Prefixes each printed line with a gutter, across chunks that split lines anywhere. */
  outputPrinter(write: (text: string) => void): { print(text: string, isError: boolean): void; end(): void } {
    let atLineStart = true;
    const gutter = this.c.dim("│ ");
    return {
      print: (text, isError) => {
        let out = "";
        for (const piece of text.split(/(?<=\n)/)) {
          if (piece === "") continue;
          if (atLineStart) out += gutter;
          const newline = piece.endsWith("\n");
          const line = newline ? piece.slice(0, -1) : piece;
          // Style the line without its newline: chalk would re-open the colour after it.
          out += (isError ? this.c.red(line) : line) + (newline ? "\n" : "");
          atLineStart = newline;
        }
        write(out);
      },
      end: () => {
        if (!atLineStart) write("\n");
        atLineStart = true;
      },
    };
  }

  private markdown(): Marked {
    if (!this.marked) {
      const { Marked } = require("marked") as typeof import("marked");
      const { markedTerminal } = require("marked-terminal") as typeof import("marked-terminal");
      const plain = this.options.colorLevel === 0;
      // Inline code in this renderer's own colours, so the level chosen here is the one used.
      const styles = plain
        ? Object.fromEntries(STYLE_KEYS.map((k) => [k, (s: string) => s]))
        : { codespan: this.c.yellow, strong: this.c.bold, em: this.c.italic };
      const tableOptions = plain ? { tableOptions: { style: { head: [], border: [] } } } : {};
      this.marked = new Marked(
        markedTerminal({ width: Math.min(this.options.width, 100), reflowText: false, tab: 2, ...tableOptions, ...styles }),
        {
          // Source line breaks inside a paragraph or list item are spaces; prose() wraps afterwards.
          walkTokens(token) {
            if (token.type === "text" && !("tokens" in token && token.tokens)) token.text = token.text.replace(/\n/g, " ");
          },
          // marked-terminal 7 prints the inline markup of tight list items raw (**bold**, `code`);
          // render those block-level text tokens' inline children instead (marked-terminal#304).
          renderer: {
            text(token) {
              return "tokens" in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
            },
          },
        },
      );
    }
    return this.marked;
  }

  private highlight(code: string): string {
    if (this.options.colorLevel === 0) return code;
    if (!this.highlighter) {
      try {
        const { highlight } = require("cli-highlight") as { highlight: (code: string, o: object) => string };
        // Our own chalk instance, so colours follow this renderer's level rather than cli-highlight's guess.
        const theme = highlightTheme(this.c);
        this.highlighter = (c) => highlight(c, { language: "typescript", ignoreIllegals: true, theme });
      } catch {
        this.highlighter = (c) => this.c.yellow(c);
      }
    }
    return this.highlighter(code);
  }
}

function highlightTheme(c: chalk.Chalk): Record<string, (s: string) => string> {
  return {
    keyword: c.blue,
    built_in: c.cyan,
    type: c.cyan,
    literal: c.blue,
    number: c.magenta,
    string: c.green,
    regexp: c.red,
    comment: c.dim,
    title: c.yellow,
    "title.class": c.yellow,
    "title.function": c.yellow,
    params: (s) => s,
    attr: c.cyan,
    default: (s) => s,
  };
}

// marked-terminal's style hooks; identity functions give plain text when colour is off.
const STYLE_KEYS = [
  "code",
  "blockquote",
  "html",
  "heading",
  "firstHeading",
  "hr",
  "listitem",
  "table",
  "paragraph",
  "strong",
  "em",
  "codespan",
  "del",
  "link",
  "href",
];
