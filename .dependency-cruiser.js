// One-way layers of the engine (src/), lowest first. A folder may import its own layer and the
// layers listed before it, never one after it; the README's layout table describes each one.
const LAYERS = ["base", "io", "graph", "ops", "runtime", "train", "summary"];

const upward = LAYERS.map((layer, i) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer}/ may import only ${["itself", ...LAYERS.slice(0, i)].join(", ")}`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${[...LAYERS.slice(i + 1), "index\\.ts$"].join("|")})` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment:
        "No run-time import cycle in the engine, not even one that works only because the uses sit in " +
        "function bodies. Type-only imports may close a loop (Tensor.op is an Operation, Operation.outputs are Tensors).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-unlayered-folder",
      comment: `Every engine module lives in a layer folder (${LAYERS.join(", ")}) or is src/index.ts`,
      severity: "error",
      from: { path: "^src/", pathNot: `^src/((${LAYERS.join("|")})/|index\\.ts$)` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.proto$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["cjs", "es6"],
  },
};
