/**
 * Static scan of learner files for calls an instructor should look at: process control, child
 * processes, the network, file writes, framework globals, dynamic code and reaching into the
 * grader. Findings are a warning column in the reports; they never change a score by themselves.
 */
import * as ts from "typescript";
import { cleanLearnerText } from "./text";
import type { ScanFinding } from "./types";
import { RULES, type Rule } from "./scanRules";

const CHILD_MODULES = new Set(["child_process", "cluster", "worker_threads"]);
const NET_MODULES = new Set([
  "net",
  "http",
  "https",
  "http2",
  "dgram",
  "tls",
  "dns",
  "undici",
  "inspector/promises",
]);
const INTERNAL_MODULES = new Set(["module", "vm", "v8", "inspector", "repl", "process", "async_hooks"]);
const FS_MODULES = new Set(["fs", "fs/promises"]);
const FS_WRITES = new Set([
  "writeFile",
  "writeFileSync",
  "appendFile",
  "appendFileSync",
  "createWriteStream",
  "writeSync",
  "write",
  "rm",
  "rmSync",
  "rmdir",
  "rmdirSync",
  "unlink",
  "unlinkSync",
  "rename",
  "renameSync",
  "copyFile",
  "copyFileSync",
  "cp",
  "cpSync",
  "symlink",
  "symlinkSync",
  "link",
  "linkSync",
  "truncate",
  "truncateSync",
  "chmod",
  "chmodSync",
  "utimes",
  "utimesSync",
]);
const PROCESS_EXIT = new Set(["exit", "exitCode", "kill", "abort", "reallyExit"]);
const PROCESS_INTERNALS = new Set([
  "binding",
  "_linkedBinding",
  "dlopen",
  "mainModule",
  "_getActiveHandles",
  "stdin",
  "openStdin",
  "setuid",
  "chdir",
]);
const FRAMEWORK_NAMES = new Set([
  "expect",
  "test",
  "it",
  "describe",
  "jest",
  "beforeEach",
  "afterEach",
  "beforeAll",
  "afterAll",
  "xit",
  "fit",
]);
const FRAMEWORK_MEMBERS = new Set([
  "extend",
  "getState",
  "setState",
  "addSnapshotSerializer",
  "testPath",
  "currentTestName",
]);
const GLOBAL_OBJECTS = new Set(["globalThis", "global", "window", "self"]);
const GRADER_WORDS =
  /(^|[/\\])(grader|suites|solutions|harness)([/\\]|$)|\.test\.[jt]s|manifest\.json|\$\$jest|JEST_STATE|jest-circus|@jest\/|jest-symbol/i;

/** The finding that stands in for a scan that could not be done; a warning like any other. */
const SKIPPED: Rule = { id: "scan-skipped", message: "scan skipped: too deeply nested" };

/**
 * Findings for one file; never throws. The walk below is iterative, and TypeScript's parser, which
 * recurses per nesting level, is given up on (with a `scan-skipped` finding) when nesting
 * exhausts the stack.
 */
export function scanSource(file: string, text: string): ScanFinding[] {
  let sf: ts.SourceFile;
  try {
    sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    return scanTree(file, text, sf);
  } catch (e) {
    // A scanner bug must not cost the learner a grade either: it becomes the same warning.
    const message =
      e instanceof RangeError
        ? SKIPPED.message
        : `scan skipped: the scanner failed (${cleanLearnerText(e, { max: 200 })})`;
    return [{ rule: SKIPPED.id, file, line: 1, column: 1, snippet: "", message }];
  }
}

