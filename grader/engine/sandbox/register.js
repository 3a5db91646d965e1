/**
 * Preload for every Node process inside the sandbox (`NODE_OPTIONS=--require register.js`): the
 * learner's `.ts` files are compiled by swc on load (the settings of the kit's Jest transform), and
 * `tensorlings`, `tensorlings/io` and `tensorlings/datasets` resolve to the read-only kit mounted
 * at TENSORLINGS_KIT_ROOT. It also serves the grader's own host process, and a learner's child
 * processes (exercise 12 starts its training script as one).
 */
"use strict";
const fs = require("fs");
const Module = require("module");
const path = require("path");

const kitRoot = process.env.TENSORLINGS_KIT_ROOT;
if (!kitRoot) throw new Error("register.js: TENSORLINGS_KIT_ROOT is not set");
const swc = require(require.resolve("@swc/core", { paths: [kitRoot] }));

const aliases = new Map([
  ["tensorlings", path.join(kitRoot, "src", "index.ts")],
  ["tensorlings/io", path.join(kitRoot, "src", "io", "index.ts")],
  ["tensorlings/datasets", path.join(kitRoot, "datasets", "index.ts")],
]);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return aliases.get(request) ?? resolveFilename.call(this, request, ...rest);
};

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
