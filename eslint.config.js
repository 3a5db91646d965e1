// Flat config: typescript-eslint's recommended rules over the whole kit.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["node_modules/**", "out/**", "tmp/**", "coverage/**", "bench/results/**", "board/dist/**", "docs/api/**", "tests/fixtures/grader/hostile/**"] },
  // Written by `npm run proto` (protoc-gen-es), checked by `npm run proto:check` instead.
  { ignores: ["src/io/proto/gen/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  // A starter's parameters are the interface its suite calls; they stay unused until the learner
  // writes the body, and must not need `void x;` lines to keep the linter quiet.
  {
    files: ["exercises/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": ["error", { args: "none", varsIgnorePattern: "^_" }] },
  },
  // The engine and datasets are the public surface: no `any` there, except where a line says why.
  { files: ["src/**/*.ts", "datasets/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "error" } },
  { files: ["**/*.js"], languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly" } } },
);
