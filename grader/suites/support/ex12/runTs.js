/**
 * Preload (`node -r runTs.js script.ts`) that lets a plain Node process run the learner's
 * TypeScript the way the grader's Jest does: `.ts` files compiled by swc, and `tensorlings` /
 * `tensorlings/datasets` mapped to the pristine kit named by TENSORLINGS_KIT_ROOT.
 * Exercise 12's suite uses it to start the training script as a real, killable process.
 */
"use strict";
const fs = require("fs");
const Module = require("module");
const path = require("path");

const kitRoot = process.env.TENSORLINGS_KIT_ROOT;
if (!kitRoot) throw new Error("runTs.js: TENSORLINGS_KIT_ROOT is not set");
const swc = require(require.resolve("@swc/core", { paths: [kitRoot] }));

const aliases = new Map([
  ["tensorlings", path.join(kitRoot, "src", "index.ts")],
  ["tensorlings/datasets", path.join(kitRoot, "datasets", "index.ts")],
]);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return aliases.get(request) ?? resolveFilename.call(this, request, ...rest);
};

// Same swc settings as the grader's Jest transform.
require.extensions[".ts"] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = swc.transformSync(source, {
    filename,
    swcrc: false,
    sourceMaps: "inline",
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};