function scanTree(file: string, text: string, sf: ts.SourceFile): ScanFinding[] {
  let lines: string[] | undefined;
  const found = new Map<string, ScanFinding>();
  const fsNames = new Set<string>();
  const processNames = new Set<string>(["process"]);
  const globalNames = new Set<string>(GLOBAL_OBJECTS);
  const frameworkNames = new Set<string>(FRAMEWORK_NAMES);
  /** Tracks `const g = globalThis as any`-style aliases so they are scanned like the original. */
  const trackAlias = (decl: ts.VariableDeclaration) => {
    if (!decl.initializer || !ts.isIdentifier(decl.name)) return;
    const init = unwrap(decl.initializer);
    if (!ts.isIdentifier(init)) return;
    for (const set of [fsNames, processNames, globalNames, frameworkNames])
      if (set.has(init.text)) set.add(decl.name.text);
  };

  const add = (rule: Rule, node: ts.Node, detail?: string) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const key = `${rule.id}:${line}`;
    if (found.has(key)) return;
    lines ??= text.split("\n");
    const snippet = cleanLearnerText((lines[line] ?? "").trim(), { max: 160 });
    found.set(key, {
      rule: rule.id,
      file,
      line: line + 1,
      column: character + 1,
      snippet,
      message: detail ? `${rule.message} (${detail})` : rule.message,
    });
  };

  const moduleName = (spec: string) => spec.replace(/^node:/, "");
  const onModule = (spec: string, node: ts.Node, binding?: ts.Node) => {
    const m = moduleName(spec);
    if (CHILD_MODULES.has(m)) add(RULES.childProcess, node, m);
    else if (NET_MODULES.has(m)) add(RULES.network, node, m);
    else if (INTERNAL_MODULES.has(m)) add(RULES.internals, node, m);
    else if (m === "@jest/globals" || m.startsWith("jest") || m === "expect") add(RULES.framework, node, m);
    if ((spec.startsWith(".") || spec.startsWith("/")) && GRADER_WORDS.test(spec))
      add(RULES.graderFiles, node, spec);
    if (FS_MODULES.has(m) && binding) collectNames(binding, fsNames);
    if (m === "process" && binding) collectNames(binding, processNames);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) trackAlias(node);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      onModule(node.moduleSpecifier.text, node, node.importClause ?? undefined);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      onModule(node.moduleReference.expression.text, node, node.name);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isImport) {
        if (arg && ts.isStringLiteralLike(arg)) {
          const parent = node.parent;
          onModule(arg.text, node, ts.isVariableDeclaration(parent) ? parent.name : undefined);
        } else add(RULES.dynamicRequire, node);
      } else if (ts.isPropertyAccessExpression(callee) && callee.name.text === "constructor") {
        add(RULES.dynamicCode, node, "calls a constructor property (Function from another realm)");
      } else if (ts.isIdentifier(callee) && (callee.text === "eval" || callee.text === "Function")) {
        add(RULES.dynamicCode, node, callee.text);
      } else if (ts.isIdentifier(callee) && fsNames.has(callee.text) && FS_WRITES.has(callee.text)) {
        add(RULES.fsWrite, node, callee.text);
      } else if (ts.isIdentifier(callee) && callee.text === "fetch") {
        add(RULES.network, node, "fetch");
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === "Function") add(RULES.dynamicCode, node, "new Function");
      if (node.expression.text === "WebSocket") add(RULES.network, node, "WebSocket");
    } else if (ts.isPropertyAccessExpression(node)) {
      onMember(node, node.expression, node.name.text);
    } else if (ts.isElementAccessExpression(node)) {
      const key = node.argumentExpression;
      const obj = unwrap(node.expression);
      if (ts.isStringLiteralLike(key)) onMember(node, node.expression, key.text);
      else if (
        ts.isIdentifier(obj) &&
        (globalNames.has(obj.text) || processNames.has(obj.text) || obj.text === "require")
      ) {
        add(RULES.dynamicCode, node, `computed member of ${obj.text}`);
      }
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(node.left) &&
      frameworkNames.has(node.left.text)
    ) {
      add(RULES.framework, node, `assigns ${node.left.text}`);
    } else if (
      ts.isStringLiteralLike(node) &&
      GRADER_WORDS.test(node.text) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isCallExpression(node.parent)
    ) {
      add(RULES.graderFiles, node, JSON.stringify(node.text.slice(0, 60)));
    }
  };

  const onMember = (node: ts.Node, rawObj: ts.Expression, name: string) => {
    const obj = unwrap(rawObj);
    const base = ts.isIdentifier(obj) ? obj.text : null;
    if (base && processNames.has(base)) {
      // Setting exitCode in the script's own entry block is the kit's CLI boilerplate; that block
      // never runs when the grader loads the module.
      const cliExit = name === "exitCode" && insideEntryGuard(node);
      if (PROCESS_EXIT.has(name) && !cliExit) add(RULES.processExit, node, `process.${name}`);
      if (PROCESS_INTERNALS.has(name)) add(RULES.internals, node, `process.${name}`);
      if (name === "send" || name === "channel") add(RULES.internals, node, `process.${name}`);
    }
    if (base && globalNames.has(base) && FRAMEWORK_NAMES.has(name))
      add(RULES.framework, node, `${base}.${name}`);
    if (base && frameworkNames.has(base) && FRAMEWORK_MEMBERS.has(name))
      add(RULES.framework, node, `${base}.${name}`);
    if (base && globalNames.has(base) && (name === "process" || name === "require"))
      add(RULES.internals, node, `${base}.${name}`);
    if (name === "testPath" || name === "getOwnPropertySymbols") add(RULES.framework, node, name);
    // `write`/`writeSync` alone are too common (streams) unless called on fs itself.
    const onFs = base !== null && (fsNames.has(base) || base === "fs" || base === "promises");
    if (FS_WRITES.has(name) && (onFs || (base === null && name !== "write" && name !== "writeSync")))
      add(RULES.fsWrite, node, name);
    if (base && fsNames.has(base) && isAssignmentTarget(node)) add(RULES.fsPatch, node, `${base}.${name}`);
    if (base === "require" && (name === "cache" || (name === "main" && !isEntryCheck(node))))
      add(RULES.internals, node, `require.${name}`);
    if (base === "module" && (name === "constructor" || name === "children" || name === "parent"))
      add(RULES.internals, node, `module.${name}`);
    if (name === "constructor" && ts.isPropertyAccessExpression(obj) && obj.name.text === "constructor")
      add(RULES.dynamicCode, node, "constructor.constructor");
    if (
      name === "prototype" &&
      base &&
      ["Function", "Object", "Array", "Promise", "Error"].includes(base) &&
      isAssignmentTarget(node.parent)
    )
      add(RULES.dynamicCode, node, `patches ${base}.prototype`);
    if (
      ts.isCallExpression(node.parent) &&
      node.parent.expression === node &&
      base === "Symbol" &&
      name === "for"
    ) {
      const arg = node.parent.arguments[0];
      if (arg && ts.isStringLiteralLike(arg) && /jest|tensorlings/i.test(arg.text))
        add(RULES.framework, node, `Symbol.for(${JSON.stringify(arg.text)})`);
    }
  };

  // Depth-first, in source order, with an explicit stack: aliases are seen before their uses.
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    const kids: ts.Node[] = [];
    ts.forEachChild(node, (k) => {
      kids.push(k);
    });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return [...found.values()].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/**
 * Findings for a submission's files. `allowed(rel)` lists the rules the file's exercise needs for
 * its own task (the manifest's `scanAllow`, e.g. ex12 writes its epoch file); those stay quiet.
 */
