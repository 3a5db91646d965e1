/**
 * Turns one TypeScript cell into a script for the lesson's vm context.
 *
 * Cells of one lesson share their top-level names, like cells of a notebook. Scripts run in the
 * same vm context share the global scope, but `const`/`let`/`class` there cannot be declared twice,
 * which would break "run this cell again". So every top-level binding becomes a global `var`
 * (imports included), which may be declared again. Cells that use top-level `await` run inside an
 * async function; their top-level bindings are then declared as globals before it and assigned
 * inside it, so later cells still see them.
 */
import type * as swcTypes from "@swc/core";
import { stripVTControlCharacters } from "node:util";

export interface TranspiledCell {
  /** Script text for `vm.Script`. */
  code: string;
  /** True when the script evaluates to a promise that has to be awaited (top-level await). */
  isAsync: boolean;
  /** Top-level names the cell declares. */
  declared: string[];
}

/** Names the runner defines in every lesson context for the rewritten imports. */
export const IMPORT_HELPER = "__lessonImport";
export const DEFAULT_HELPER = "__lessonDefault";

/** A cell that cannot be turned into a script; shown like any other error of that cell. */
export class CellSyntaxError extends SyntaxError {
  constructor(message: string) {
    super(message);
    this.name = "SyntaxError";
  }
}

type Node = { type: string; span?: { start: number; end: number } } & Record<string, any>;

// Parsing the cell after this marker statement tells where byte 0 of the cell is in swc's spans.
const MARKER = "0;\n";

export function transpileCell(source: string): TranspiledCell {
  const swc = require("@swc/core") as typeof swcTypes;
  const js = stripTypes(swc, source);
  const bytes = Buffer.from(MARKER + js);
  const program = parse(swc, MARKER + js);
  const [marker, ...body] = program.body as Node[];
  const base = marker.span!.start;
  const text = (node: Node) => bytes.subarray(node.span!.start - base, node.span!.end - base).toString();

  const isAsync = body.some(containsTopLevelAwait);
  const declared: string[] = [];
  const imports: [string, string][] = []; // run first: imports are hoisted in modules
  const hoisted: string[] = []; // function declarations of async cells, kept outside the async wrapper
  const statements: string[] = [];

  for (const node of body) {
    switch (node.type) {
      case "ImportDeclaration":
        imports.push(...importBindings(node, declared));
        break;
      case "ExportNamedDeclaration":
        if (node.specifiers.length === 0 && !node.source) break; // `export {}` only marks a module
        throw new CellSyntaxError("a lesson cell cannot export; drop the `export` keyword");
      case "ExportDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportDefaultExpression":
      case "ExportAllDeclaration":
        throw new CellSyntaxError("a lesson cell cannot export; drop the `export` keyword");
      case "VariableDeclaration":
        statements.push(variableStatement(node, text, declared, isAsync));
        break;
      case "ClassDeclaration":
        declared.push(node.identifier.value);
        statements.push(`${isAsync ? "" : "var "}${node.identifier.value} = ${text(node)};`);
        break;
      case "FunctionDeclaration":
        // Function declarations already create re-declarable globals in a script.
        if (isAsync) hoisted.push(text(node));
        else statements.push(text(node));
        break;
      default:
        statements.push(text(node));
    }
  }

  const lines = ['"use strict";'];
  if (isAsync) {
    if (declared.length > 0) lines.push(`var ${declared.join(", ")};`);
    // Parentheses keep a `{ a, b } = …` target from reading as a block.
    lines.push(...imports.map(([target, value]) => (target ? `(${target} = ${value});` : `${value};`)));
    lines.push(...hoisted, "(async () => {", ...statements, "})();");
  } else {
    lines.push(
      ...imports.map(([target, value]) => (target ? `var ${target} = ${value};` : `${value};`)),
      ...statements,
    );
  }
  return { code: lines.join("\n"), isAsync, declared };
}

function stripTypes(swc: typeof swcTypes, source: string): string {
  try {
    return swc.transformSync(source, {
      filename: "cell.ts",
      isModule: true,
      swcrc: false,
      configFile: false,
      jsc: {
        parser: { syntax: "typescript" },
        target: "es2022",
        // Keep imports whose names this cell does not use: later cells may use them.
        transform: { verbatimModuleSyntax: true },
      },
    }).code;
  } catch (e) {
    throw new CellSyntaxError(cleanSwcMessage(e));
  }
}

