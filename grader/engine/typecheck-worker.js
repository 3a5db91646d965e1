/**
 * Type checks one submission's exercise files per message, in a worker thread so the parent can
 * stop a pathological check. Plain CommonJS so it loads the same way under ts-node and Jest.
 *
 * Learner files live in memory under a virtual folder inside the kit (never written there);
 * `tensorlings` resolves to the pristine kit's source. Parsed kit and library files are cached
 * across submissions, and only the learner files' diagnostics are asked for, so a check after
 * the first costs a fraction of a full `tsc --noEmit`.
 */
"use strict";
const { parentPort, workerData } = require("worker_threads");
const path = require("path");
const ts = require(workerData.typescriptPath);

const kitRoot = workerData.kitRoot;
const virtualRoot = path.join(kitRoot, "__submission__");
const options = compilerOptions();
const baseHost = ts.createCompilerHost(options, true);
const parsed = new Map();

function compilerOptions() {
  let opts = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    isolatedModules: true,
    baseUrl: kitRoot,
    paths: { tensorlings: ["src/index.ts"], "tensorlings/datasets": ["datasets/index.ts"] },
  };
  const file = path.join(kitRoot, "tsconfig.json");
  if (ts.sys.fileExists(file)) {
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (!read.error) opts = ts.parseJsonConfigFileContent(read.config, ts.sys, kitRoot).options;
  }
  const paths = { ...(opts.paths || {}), "@submission/*": [path.join(virtualRoot, "*")] };
  delete opts.rootDir;
  delete opts.composite;
  delete opts.incremental;
  delete opts.tsBuildInfoFile;
  return {
    ...opts,
    baseUrl: opts.baseUrl || kitRoot,
    paths,
    noEmit: true,
    types: ["node"],
    typeRoots: [path.join(kitRoot, "node_modules", "@types")],
  };
}

const inVirtual = (p) => p === virtualRoot || p.startsWith(virtualRoot + path.sep);

function check(files) {
  const mem = new Map(files.map((f) => [path.join(virtualRoot, f.rel), f.text]));
  const host = {
    ...baseHost,
    getCurrentDirectory: () => kitRoot,
    fileExists: (p) => mem.has(p) || (!inVirtual(p) && baseHost.fileExists(p)),
    readFile: (p) => (mem.has(p) ? mem.get(p) : inVirtual(p) ? undefined : baseHost.readFile(p)),
    directoryExists: (p) =>
      inVirtual(p)
        ? [...mem.keys()].some((k) => k.startsWith(p + path.sep)) || p === virtualRoot
        : baseHost.directoryExists
          ? baseHost.directoryExists(p)
          : true,
    realpath: (p) => (inVirtual(p) ? p : baseHost.realpath ? baseHost.realpath(p) : p),
    getSourceFile: (p, lang) => {
      if (mem.has(p)) return ts.createSourceFile(p, mem.get(p), lang, true);
      if (inVirtual(p)) return undefined;
      const key = `${p}\0${typeof lang === "object" ? lang.languageVersion : lang}`;
      if (!parsed.has(key)) parsed.set(key, baseHost.getSourceFile(p, lang));
      return parsed.get(key);
    },
    writeFile: () => undefined,
  };
  const roots = [...mem.keys()].filter((p) => p.endsWith(".ts"));
  const program = ts.createProgram({ rootNames: roots, options, host });
  const out = [];
  const push = (d, kind) => {
    if (!d.file || !mem.has(d.file.fileName)) return;
    const pos = d.file.getLineAndCharacterOfPosition(d.start || 0);
    out.push({
      file: path.relative(virtualRoot, d.file.fileName).split(path.sep).join("/"),
      line: pos.line + 1,
      column: pos.character + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      kind,
    });
  };
  for (const r of roots) {
    const sf = program.getSourceFile(r);
    if (!sf) continue;
    const syntax = program.getSyntacticDiagnostics(sf);
    syntax.forEach((d) => push(d, "syntax"));
    if (syntax.length === 0)
      program
        .getSemanticDiagnostics(sf)
        .forEach((d) => d.category === ts.DiagnosticCategory.Error && push(d, "type"));
  }
  return out;
}

parentPort.on("message", (msg) => {
  try {
    parentPort.postMessage({ id: msg.id, diagnostics: check(msg.files) });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: String((e && e.stack) || e) });
  }
});