export function scanFiles(
  files: Map<string, Buffer>,
  allowed: (rel: string) => readonly string[] = () => [],
): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (const [rel, data] of files) {
    if (!rel.endsWith(".ts")) continue;
    const quiet = new Set(allowed(rel));
    out.push(...scanSource(rel, data.toString("utf8")).filter((f) => !quiet.has(f.rule)));
  }
  return out;
}

/** `require.main === module` (or `!==`): the usual "run as a script" test, reading nothing. */
function isEntryCheck(node: ts.Node): boolean {
  const p = node.parent;
  if (!p || !ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken)
    return false;
  const other = p.left === node ? p.right : p.left;
  return ts.isIdentifier(other) && other.text === "module";
}

/** Inside the `then` branch of `if (require.main === module)`. */
function insideEntryGuard(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.thenStatement === n) {
      const cond = unwrap(p.expression);
      if (
        ts.isBinaryExpression(cond) &&
        cond.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken &&
        [cond.left, cond.right].some(
          (side) =>
            ts.isPropertyAccessExpression(side) &&
            ts.isIdentifier(side.expression) &&
            side.expression.text === "require" &&
            side.name.text === "main" &&
            isEntryCheck(side),
        )
      )
        return true;
    }
  }
  return false;
}

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>` casts. */
function unwrap(e: ts.Expression): ts.Expression {
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isSatisfiesExpression(e)
    )
      e = e.expression;
    else return e;
  }
}

function collectNames(binding: ts.Node, into: Set<string>): void {
  const stack = [binding];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) into.add(n.text);
    ts.forEachChild(n, (k) => {
      stack.push(k);
    });
  }
}

function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent;
  return (
    !!p &&
    ts.isBinaryExpression(p) &&
    p.left === node &&
    p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}
