// TypeDoc plugin: names each entry point's module by its package.json "exports" key ("tensorlings",
// "tensorlings/io", ...) rather than by its folder ("src", "src/io"), so the reference reads like the imports.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Converter, ReflectionKind } from "typedoc";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
const importNameByFile = new Map(
  Object.entries(pkg.exports)
    .filter(([, file]) => file.endsWith(".ts"))
    .map(([key, file]) => [resolve(root, file), key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`]),
);

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const file = mod.sources?.[0]?.fullFileName;
      const importName = file && importNameByFile.get(resolve(file));
      if (importName) mod.name = importName;
    }
  });
}
