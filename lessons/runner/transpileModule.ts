/** TypeScript source file → CommonJS, for the kit files a lesson loads. Cached per process: doc tests load the kit once per lesson. */
import * as fs from "node:fs";
import type * as swcTypes from "@swc/core";

const cache = new Map<string, { mtimeMs: number; code: string }>();

export function transpileModule(source: string, filename: string): string {
  const mtimeMs = fs.statSync(filename, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const hit = cache.get(filename);
  if (hit && hit.mtimeMs === mtimeMs) return hit.code;
  const swc = require("@swc/core") as typeof swcTypes;
  const { code } = swc.transformSync(source, {
    filename,
    swcrc: false,
    configFile: false,
    jsc: { parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") }, target: "es2022" },
    module: { type: "commonjs" },
  });
  cache.set(filename, { mtimeMs, code });
  return code;
}
