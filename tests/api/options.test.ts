/**
 * The options-object convention, checked across the public API: wherever TF's Python signature
 * has optional parameters, the options object may stand where the first omitted one would be, and
 * `null` / `undefined` mean None. For each function every form must build the same graph (same op
 * names, types, inputs and attributes) as the spelled-out form, and the options must take effect.
 * A walk over the exports makes sure no exported function is left unclassified.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tf from "tensorlings";
import { asGraphDef } from "../../src/graph/graphDefExport";

/** The graph a build leaves behind, as comparable text. */
function graphText(build: () => unknown): string {
  const g = tf.Graph();
  g.asDefault(() => build());
  return JSON.stringify(asGraphDef(g), (_k, v) =>
    ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v,
  );
}

interface OpCase {
  /** The public function (or method) this case calls. */
  fn: string;
  /** The same call written in each accepted form; the first is the spelled-out one. */
  forms: (() => unknown)[];
  /** An op name the options must have produced. */
  named: string;
}

const x = () =>
  tf.constant(
    [
      [1, 2],
      [3, 4],
    ],
    { name: "x" },
  );
const opts = { name: "named" };

const OP_CASES: OpCase[] = [
  ...(["reduceSum", "reduceMean", "reduceMax", "reduceMin", "reduceProd"] as const).flatMap((f): OpCase[] => [
    {
      fn: `tf.${f}`,
      forms: [
        () => tf[f](x(), null, null, opts),
        () => tf[f](x(), opts),
        () => tf[f](x(), undefined, opts),
        () => tf[f](x(), null, opts),
      ],
      named: "named",
    },
    {
      fn: `tf.${f} (axis given)`,
      forms: [
        () => tf[f](x(), 1, null, opts),
        () => tf[f](x(), 1, opts),
        () => tf[f](x(), 1, undefined, opts),
      ],
      named: "named",
    },
    {
      fn: `tf.${f} (keepDims given)`,
      forms: [() => tf[f](x(), 1, true, opts), () => tf[f](x(), 1, { keepDims: true, ...opts })],
      named: "named",
    },
  ]),
  ...(["reduceAll", "reduceAny"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [
      () => tf[f](tf.constant([true, false]), null, null, opts),
      () => tf[f](tf.constant([true, false]), opts),
    ],
    named: "named",
  })),
  ...(["argMax", "argMin"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [() => tf[f](x(), 0, opts), () => tf[f](x(), opts), () => tf[f](x(), null, opts)],
    named: "named",
  })),
  ...(["zeros", "ones"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [() => tf[f]([2], tf.float32, opts), () => tf[f]([2], opts), () => tf[f]([2], null, opts)],
    named: "named",
  })),
  ...(["zerosLike", "onesLike"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [() => tf[f](x(), null, opts), () => tf[f](x(), opts), () => tf[f](x(), undefined, opts)],
    named: "named",
  })),
  {
    fn: "tf.range",
    forms: [
      () => tf.range(0, 5, 1, opts),
      () => tf.range(5, opts),
      () => tf.range(0, 5, opts),
      () => tf.range(0, 5, null, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.transpose",
    forms: [
      () => tf.transpose(x(), null, opts),
      () => tf.transpose(x(), opts),
      () => tf.transpose(x(), undefined, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.squeeze",
    forms: [
      () => tf.squeeze(tf.constant([[1], [2]]), null, opts),
      () => tf.squeeze(tf.constant([[1], [2]]), opts),
    ],
    named: "named",
  },
  {
    fn: "tf.unstack",
    forms: [
      () => tf.unstack(tf.constant([[1, 2]]), 1, 0, opts)[0],
      () => tf.unstack(tf.constant([[1, 2]]), opts)[0],
      () => tf.unstack(tf.constant([[1, 2]]), null, opts)[0],
    ],
    named: "named",
  },
  {
    fn: "tf.pad",
    forms: [
      () => tf.pad(x(), [[1, 1], [0, 0]], "CONSTANT", opts),
      () => tf.pad(x(), [[1, 1], [0, 0]], opts),
      () => tf.pad(x(), [[1, 1], [0, 0]], null, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.cumsum",
    forms: [
      () => tf.cumsum(x(), 0, false, false, opts),
      () => tf.cumsum(x(), opts),
      () => tf.cumsum(x(), null, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.cumprod",
    forms: [
      () => tf.cumprod(x(), 0, false, opts),
      () => tf.cumprod(x(), opts),
      () => tf.cumprod(x(), undefined, null, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.stack",
    forms: [
      () => tf.stack([x(), x()], 0, opts),
      () => tf.stack([x(), x()], opts),
      () => tf.stack([x(), x()], null, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.constant",
    forms: [
      () => tf.constant(1, tf.int32, [2], opts),
      () => tf.constant(1, { dtype: tf.int32, shape: [2], ...opts }),
      () => tf.constant(1, tf.int32, { shape: [2], ...opts }),
      () => tf.constant(1, null, [2], { dtype: tf.int32, ...opts }),
    ],
    named: "named",
  },
  {
    fn: "tf.placeholder",
    forms: [
      () => tf.placeholder(tf.float32, [null, 3], opts),
      () => tf.placeholder(tf.float32, { shape: [null, 3], ...opts }),
    ],
    named: "named",
  },
  {
    fn: "tf.placeholder (no shape)",
    forms: [
      () => tf.placeholder(tf.float32, null, opts),
      () => tf.placeholder(tf.float32, opts),
      () => tf.placeholder(tf.float32, undefined, opts),
    ],
    named: "named",
  },
  {
    fn: "tf.randomUniform",
    forms: [
      () => tf.randomUniform([2], 0, null, { seed: 3, ...opts }),
      () => tf.randomUniform([2], { seed: 3, ...opts }),
      () => tf.randomUniform([2], 0, { seed: 3, ...opts }),
      () => tf.randomUniform([2], null, 1, { seed: 3, ...opts }),
    ],
    named: "named",
  },
  ...(["randomNormal", "truncatedNormal"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [
      () => tf[f]([2], 0, 2, { seed: 3, ...opts }),
      () => tf[f]([2], { mean: 0, stddev: 2, seed: 3, ...opts }),
      () => tf[f]([2], 0, { stddev: 2, seed: 3, ...opts }),
      () => tf[f]([2], null, 2, { seed: 3, ...opts }),
    ],
    named: "named",
  })),
  {
    fn: "tf.Variable",
    forms: [() => tf.Variable(1, opts), () => tf.Variable(1, { trainable: true, ...opts })],
    named: "named",
  },
  {
    fn: "tf.getVariable",
    forms: [
      () => tf.getVariable("named", [2], tf.float32, tf.zerosInitializer(), {}),
      () => tf.getVariable("named", { shape: [2], initializer: tf.zerosInitializer() }),
      () => tf.getVariable("named", [2], { initializer: tf.zerosInitializer() }),
      () => tf.getVariable("named", [2], null, tf.zerosInitializer()),
    ],
    named: "named",
  },
  {
    fn: "tf.matmul",
    forms: [
      () => tf.matmul(x(), x(), { transposeA: true, transposeB: false, ...opts }),
      () => tf.matmul(x(), x(), { transposeA: true, ...opts }),
    ],
    named: "named",
  },
  {
    fn: "Tensor.matmul",
    forms: [
      () => x().matmul(x(), { transposeB: true, ...opts }),
      () => x().matmul(x(), { transposeA: false, transposeB: true, ...opts }),
    ],
    named: "named",
  },
  {
    fn: "tf.gradients",
    forms: [
      () => {
        const v = tf.Variable(1, { name: "v" });
        return tf.gradients(tf.square(v), [v], null, opts);
      },
      () => {
        const v = tf.Variable(1, { name: "v" });
        return tf.gradients(tf.square(v), [v], opts);
      },
    ],
    named: "named/Square_grad/Mul",
  },
  {
    fn: "tf.constantInitializer",
    forms: [
      () => tf.getVariable("named", [2], { initializer: tf.constantInitializer(3, tf.float32, {}) }),
      () => tf.getVariable("named", [2], { initializer: tf.constantInitializer(3, { dtype: tf.float32 }) }),
    ],
    named: "named",
  },
  {
    fn: "tf.randomUniformInitializer",
    forms: [
      () => tf.getVariable("named", [2], { initializer: tf.randomUniformInitializer(0, null, { seed: 1 }) }),
      () => tf.getVariable("named", [2], { initializer: tf.randomUniformInitializer({ seed: 1 }) }),
      () => tf.getVariable("named", [2], { initializer: tf.randomUniformInitializer(null, 1, { seed: 1 }) }),
    ],
    named: "named",
  },
  ...(["randomNormalInitializer", "truncatedNormalInitializer"] as const).map((f): OpCase => ({
    fn: `tf.${f}`,
    forms: [
      () => tf.getVariable("named", [2], { initializer: tf[f](0, 1, { seed: 1 }) }),
      () => tf.getVariable("named", [2], { initializer: tf[f]({ seed: 1 }) }),
      () => tf.getVariable("named", [2], { initializer: tf[f](null, undefined, { seed: 1 }) }),
    ],
    named: "named",
  })),
  {
    fn: "tf.summary.mergeAll",
    forms: [
      () => (tf.summary.scalar("s", tf.constant(1)), tf.summary.mergeAll("summaries", opts)),
      () => (tf.summary.scalar("s", tf.constant(1)), tf.summary.mergeAll(opts)),
      () => (tf.summary.scalar("s", tf.constant(1)), tf.summary.mergeAll(null, opts)),
    ],
    named: "named",
  },
  {
    fn: "tf.train.GradientDescentOptimizer",
    forms: [
      () =>
        tf.train
          .GradientDescentOptimizer({ learningRate: 0.1, ...opts })
          .minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () => tf.train.GradientDescentOptimizer(0.1, opts).minimize(tf.reduceSum(tf.Variable([1, 2]))),
    ],
    named: "named",
  },
  {
    fn: "tf.train.MomentumOptimizer",
    forms: [
      () =>
        tf.train
          .MomentumOptimizer({ learningRate: 0.1, momentum: 0.9, ...opts })
          .minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () => tf.train.MomentumOptimizer(0.1, 0.9, opts).minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () =>
        tf.train
          .MomentumOptimizer(0.1, { momentum: 0.9, ...opts })
          .minimize(tf.reduceSum(tf.Variable([1, 2]))),
    ],
    named: "named",
  },
  {
    fn: "tf.train.AdamOptimizer",
    forms: [
      () =>
        tf.train.AdamOptimizer({ learningRate: 0.01, ...opts }).minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () => tf.train.AdamOptimizer(0.01, opts).minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () => tf.train.AdamOptimizer(0.01, null, null, null, opts).minimize(tf.reduceSum(tf.Variable([1, 2]))),
    ],
    named: "named",
  },
  {
    fn: "tf.train.RMSPropOptimizer",
    forms: [
      () =>
        tf.train
          .RMSPropOptimizer({ learningRate: 0.01, decay: 0.8, ...opts })
          .minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () => tf.train.RMSPropOptimizer(0.01, 0.8, opts).minimize(tf.reduceSum(tf.Variable([1, 2]))),
      () =>
        tf.train.RMSPropOptimizer(0.01, { decay: 0.8, ...opts }).minimize(tf.reduceSum(tf.Variable([1, 2]))),
    ],
    named: "named",
  },
  {
    fn: "tf.train.Saver",
    forms: [
      () => (tf.Variable(1, { name: "v" }), tf.train.Saver(null, opts)),
      () => (tf.Variable(1, { name: "v" }), tf.train.Saver(opts)),
      () => (tf.Variable(1, { name: "v" }), tf.train.Saver(undefined, opts)),
    ],
    named: "named/SaveV2",
  },
  {
    fn: "tf.train.Saver (var list as an object)",
    forms: [
      () => tf.train.Saver({ w: tf.Variable(1, { name: "v" }) }, opts),
      () => tf.train.Saver({ w: tf.Variable(1, { name: "v" }) }, { ...opts, maxToKeep: 5 }),
    ],
    named: "named/SaveV2",
  },
];

describe.each(OP_CASES)("$fn", ({ forms, named }) => {
  test("every form builds the same graph, and the options take effect", () => {
    const [reference, ...others] = forms.map(graphText);
    // The op itself, or the scope of the ops that make it up, carries the name.
    expect(reference).toMatch(new RegExp(`"name":"${named}[/"]`));
    for (const other of others) expect(other).toBe(reference);
  });
});

/** Sessions, eval/run/load, save and FileWriter: the forms must give the same values and effects. */
describe("run-time methods take the options object in place of omitted optionals", () => {
  const build = () => {
    const a = tf.placeholder(tf.float32, [2], { name: "a" });
    const v = tf.Variable(0, { name: "v" });
    return { a, v, y: a.mul(2), init: tf.globalVariablesInitializer() };
  };

  test("Session.run, Tensor.eval, Operation.run and Variable.load", () => {
    const g = tf.Graph();
    g.asDefault(() => {
      const { a, v, y, init } = build();
      const feeds = new Map([[a, [1, 2]]]);
      const sess = tf.Session({ graph: g });
      expect(sess.run(init, { feedDict: null })).toBeNull();
      const results = [
        sess.run(y, feeds),
        sess.run(y, { feedDict: feeds }),
        sess.run(y, null, { feedDict: feeds }),
        sess.run(y, feeds, {}),
        y.eval(feeds, sess),
        y.eval({ feedDict: feeds, session: sess }),
        y.eval(feeds, { session: sess }),
        y.eval(null, { feedDict: feeds, session: sess }),
      ].map((r) => r.toArray(1));
      for (const r of results) expect(r).toEqual([2, 4]);
      init.run({ session: sess });
      init.run(undefined, sess);
      v.load(5, { session: sess });
      expect(sess.run(v).item()).toBe(5);
      v.load(6, sess);
      expect(sess.run(v).item()).toBe(6);
      // @ts-expect-error: the options object must come last, and the compiler says so too
      expect(() => sess.run(y, { feedDict: feeds }, {})).toThrow(
        /Session\.run\(\): misplaced options object/,
      );
      sess.close();
    });
  });

  test("Saver.save takes globalStep positionally or in the options; FileWriter takes the graph or the options", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "options-walk-"));
    try {
      const g = tf.Graph();
      g.asDefault(() => {
        const { init } = build();
        const saver = tf.train.Saver();
        const sess = tf.Session({ graph: g });
        sess.run(init);
        const prefix = path.join(dir, "model");
        expect(saver.save(sess, prefix, 3)).toBe(`${prefix}-3`);
        expect(saver.save(sess, prefix, { globalStep: 4 })).toBe(`${prefix}-4`);
        expect(saver.save(sess, prefix, null, { globalStep: 5 })).toBe(`${prefix}-5`);
        expect(saver.save(sess, prefix, 6, { writeMetaGraph: false })).toBe(`${prefix}-6`);
        expect(() => saver.save(sess, prefix, 7, { globalStep: 8 })).toThrow(
          "Saver.save() got multiple values for argument 'globalStep'",
        );
        sess.close();
        const one = tf.summary.FileWriter(path.join(dir, "a"), null, { filenameSuffix: ".x" });
        const two = tf.summary.FileWriter(path.join(dir, "b"), { filenameSuffix: ".x" });
        const three = tf.summary.FileWriter(path.join(dir, "c"), g, { filenameSuffix: ".x" });
        for (const w of [one, two, three]) {
          expect(w.eventFilePath?.endsWith(".x")).toBe(true);
          w.close();
        }
        const meta = tf.train.exportMetaGraph({ collectionList: [] });
        expect(tf.train.exportMetaGraph(null, { collectionList: [] })).toEqual(meta);
        expect(Object.keys(meta.collectionDef ?? {})).toEqual([]);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("wrong arguments fail as TF fails, naming the function, parameter and value", () => {
  test("an options object followed by more arguments is misplaced", () => {
    tf.Graph().asDefault(() => {
      const t = tf.constant([1, 2]);
      // @ts-expect-error: options first, then a positional
      expect(() => tf.reduceMean(t, { name: "m" }, true)).toThrow(
        new TypeError(
          `tf.reduceMean(): misplaced options object for parameter 'axis': received {"name":"m"}. An options object may only come last, in place of the first omitted optional argument.`,
        ),
      );
      // @ts-expect-error: options in maxval's place, then a number
      expect(() => tf.randomUniform([2], 0, { seed: 1 }, 2)).toThrow(
        /^tf\.randomUniform\(\): misplaced options object for parameter 'maxval'/,
      );
    });
  });

  test("a plain object where a tensor value belongs is reported as a misplaced options object", () => {
    tf.Graph().asDefault(() => {
      const t = tf.constant([1, 2]);
      let caught: unknown;
      try {
        tf.fill([2], { name: "v" } as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TypeError);
      expect((caught as Error).message).toMatch(
        /^Failed to convert object of type <class 'dict'> to Tensor\. Contents: \{"name":"v"\}\./,
      );
      expect((caught as Error).message).toContain(
        "argument 'value' received a plain object: a misplaced options object?",
      );
      expect(() => tf.constant({ name: "c" } as never)).toThrow(
        /^tf\.constant\(\): misplaced options object for parameter 'value'/,
      );
      expect(() => t.add({ y: 1 })).toThrow(TypeError);
    });
  });

  test("a value given twice, or too many positionals, is a TypeError as in Python", () => {
    tf.Graph().asDefault(() => {
      const t = tf.constant([[1, 2]]);
      expect(() => tf.reduceSum(t, 0, true, { keepDims: false })).toThrow(
        new TypeError("tf.reduceSum() got multiple values for argument 'keepDims'"),
      );
      expect(() => (tf.zeros as (...a: unknown[]) => unknown)([2], tf.float32, 3)).toThrow(
        /^tf\.zeros\(\) takes at most 1 optional positional argument \(dtype\) before its options object, but received 3 after them$/,
      );
      expect(() => tf.train.GradientDescentOptimizer({ name: "x" } as never)).toThrow(
        new TypeError("tf.train.GradientDescentOptimizer() missing 1 required argument: 'learningRate'"),
      );
    });
  });
});

/**
 * Every exported function is either exercised above (optional positionals, so two or more forms)
 * or listed here: it takes no optional positional before its options (or no options at all).
 */
const COVERED = new Set(
  OP_CASES.map((c) => c.fn.split(" ")[0]).concat([
    "tf.Session",
    "tf.summary.FileWriter",
    "tf.train.exportMetaGraph",
  ]),
);
const NO_OPTIONAL_POSITIONALS = new Set(
  (
    "tf.DType tf.Graph tf.InteractiveSession tf.NDArray tf.Operation tf.SessionImpl tf.Tensor tf.TensorShape tf.VariableScope " +
    "tf.abs tf.add tf.addN tf.assign tf.assignAdd tf.assignSub tf.backendReady tf.cast tf.ceil tf.concat tf.controlDependencies " +
    "tf.convertToTensor tf.cos tf.div tf.divNoNan tf.divide tf.equal tf.exp tf.expandDims tf.fill tf.floor tf.floordiv " +
    "tf.formatCheckpoint tf.getBackend tf.getDefaultGraph tf.getDefaultSession tf.getVariableScope tf.globalVariables " +
    "tf.globalVariablesInitializer tf.glorotUniformInitializer tf.greater tf.greaterEqual tf.group tf.identity " +
    "tf.initializeAllVariables tf.inspectCheckpoint tf.isNan tf.less tf.lessEqual tf.listCheckpoint tf.localVariables tf.log " +
    "tf.log1p tf.logicalAnd tf.logicalNot tf.logicalOr tf.matrixInverse tf.maximum tf.minimum tf.mod tf.multiply tf.nameScope " +
    "tf.neg tf.negative tf.noOp tf.notEqual tf.onesInitializer tf.placeholderWithDefault tf.pow tf.rank tf.readCheckpoint " +
    "tf.readEventFile tf.readLogdir tf.realdiv tf.reciprocal tf.registeredOpTypes tf.resetDefaultGraph tf.reshape tf.round " +
    "tf.select tf.setBackend tf.setRandomSeed tf.shape tf.sigmoid tf.sign tf.sin tf.size tf.slice tf.sqrt tf.square " +
    "tf.squaredDifference tf.stopGradient tf.subtract tf.tanh tf.tile tf.trainableVariables tf.truediv tf.tuple " +
    "tf.variableScope tf.variablesInitializer tf.where tf.withSession tf.zerosInitializer " +
    "tf.train.AdamOptimizerImpl tf.train.GradientDescentOptimizerImpl tf.train.MomentumOptimizerImpl tf.train.Optimizer " +
    "tf.train.RMSPropOptimizerImpl tf.train.SaverImpl tf.train.checkpointExists tf.train.createGlobalStep " +
    "tf.train.getCheckpointState tf.train.getGlobalStep tf.train.getOrCreateGlobalStep tf.train.importMetaGraph " +
    "tf.train.latestCheckpoint tf.train.updateCheckpointState " +
    "tf.summary.FileWriterImpl tf.summary.cleanTag tf.summary.decodeSummary tf.summary.histogram tf.summary.merge tf.summary.scalar " +
    "tf.hessians tf.setdiff1d tf.train.importScopedMetaGraph " +
    "tf.nn.relu tf.nn.sigmoid tf.nn.softplus tf.nn.tanh tf.losses.getLosses tf.losses.logLoss tf.losses.meanSquaredError"
  ).split(" "),
);

test("every exported function is classified: walked above, or without optional positionals", () => {
  const modules: [string, object][] = [
    ["tf", tf],
    ["tf.train", tf.train],
    ["tf.summary", tf.summary],
    ["tf.nn", tf.nn],
    ["tf.losses", tf.losses],
  ];
  const unclassified: string[] = [];
  for (const [prefix, mod] of modules) {
    for (const [key, value] of Object.entries(mod)) {
      const name = `${prefix}.${key}`;
      if (typeof value !== "function" || /Error$/.test(key)) continue;
      if (!COVERED.has(name) && !NO_OPTIONAL_POSITIONALS.has(name)) unclassified.push(name);
    }
  }
  expect(unclassified).toEqual([]);
});

test("a dtype that is not a tf.DType is a TypeError naming the function and parameter", () => {
  tf.Graph().asDefault(() => {
    expect(() => tf.zeros([2], "float32" as never)).toThrow(
      new TypeError(
        `tf.zeros(): parameter 'dtype' expects a tf.DType such as tf.float32 or tf.int32, but received "float32"`,
      ),
    );
    expect(() => tf.randomUniform([2], { dtype: "int32" as never })).toThrow(
      /^tf\.randomUniform\(\): parameter 'dtype' expects a tf\.DType/,
    );
    expect(() => tf.placeholder(tf.float32, { dtype: 3 } as never)).toThrow(/received 3$/);
  });
});

test("a plain object in a required value's place, or a missing dtype, names the function and parameter", () => {
  tf.Graph().asDefault(() => {
    const t = tf.constant([[1, 2]]);
    expect(() => tf.expandDims(t, { name: "e" } as never)).toThrow(
      /^tf\.expandDims\(\): misplaced options object for parameter 'axis': received \{"name":"e"\}/,
    );
    expect(() => tf.concat([t, t], { name: "c" } as never)).toThrow(
      /^tf\.concat\(\): misplaced options object for parameter 'axis'/,
    );
    expect(() => tf.cast(t, { name: "c" } as never)).toThrow(
      /^tf\.cast\(\): misplaced options object for parameter 'dtype'/,
    );
    expect(() => tf.cast(t, "int32" as never)).toThrow(
      /^tf\.cast\(\): parameter 'dtype' expects a tf\.DType/,
    );
    expect(() => tf.placeholder({ shape: [2] } as never)).toThrow(
      /^tf\.placeholder\(\): misplaced options object for parameter 'dtype'/,
    );
    expect(() => tf.placeholder(undefined as never)).toThrow(
      new TypeError("tf.placeholder() missing required argument: 'dtype'"),
    );
  });
});
