/**
 * Every lesson's code cells, concatenated in order as the notebook runs them, type-check under
 * the kit's strict tsconfig, and no expression in them is typed `any` (so nothing untyped leaks
 * from the engine into what a learner copies). `no-run` cells are sketches and are left out.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { parseLesson } from "../../lessons/runner/parse";
import { typeCheck } from "../api/compile";

const lessonsDir = path.resolve(__dirname, "../../lessons");
const lessons = fs.readdirSync(lessonsDir).filter((f) => /^\d\d-.*\.md$/.test(f));

/**
 * The lesson as one module: its imports first, then its runnable cells in order, each in a block
 * nested inside the previous cell's (later cells see earlier names and may declare them again, as
 * notebook cells do), all inside one async function since cells may use top-level `await`.
 */
function lessonModule(file: string): string {
  const { cells } = parseLesson(fs.readFileSync(path.join(lessonsDir, file), "utf8"));
  const imports = new Set<string>();
  const bodies = cells
    .filter((c) => !c.flags.noRun)
    .map((c) => {
      const source = ts.createSourceFile("cell.ts", c.code, ts.ScriptTarget.ES2022, true);
      const body: string[] = [];
      for (const statement of source.statements) {
        if (ts.isImportDeclaration(statement)) imports.add(statement.getText());
        else body.push(statement.getFullText());
      }
      return body.join("");
    });
  const nested = bodies.map((b) => `{\n${b}\n`).join("") + "}".repeat(bodies.length);
  return `${[...imports].join("\n")}\nexport async function lesson(): Promise<void> {\n${nested}\n}\n`;
}

const virtualPath = (file: string) => `lessons/__typecheck__${file.replace(/\.md$/, ".ts")}`;

/** A file with a known `any`, to show the detector finds one. */
const PROBE = "lessons/__typecheck__probe.ts";

let diagnostics: Map<string, { line: number; code: number; message: string }[]>;
let anys: Map<string, string[]>;

beforeAll(() => {
  const files = Object.fromEntries(lessons.map((f) => [virtualPath(f), lessonModule(f)]));
  files[PROBE] = `export function probe(): number {\n  const parsed = JSON.parse("1");\n  return parsed;\n}\n`;
  anys = new Map();
  diagnostics = typeCheck(files, [], (program) => {
    const checker = program.getTypeChecker();
    for (const rel of Object.keys(files)) {
      const source = program.getSourceFiles().find((s) => s.fileName.endsWith(rel));
      if (!source) continue;
      const found: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isTypeNode(node)) return; // `tf.Tensor` in a type: the namespace name has no value type
        const isKeyOfPattern = node.parent !== undefined && ts.isBindingElement(node.parent) && node.parent.propertyName === node;
        // Names and call results: what a learner hovers over, or passes on.
        if ((ts.isIdentifier(node) && !isKeyOfPattern) || ts.isCallExpression(node)) {
          const type = checker.getTypeAtLocation(node);
          if (type.flags & ts.TypeFlags.Any) {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.push(`${line}: ${node.getText().slice(0, 60)}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      anys.set(rel, found);
    }
  });
}, 120000);

test.each(lessons)("%s type-checks as one module", (file) => {
  expect(diagnostics.get(virtualPath(file))).toEqual([]);
});

test.each(lessons)("%s has no expression typed any", (file) => {
  expect(anys.get(virtualPath(file))).toEqual([]);
});

test("the any detector finds an any where there is one", () => {
  expect(anys.get(PROBE)).toEqual(["2: parsed", "2: JSON.parse(\"1\")", "3: parsed"]);
});
