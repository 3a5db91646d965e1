#!/usr/bin/env node
// Starts the lesson runner: `node lessons/runner/start.js [args]` (what `npm run lesson` calls).
// Plain JavaScript on purpose: it lets Node load the runner's TypeScript through swc directly,
// which starts several times faster than ts-node (no TypeScript compiler to load first).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const kitRoot = path.resolve(__dirname, "..", "..");
const swc = require("@swc/core");

const previous = require.extensions[".ts"];
require.extensions[".ts"] = function loadTypeScript(module, filename) {
  // Only the kit's own sources; anything else keeps whatever loader was there.
  if (
    previous &&
    (!filename.startsWith(kitRoot + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`))
  ) {
    return previous(module, filename);
  }
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    swcrc: false,
    configFile: false,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};

require("./cli.ts").runFromCommandLine();
