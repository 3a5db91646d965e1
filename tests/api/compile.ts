/**
 * Type-checks in-memory TypeScript files against the kit (as `tsc --noEmit` under the kit's
 * tsconfig would), so tests can prove what the compiler accepts and rejects.
 */
import * as path from "path";
import ts from "typescript";

const kitRoot = path.resolve(__dirname, "../..");

function kitOptions(): ts.CompilerOptions {
  const file = path.join(kitRoot, "tsconfig.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return { ...ts.parseJsonConfigFileContent(read.config, ts.sys, kitRoot).options, noEmit: true };
}

export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/**
 * Compiles `files` (paths relative to the kit root, e.g. `__check__/a.ts`, held in memory) plus
 * any real kit files named in `realFiles`; returns the diagnostics per given file. `inspect` gets
 * the program first, for checks of its own (types of expressions, say).
 */
export function typeCheck(
  files: Record<string, string>,
  realFiles: readonly string[] = [],
  inspect?: (program: ts.Program) => void,
): Map<string, Diagnostic[]> {
  const options = kitOptions();
  const mem = new Map(Object.entries(files).map(([rel, text]) => [path.join(kitRoot, rel), text]));
  const host = ts.createCompilerHost(options, true);
  const base = { fileExists: host.fileExists, readFile: host.readFile, getSourceFile: host.getSourceFile };
  host.fileExists = (p) => mem.has(p) || base.fileExists(p);
  host.readFile = (p) => mem.get(p) ?? base.readFile(p);
  host.getSourceFile = (p, lang, onError) => {
    const text = mem.get(p);
    return text !== undefined ? ts.createSourceFile(p, text, lang, true) : base.getSourceFile(p, lang, onError);
  };
  const roots = [...mem.keys(), ...realFiles.map((f) => path.join(kitRoot, f))];
  const program = ts.createProgram({ rootNames: roots, options, host });
  inspect?.(program);
  const out = new Map<string, Diagnostic[]>();
  for (const root of roots) {
    const source = program.getSourceFile(root);
    if (!source) throw new Error(`not compiled: ${root}`);
    const rel = path.relative(kitRoot, root).split(path.sep).join("/");
    out.set(
      rel,
      [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ({
        file: rel,
        line: d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      })),
    );
  }
  return out;
}
