// Every differentiable op's gradient against central differences, on random shapes and values
// (float64, with static, unknown-batch and unknown-rank placeholders). The registry is enumerated,
// so a new op type fails here until its gradient is checked or it is declared non-differentiable.
import fc from "fast-check";
import * as tf from "tensorlings";
import { getOpDef } from "../../src/ops/registry";
import type { GradFn } from "../../src/ops/registry";
import { checkGradients } from "./gradcheck";
import { GRADIENT_CASES } from "./opCases";

/** Op types whose `gradient` is `null`, by reason. */
const NOT_DIFFERENTIABLE: Record<string, string[]> = {
  "sources, state and updates": [
    "Const",
    "Placeholder",
    "VariableV2",
    "Assign",
    "AssignAdd",
    "AssignSub",
    "NoOp",
    "ApplyGradientDescent",
    "ApplyMomentum",
    "ApplyAdam",
    "ApplyRMSProp",
  ],
  "integer or boolean results": [
    "Shape",
    "Rank",
    "Size",
    "Range",
    "ArgMax",
    "ArgMin",
    "InvertPermutation",
    "DynamicStitch",
    "BroadcastGradientArgs",
    "ListDiff",
    "Equal",
    "NotEqual",
    "Greater",
    "GreaterEqual",
    "Less",
    "LessEqual",
    "LogicalAnd",
    "LogicalOr",
    "LogicalNot",
    "IsNan",
    "All",
    "Any",
  ],
  "piecewise constant": ["Floor", "Ceil", "Round", "FloorDiv"],
  random: ["RandomUniform", "RandomStandardNormal", "TruncatedNormal", "RandomUniformInt"],
  "summaries and checkpoint I/O": ["ScalarSummary", "HistogramSummary", "MergeSummary", "SaveV2", "RestoreV2"],
  "blocked on purpose": ["StopGradient", "ZerosLike", "OnesLike"],
};

const RUNS = Number(process.env.GRADCHECK_RUNS ?? 50);

describe("every registered op type is accounted for", () => {
  const types = tf.registeredOpTypes();
  const declared = new Set(Object.values(NOT_DIFFERENTIABLE).flat());

  test("differentiable op types all have a gradient check", () => {
    const differentiable = types.filter((t) => typeof getOpDef(t).gradient === "function");
    expect(differentiable.filter((t) => !(t in GRADIENT_CASES))).toEqual([]);
  });

  test("the other op types are declared non-differentiable (gradient: null), none left undefined", () => {
    const rest = types.filter((t) => typeof getOpDef(t).gradient !== "function");
    expect(rest.filter((t) => getOpDef(t).gradient === undefined)).toEqual([]);
    expect(rest.filter((t) => !declared.has(t))).toEqual([]);
  });

  test("checked op types are registered and differentiable", () => {
    const missing = Object.keys(GRADIENT_CASES).filter(
      (t) => !types.includes(t) || typeof getOpDef(t).gradient !== "function",
    );
    expect(missing).toEqual([]);
  });
});

describe("finite-difference gradient checks", () => {
  test.each(Object.keys(GRADIENT_CASES))("%s", (type) => {
    for (const cases of GRADIENT_CASES[type]) {
      fc.assert(
        fc.property(cases, (c) => {
          const report = checkGradients(c);
          // Guard against a case that never builds the op it is meant to check.
          if (!report.forwardOpTypes.includes(type)) throw new Error(`the case built no ${type} op`);
        }),
        { numRuns: RUNS, includeErrorInReport: true },
      );
    }
  });
});

describe("the checks catch broken gradient formulas", () => {
  /** Swap an op's gradient function for the duration of `fn`. */
  function withGradient(type: string, broken: GradFn, fn: () => void) {
    const def = getOpDef(type);
    const saved = def.gradient;
    def.gradient = broken;
    try {
      fn();
    } finally {
      def.gradient = saved;
    }
  }
  const fails = (type: string) => () =>
    fc.assert(
      fc.property(GRADIENT_CASES[type][0], (c) => void checkGradients(c)),
      { numRuns: 30, includeErrorInReport: true },
    );

  test("Mul with its two partial derivatives swapped", () => {
    withGradient(
      "Mul",
      (op, [g]) => [tf.multiply(g, op.inputs[0]), tf.multiply(g, op.inputs[1])],
      () => {
        expect(fails("Mul")).toThrow(/analytic .* vs numeric|has shape/);
      },
    );
  });

  test("Add without the reduction over broadcast dims", () => {
    withGradient(
      "Add",
      (_op, [g]) => [g, g],
      () => {
        expect(fails("Add")).toThrow(/has shape|analytic/);
      },
    );
  });

  test("Sigmoid with y*(1-y) replaced by y", () => {
    withGradient(
      "Sigmoid",
      (op, [g]) => [tf.multiply(g, op.outputs[0])],
      () => {
        expect(fails("Sigmoid")).toThrow(/analytic .* vs numeric/);
      },
    );
  });

  test("Max routing the gradient to every element", () => {
    withGradient(
      "Max",
      (op, [g]) => [tf.multiply(tf.onesLike(op.inputs[0]), tf.reduceSum(g)), null],
      () => {
        expect(fails("Max")).toThrow(/analytic .* vs numeric|has shape/);
      },
    );
  });
});
