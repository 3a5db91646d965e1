/**
 * Type-checks the ```ts blocks of every `@example` tag in the documented sources (the files reachable
 * from package.json "exports"), each block as its own module that may use `tf` from "tensorlings".
 * `npm run docs:check` runs it after TypeDoc; it exits non-zero and names file and line of each failure.
 */
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");

/** One ```ts block of an `@example` tag: its code and where it starts in its source file. */
export interface DocExample {
  file: string;
  /** 1-based line of the block's first code line in `file`. */
  line: number;
  code: string;
}

/** A compile error in an example, placed at its line in the documented source. */
export interface ExampleError {
  file: string;
  line: number;
  message: string;
}

const DOC_COMMENT = /\/\*\*[\s\S]*?\*\//g;
const TAG_LINE = /^@\w+/;

/** Every ```ts (or ```typescript) block that follows an `@example` tag in the doc comments of `text`. */
export function extractExamples(text: string, file: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const comment of text.matchAll(DOC_COMMENT)) {
    const firstLine = text.slice(0, comment.index).split("\n").length;
    // Strip the comment's frame: "/**", "*/" and each line's leading " * ".
    const lines = comment[0]
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""));
    let inExample = false;
    let block: string[] | null = null;
    let blockLine = 0;
    lines.forEach((line, i) => {
      if (block) {
        if (line.trim().startsWith("```")) {
          examples.push({ file, line: blockLine, code: block.join("\n") });
          block = null;
        } else block.push(line);
        return;
      }
      if (TAG_LINE.test(line.trim())) inExample = line.trim().startsWith("@example");
      if (inExample && /^```(ts|typescript)\s*$/.test(line.trim())) {
        block = [];
        blockLine = firstLine + i + 1;
      }
    });
    if (block) throw new Error(`${file}:${blockLine}: @example code block is not closed with \`\`\``);
  }
  return examples;
}

function compilerOptions(): ts.CompilerOptions {
  const configFile = path.join(ROOT, "tsconfig.json");
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configFile);
  return { ...parsed.options, noEmit: true };
}

/** The source files the public entry points reach (package.json "exports"), outside node_modules. */
export function documentedSources(): string[] {
  const pkg = JSON.parse(ts.sys.readFile(path.join(ROOT, "package.json")) ?? "{}") as { exports: Record<string, string> };
  const entries = Object.values(pkg.exports).filter((f) => f.endsWith(".ts")).map((f) => path.join(ROOT, f));
  const program = ts.createProgram(entries, compilerOptions());
  return program
    .getSourceFiles()
    .map((sf) => sf.fileName)
    .filter((f) => !f.includes("/node_modules/") && !f.endsWith(".d.ts"));
}

/** The example as a module of its own: `tf` is imported unless the example imports "tensorlings" itself. */
function asModule(code: string): string {
  const header = /from\s+["']tensorlings["']/.test(code) ? "" : 'import * as tf from "tensorlings";\n';
  return `${header}${code}\nexport {};\n`;
}

/** Compiles every example against the kit's tsconfig (so "tensorlings" maps to src/) and lists the errors. */
export function checkExamples(examples: DocExample[]): ExampleError[] {
  const options = compilerOptions();
  const virtual = new Map<string, { example: DocExample; text: string; headerLines: number }>();
  examples.forEach((example, i) => {
    const text = asModule(example.code);
    const headerLines = text.startsWith("import * as tf") ? 1 : 0;
    virtual.set(path.join(ROOT, "docs", "tools", `__example${i}__.ts`), { example, text, headerLines });
  });
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f)?.text ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const v = virtual.get(f);
    return v ? ts.createSourceFile(f, v.text, lang) : getSourceFile.call(host, f, lang, onError, create);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: ExampleError[] = [];
  for (const [fileName, { example, headerLines }] of virtual) {
    const sf = program.getSourceFile(fileName);
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : headerLines;
      errors.push({
        file: example.file,
        line: example.line + Math.max(0, at - headerLines),
        message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      });
    }
  }
  return errors;
}

function main(): void {
  const examples = documentedSources().flatMap((f) => extractExamples(ts.sys.readFile(f) ?? "", f));
  const errors = checkExamples(examples);
  for (const e of errors) console.error(`${path.relative(ROOT, e.file)}:${e.line}: ${e.message}`);
  console.log(`${examples.length} @example blocks checked, ${errors.length} errors`);
  if (errors.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
