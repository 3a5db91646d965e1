// One-way layers of the engine (src/), lowest first, each with the layers it may import besides
// itself. The README's layout table describes each one; `npm run lint` runs this check.
const BELOW = {
  base: [],
  io: ["base"],
  graph: ["base"],
  ops: ["base", "io", "graph"],
  runtime: ["base", "io", "graph", "ops"],
  train: ["base", "io", "graph", "ops", "runtime"],
  summary: ["base", "io", "graph", "ops", "runtime", "train"],
};
const LAYERS = Object.keys(BELOW);

const layerRules = LAYERS.map((layer) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer}/ may import only ${[layer, ...BELOW[layer]].map((l) => `src/${l}/`).join(", ")}`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: { path: "^src/", pathNot: `^src/(${[layer, ...BELOW[layer]].join("|")})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
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