function parse(swc: typeof swcTypes, js: string): swcTypes.Module {
  try {
    // Parsed as a module (swc's default), so `import` and top-level `await` are accepted.
    return swc.parseSync(js, { syntax: "ecmascript", target: "es2022" });
  } catch (e) {
    throw new CellSyntaxError(cleanSwcMessage(e));
  }
}

/** swc reports errors as a framed, coloured excerpt; keep the excerpt, lose the colours and noise. */
export function cleanSwcMessage(e: unknown): string {
  // Not `instanceof Error`: the error may come from another realm (Jest runs tests in a vm context).
  const message = e && typeof e === "object" && "message" in e ? String(e.message) : String(e);
  const raw = stripVTControlCharacters(message);
  // Drop swc's "Caused by" / native backtrace tail; keep the framed excerpt that points at the mistake.
  const excerpt = raw.split(/\n\s*(?:Caused by:|Stack backtrace:)/)[0];
  const lines = excerpt.split("\n").filter((l) => l.trim() !== "");
  return (
    lines
      .map((l) => l.replace(/^ {2}x /, ""))
      .join("\n")
      .trimEnd() || "the cell could not be parsed"
  );
}

/** `import` → `[binding target, value]` pairs; an empty target means a side-effect import. */
function importBindings(node: Node, declared: string[]): [string, string][] {
  const load = `${IMPORT_HELPER}(${JSON.stringify(node.source.value)})`;
  const specs = node.specifiers as Node[];
  if (specs.length === 0) return [["", load]];
  const pairs: [string, string][] = [];
  const named: string[] = [];
  for (const spec of specs) {
    const local = spec.local.value as string;
    declared.push(local);
    if (spec.type === "ImportNamespaceSpecifier") pairs.push([local, load]);
    else if (spec.type === "ImportDefaultSpecifier") pairs.push([local, `${DEFAULT_HELPER}(${load})`]);
    else {
      const imported = spec.imported
        ? spec.imported.type === "StringLiteral"
          ? JSON.stringify(spec.imported.value)
          : spec.imported.value
        : local;
      named.push(imported === local ? local : `${imported}: ${local}`);
    }
  }
  if (named.length > 0) pairs.push([`{ ${named.join(", ")} }`, load]);
  return pairs;
}

function variableStatement(
  node: Node,
  text: (n: Node) => string,
  declared: string[],
  isAsync: boolean,
): string {
  const declarators = node.declarations as Node[];
  for (const d of declarators) declared.push(...bindingNames(d.id));
  if (!isAsync) {
    // `const x = 1, y = 2` → `var x = 1, y = 2`: only the keyword changes.
    const whole = text(node);
    return whole.replace(/^(const|let|var)\b/, "var");
  }
  const assignments = declarators.flatMap((d) => {
    // `var x;` leaves x alone (swc emits one after a namespace it has filled); `let x;` resets it.
    if (!d.init) return node.kind === "var" ? [] : [`(${text(d.id)} = undefined);`];
    return [`(${text(d.id)} = ${text(d.init)});`];
  });
  return assignments.join("\n");
}

function bindingNames(pattern: Node | null): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern.value];
    case "ArrayPattern":
      return (pattern.elements as (Node | null)[]).flatMap(bindingNames);
    case "ObjectPattern":
      return (pattern.properties as Node[]).flatMap((p) =>
        p.type === "KeyValuePatternProperty"
          ? bindingNames(p.value)
          : p.type === "AssignmentPatternProperty"
            ? [p.key.value]
            : bindingNames(p),
      );
    case "AssignmentPattern":
      return bindingNames(pattern.left);
    case "RestElement":
      return bindingNames(pattern.argument);
    default:
      return [];
  }
}

// Nodes that start a new function body: an `await` inside them is not top-level.
const FUNCTION_NODES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ClassMethod",
  "PrivateMethod",
  "Constructor",
  "GetterProperty",
  "SetterProperty",
  "MethodProperty",
]);

function containsTopLevelAwait(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsTopLevelAwait);
  if (!node || typeof node !== "object") return false;
  const n = node as Node;
  if (n.type === "AwaitExpression") return true;
  if (n.type === "ForOfStatement" && (n.await === true || n.isAwait === true)) return true;
  if (FUNCTION_NODES.has(n.type)) return false;
  return Object.entries(n).some(([key, value]) => key !== "span" && containsTopLevelAwait(value));
}
