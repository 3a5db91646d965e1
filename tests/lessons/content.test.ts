/**
 * Lesson text fixes (finding 7): lesson 11's cells declare each top-level name once (so they can be
 * pasted into one file) and point to `npm run board`; lesson 5 explains why its gradients differ
 * from the book's in the last digit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { LESSONS } from "../../lessons/index";
import { parseLesson } from "../../lessons/runner/parse";

const kitRoot = path.resolve(__dirname, "..", "..");
const read = (n: number) => fs.readFileSync(path.join(kitRoot, LESSONS[n].file), "utf8");

/** Names a cell declares at its top level (variables, functions, classes). */
function declared(code: string): string[] {
  const sf = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  const bind = (n: ts.BindingName): void => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) st.declarationList.declarations.forEach((d) => bind(d.name));
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) names.push(st.name.text);
  }
  return names;
}

test("lesson 11 declares each top-level name in one cell only", () => {
  const first = new Map<string, number>();
  const again: string[] = [];
  for (const cell of parseLesson(read(11)).cells)
    for (const name of declared(cell.code)) {
      if (first.has(name)) again.push(`${name}: cell ${first.get(name)} and cell ${cell.number}`);
      else first.set(name, cell.number);
    }
  expect(again).toEqual([]);
});

test("lesson 11 shows its graphs with the kit's board", () => {
  expect(read(11)).toContain("`npm run board`");
});

test("lesson 5 explains why its gradients differ from the book's in the last digit", () => {
  const text = read(5);
  const output = text.indexOf("[-1.1388494, 0.19671395]");
  const book = text.indexOf("[-1.1388495, 0.19671397]");
  expect(output).toBeGreaterThan(0);
  expect(book).toBeGreaterThan(output);
  expect(text.slice(book, book + 600)).toMatch(/float32[\s\S]*not\s+associative[\s\S]*order/);
});

test.each([
  [1, "Figure 9-1, the graph of f"],
  [10, "Figure 9-7, five relu scopes"],
  [11, "relu6, the shared threshold"],
])("lesson %i draws the book's figure live (%s), checked by its output block", (n) => {
  const { segments } = parseLesson(read(n));
  const i = segments.findIndex((s) => s.kind === "cell" && s.code.includes("renderGraphTree("));
  expect(i).toBeGreaterThan(0);
  const next = segments[i];
  expect(next.kind === "cell" && next.expected?.text.startsWith("Graph: ")).toBe(true);
  expect(read(n)).toMatch(/npm run board/);
});
