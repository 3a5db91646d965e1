// TypeDoc's API reference (`npm run docs`, output in docs/api/) for the entry points that package.json
// "exports" names; `npm run docs:check` runs it with warnings as errors, so an undocumented export fails.
import { readFileSync } from "node:fs";
import { URL } from "node:url";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const entryPoints = Object.values(pkg.exports).filter((file) => file.endsWith(".ts"));

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: pkg.name,
  entryPoints,
  out: "docs/api",
  tsconfig: "tsconfig.json",
  plugin: ["./docs/tools/typedocModuleNames.mjs"],
  // No "defined in" links: a clone's remote (a fork, a local path) is not a public URL to link to.
  disableSources: true,
  excludePrivate: true,
  excludeInternal: true,
  validation: { notExported: true, invalidLink: true, invalidPath: true, notDocumented: true },
};
