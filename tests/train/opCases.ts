// Random gradient-check cases for every differentiable op type, keyed by op type.
// Values stay where each function is smooth (away from kinks, ties and singularities), so a
// central difference is an accurate reference.
import fc from "fast-check";
import * as tf from "tensorlings";
// TF 1.12's tf.div_no_nan; not exported from the package's entry point (yet).
import { divNoNan } from "../../src/ops/math/binary";
import { CheckInput, GradCase, SHAPE_MODES, ShapeMode } from "./gradcheck";

type Values = (n: number) => fc.Arbitrary<number[]>;
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const real =
  (min = -2, max = 2): Values =>
  (n) =>
    fc.array(double(min, max), { minLength: n, maxLength: n });
/** |x| in [lo, hi] with either sign: keeps Relu, Abs, Sign and 1/x away from 0. */
const awayFromZero =
  (lo = 0.1, hi = 2): Values =>
  (n) =>
    fc.array(
      fc.tuple(fc.boolean(), double(lo, hi)).map(([neg, v]) => (neg ? -v : v)),
      { minLength: n, maxLength: n },
    );
/** Distinct values at least 0.1 apart: no ties for Max/Min reductions. */
const distinct: Values = (n) =>
  fc
    .uniqueArray(fc.integer({ min: -30, max: 30 }), { minLength: n, maxLength: n })
    .map((ks) => ks.map((k) => k * 0.1 + 0.013));
/** Two interleaved grids: any x differs from any y by at least 0.1 (no ties for Maximum/Minimum). */
const grid =
  (offset: number): Values =>
  (n) =>
    fc
      .array(fc.integer({ min: -10, max: 10 }), { minLength: n, maxLength: n })
      .map((ks) => ks.map((k) => k * 0.2 + offset));
/** Multiples of 1/64: exact in float32, so casts lose nothing under the finite difference. */
const dyadic: Values = (n) =>
  fc
    .array(fc.integer({ min: -128, max: 128 }), { minLength: n, maxLength: n })
    .map((ks) => ks.map((k) => k / 64));

const dim = fc.integer({ min: 1, max: 3 });
const shapeArb = (minRank = 0, maxRank = 3) => fc.array(dim, { minLength: minRank, maxLength: maxRank });
const modeArb = fc.constantFrom(...SHAPE_MODES);

const input = (shape: number[], values: Values, dtype?: tf.DType): fc.Arbitrary<CheckInput> =>
  values(size(shape)).map((v) => ({ shape, values: v, dtype }));

/** A shape that broadcasts to `out`: a suffix of it with some dims replaced by 1. */
const broadcastableTo = (out: number[]) =>
  fc
    .integer({ min: 0, max: out.length })
    .chain((rank) =>
      fc.tuple(...out.slice(out.length - rank).map((d) => fc.boolean().map((one) => (one ? 1 : d)))),
    )
    .map((dims) => [...dims]);

/** Two inputs with broadcast-compatible (often different) shapes. */
const broadcastPair = (vx: Values, vy: Values) =>
  shapeArb()
    .chain((out) => fc.tuple(broadcastableTo(out), broadcastableTo(out)))
    .chain(([sx, sy]) => fc.tuple(input(sx, vx), input(sy, vy)));
/** Two inputs of one shape (the path without BroadcastGradientArgs). */
const samePair = (vx: Values, vy: Values) => shapeArb().chain((s) => fc.tuple(input(s, vx), input(s, vy)));

function binary(
  build: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor,
  vx: Values,
  vy: Values = vx,
): fc.Arbitrary<GradCase>[] {
  const toCase = ([a, b]: [CheckInput, CheckInput], shapeMode: ShapeMode): GradCase => ({
    inputs: [a, b],
    shapeMode,
    build: ([x, y]) => build(x, y),
  });
  return [
    fc.tuple(broadcastPair(vx, vy), modeArb).map(([p, m]) => toCase(p, m)),
    samePair(vx, vy).map((p) => toCase(p, "static")),
  ];
}

function unary(build: (x: tf.Tensor) => tf.Tensor, values: Values = real()): fc.Arbitrary<GradCase>[] {
  return [
    fc
      .tuple(
        shapeArb().chain((s) => input(s, values)),
        modeArb,
      )
      .map(([x, shapeMode]) => ({ inputs: [x], shapeMode, build: ([t]: tf.Tensor[]) => build(t) })),
  ];
}

/** Axes to reduce over: all (null), or a subset of the dims, some written negatively. */
const axesFor = (rank: number): fc.Arbitrary<number[] | number | null> =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: -rank, max: rank - 1 }),
    fc
      .subarray(Array.from({ length: rank }, (_, i) => i))
      .chain((axes) => fc.tuple(...axes.map((a) => fc.boolean().map((neg) => (neg ? a - rank : a)))))
      .map((axes) => [...axes]),
  );

function reduction(
  reduce: (x: tf.Tensor, axis: number[] | number | null, o: { keepDims: boolean }) => tf.Tensor,
  values: Values = real(),
): fc.Arbitrary<GradCase>[] {
  return [
    fc
      .tuple(shapeArb(1, 3), modeArb, fc.boolean())
      .chain(([shape, shapeMode, keepDims]) =>
        fc.tuple(input(shape, values), axesFor(shape.length), fc.constant(shapeMode), fc.constant(keepDims)),
      )
      .map(([x, axis, shapeMode, keepDims]) => ({
        inputs: [x],
        shapeMode,
        build: ([t]: tf.Tensor[]) => reduce(t, axis, { keepDims }),
      })),
  ];
}

const matmulCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(dim, dim, dim, fc.boolean(), fc.boolean(), modeArb)
    .chain(([m, k, n, ta, tb, mode]) =>
      fc.tuple(
        input(ta ? [k, m] : [m, k], real()),
        input(tb ? [n, k] : [k, n], real()),
        fc.constant({ ta, tb, mode }),
      ),
    )
    .map(([a, b, { ta, tb, mode }]) => ({
      inputs: [a, b],
      shapeMode: mode,
      build: ([x, y]: tf.Tensor[]) => tf.matmul(x, y, { transposeA: ta, transposeB: tb }),
    })),
];

/** Diagonally dominant, hence well-conditioned, square matrices. */
const inverseCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), modeArb)
    .chain(([n, adjoint, mode]) =>
      fc.tuple(
        real(-1, 1)(n * n).map((v) => v.map((x, i) => (i % (n + 1) === 0 ? x + n + 1 : x))),
        fc.constant({ n, adjoint, mode }),
      ),
    )
    .map(([values, { n, adjoint, mode }]) => ({
      inputs: [{ shape: [n, n], values }],
      shapeMode: mode,
      build: ([a]: tf.Tensor[]) => tf.matrixInverse(a, { adjoint }),
    })),
];

const transposeCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(0, 4), modeArb, fc.boolean())
    .chain(([shape, mode, explicit]) =>
      fc.tuple(
        input(shape, real()),
        explicit
          ? fc.shuffledSubarray(
              Array.from({ length: shape.length }, (_, i) => i),
              { minLength: shape.length },
            )
          : fc.constant(undefined),
        fc.constant(mode),
      ),
    )
    .map(([x, perm, mode]) => ({
      inputs: [x],
      shapeMode: mode,
      build: ([t]: tf.Tensor[]) => tf.transpose(t, perm),
    })),
];

const reshapeCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(), modeArb)
    .chain(([shape, mode]) => {
      const n = size(shape);
      const targets: number[][] = [
        [-1],
        [n],
        [...shape].reverse(),
        [1, n, 1],
        shape.map((d, i) => (i === 0 ? -1 : d)),
      ];
      return fc.tuple(input(shape, real()), fc.constantFrom(...targets), fc.constant(mode));
    })
    .map(([x, target, mode]) => ({
      inputs: [x],
      shapeMode: mode,
      build: ([t]: tf.Tensor[]) => tf.reshape(t, target),
    })),
];

const concatCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), fc.integer({ min: 2, max: 3 }), modeArb)
    .chain(([shape, parts, mode]) =>
      fc.integer({ min: -shape.length, max: shape.length - 1 }).chain((axis) => {
        const ax = axis < 0 ? axis + shape.length : axis;
        const partShapes = fc
          .array(dim, { minLength: parts, maxLength: parts })
          .map((ds) => ds.map((d) => shape.map((s, i) => (i === ax ? d : s))));
        return fc.tuple(
          partShapes.chain((ss) => fc.tuple(...ss.map((s) => input(s, real())))),
          fc.constant({ axis, mode }),
        );
      }),
    )
    .map(([inputs, { axis, mode }]) => ({
      inputs: [...inputs],
      shapeMode: mode,
      build: (xs: tf.Tensor[]) => tf.concat(xs, axis),
    })),
];

const selectCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), modeArb, fc.boolean())
    .chain(([shape, mode, rowwise]) =>
      fc.tuple(
        input(shape, real()),
        input(shape, real()),
        fc.array(fc.boolean(), {
          minLength: rowwise ? shape[0] : size(shape),
          maxLength: rowwise ? shape[0] : size(shape),
        }),
        fc.constant({ shape, mode, rowwise }),
      ),
    )
    .map(([x, y, cond, { shape, mode, rowwise }]) => ({
      inputs: [x, y],
      shapeMode: mode,
      build: ([a, b]: tf.Tensor[]) =>
        tf.select(
          tf.constant(
            new tf.NDArray(tf.bool, rowwise ? [shape[0]] : shape, Uint8Array.from(cond.map(Number))),
          ),
          a,
          b,
        ),
    })),
];

const castCases: fc.Arbitrary<GradCase>[] = [
  // float64 -> float32 -> scaled in float32: dyadic values and steps keep every rounding exact.
  fc
    .tuple(
      shapeArb().chain((s) => input(s, dyadic)),
      modeArb,
    )
    .map(([x, shapeMode]) => ({
      inputs: [x],
      shapeMode,
      step: 1 / 256,
      build: ([t]: tf.Tensor[]) => tf.cast(t, tf.float32).mul(4),
    })),
  fc
    .tuple(
      shapeArb().chain((s) => input(s, dyadic, tf.float32)),
      modeArb,
    )
    .map(([x, shapeMode]) => ({
      inputs: [x],
      shapeMode,
      step: 1 / 256,
      build: ([t]: tf.Tensor[]) => tf.cast(t, tf.float64).mul(3),
    })),
];

const addNCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(), fc.integer({ min: 2, max: 4 }), modeArb)
    .chain(([shape, n, mode]) =>
      fc.tuple(fc.tuple(...Array.from({ length: n }, () => input(shape, real()))), fc.constant(mode)),
    )
    .map(([inputs, mode]) => ({
      inputs: [...inputs],
      shapeMode: mode,
      build: (xs: tf.Tensor[]) => tf.addN(xs),
    })),
];

const fillCases: fc.Arbitrary<GradCase>[] = [
  fc.tuple(shapeArb(), double(-2, 2)).map(([dims, v]) => ({
    inputs: [{ shape: [], values: [v] }],
    build: ([value]: tf.Tensor[]) => tf.fill(dims, value),
  })),
];

const tileCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), modeArb)
    .chain(([shape, mode]) =>
      fc.tuple(
        input(shape, real()),
        fc.array(dim, { minLength: shape.length, maxLength: shape.length }),
        fc.constant(mode),
      ),
    )
    .map(([x, multiples, mode]) => ({
      inputs: [x],
      shapeMode: mode,
      build: ([t]: tf.Tensor[]) => tf.tile(t, multiples),
    })),
];

/** x = y * (k + frac) with frac in [0.2, 0.8]: x mod y is smooth in both arguments there. */
const floorModCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(), modeArb, fc.boolean())
    .chain(([shape, mode, scalarY]) => {
      const n = size(shape);
      const ny = scalarY ? 1 : n;
      return fc.tuple(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), double(0.2, 0.8)), { minLength: n, maxLength: n }),
        fc.array(double(0.5, 2), { minLength: ny, maxLength: ny }),
        fc.constant({ shape, mode, scalarY }),
      );
    })
    .map(([quotients, ys, { shape, mode, scalarY }]) => ({
      inputs: [
        { shape, values: quotients.map(([k, f], i) => (k + f) * ys[scalarY ? 0 : i]) },
        { shape: scalarY ? [] : shape, values: ys },
      ],
      shapeMode: mode,
      build: ([x, y]: tf.Tensor[]) => tf.mod(x, y),
    })),
];

const placeholderWithDefaultCases: fc.Arbitrary<GradCase>[] = [
  shapeArb()
    .chain((s) => input(s, real()))
    .map((x) => ({ inputs: [x], build: ([t]: tf.Tensor[]) => tf.placeholderWithDefault(t.mul(2), t.shape) })),
];

const packCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(0, 2), fc.integer({ min: 1, max: 3 }), modeArb)
    .chain(([shape, n, mode]) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, () => input(shape, real()))),
        fc.integer({ min: -(shape.length + 1), max: shape.length }),
        fc.constant(mode),
      ),
    )
    .map(([inputs, axis, mode]) => ({
      inputs: [...inputs],
      shapeMode: mode,
      build: (xs: tf.Tensor[]) => tf.stack(xs, axis),
    })),
];

/** Every output of the Unpack weighted differently, or just one of them (the others get zeros). */
const unpackCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), fc.boolean())
    .chain(([shape, one]) =>
      fc.tuple(
        input(shape, real()),
        fc.integer({ min: -shape.length, max: shape.length - 1 }),
        fc.constant(one),
      ),
    )
    .map(([x, axis, one]) => ({
      inputs: [x],
      build: ([t]: tf.Tensor[]) => {
        const parts = tf.unstack(t, { axis });
        return one ? parts[parts.length - 1] : tf.addN(parts.map((p, i) => p.mul(i + 1)));
      },
    })),
];

const padCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), modeArb)
    .chain(([shape, mode]) =>
      fc.tuple(
        input(shape, real()),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
          minLength: shape.length,
          maxLength: shape.length,
        }),
        fc.constant(mode),
      ),
    )
    .map(([x, paddings, mode]) => ({
      inputs: [x],
      shapeMode: mode,
      build: ([t]: tf.Tensor[]) => tf.pad(t, paddings),
    })),
];

const sliceCases: fc.Arbitrary<GradCase>[] = [
  fc
    .tuple(shapeArb(1, 3), modeArb)
    .chain(([shape, mode]) =>
      fc.tuple(
        input(shape, real()),
        fc.tuple(
          ...shape.map((d) =>
            fc.integer({ min: 0, max: d - 1 }).chain((b) =>
              fc.tuple(fc.constant(b), fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: d - b }))),
            ),
          ),
        ),
        fc.constant(mode),
      ),
    )
    .map(([x, ranges, mode]) => ({
      inputs: [x],
      shapeMode: mode,
      build: ([t]: tf.Tensor[]) =>
        tf.slice(
          t,
          ranges.map(([b]) => b),
          ranges.map(([, n]) => n),
        ),
    })),
];

function scanCases(scan: typeof tf.cumsum, values: Values): fc.Arbitrary<GradCase>[] {
  return [
    fc
      .tuple(shapeArb(1, 3), modeArb, fc.boolean(), fc.boolean())
      .chain(([shape, mode, exclusive, reverse]) =>
        fc.tuple(
          input(shape, values),
          fc.integer({ min: -shape.length, max: shape.length - 1 }),
          fc.constant({ mode, exclusive, reverse }),
        ),
      )
      .map(([x, axis, { mode, exclusive, reverse }]) => ({
        inputs: [x],
        shapeMode: mode,
        build: ([t]: tf.Tensor[]) => scan(t, axis, { exclusive, reverse }),
      })),
  ];
}

/**
 * A `*Grad` op's own gradient: the first derivative of `f` with a fed upstream gradient `u`,
 * differentiated again with respect to both x and u.
 */
function secondOrder(f: (x: tf.Tensor) => tf.Tensor, values: Values): fc.Arbitrary<GradCase>[] {
  return [
    fc
      .tuple(
        shapeArb().chain((s) => fc.tuple(input(s, values), input(s, real()))),
        modeArb,
      )
      .map(([[x, u], shapeMode]) => ({
        inputs: [x, u],
        shapeMode,
        build: ([t, upstream]: tf.Tensor[]) => tf.gradients(f(t), [t], [upstream])[0] as tf.Tensor,
      })),
  ];
}

/** Every differentiable op type and the random cases that exercise its gradient. */
export const GRADIENT_CASES: Record<string, fc.Arbitrary<GradCase>[]> = {
  Add: binary((x, y) => tf.add(x, y), real()),
  Sub: binary((x, y) => tf.subtract(x, y), real()),
  Mul: binary((x, y) => tf.multiply(x, y), real()),
  RealDiv: binary((x, y) => tf.realdiv(x, y), real(), awayFromZero(0.5, 2)),
  DivNoNan: binary((x, y) => divNoNan(x, y), real(), awayFromZero(0.5, 2)),
  Maximum: binary((x, y) => tf.maximum(x, y), grid(0.03), grid(0.13)),
  Minimum: binary((x, y) => tf.minimum(x, y), grid(0.03), grid(0.13)),
  Pow: binary((x, y) => tf.pow(x, y), real(0.5, 2), real(-2, 2)),
  SquaredDifference: binary((x, y) => tf.squaredDifference(x, y), real()),
  FloorMod: floorModCases,
  Neg: unary((x) => tf.neg(x)),
  Square: unary((x) => tf.square(x)),
  Sqrt: unary((x) => tf.sqrt(x), real(0.5, 3)),
  Exp: unary((x) => tf.exp(x)),
  Log: unary((x) => tf.log(x), real(0.3, 3)),
  Log1p: unary((x) => tf.log1p(x), real(-0.5, 3)),
  Sin: unary((x) => tf.sin(x), real(-4, 4)),
  Cos: unary((x) => tf.cos(x), real(-4, 4)),
  Tanh: unary((x) => tf.tanh(x), real(-3, 3)),
  Sigmoid: unary((x) => tf.sigmoid(x), real(-5, 5)),
  Softplus: unary((x) => tf.nn.softplus(x), real(-5, 5)),
  Relu: unary((x) => tf.nn.relu(x), awayFromZero()),
  Abs: unary((x) => tf.abs(x), awayFromZero()),
  Sign: unary((x) => tf.sign(x).add(x), awayFromZero()),
  Reciprocal: unary((x) => tf.reciprocal(x), awayFromZero(0.5, 2)),
  MatMul: matmulCases,
  MatrixInverse: inverseCases,
  Sum: reduction((x, a, o) => tf.reduceSum(x, a, o)),
  Mean: reduction((x, a, o) => tf.reduceMean(x, a, o)),
  Max: reduction((x, a, o) => tf.reduceMax(x, a, o), distinct),
  Min: reduction((x, a, o) => tf.reduceMin(x, a, o), distinct),
  Transpose: transposeCases,
  Reshape: reshapeCases,
  ConcatV2: concatCases,
  Select: selectCases,
  Cast: castCases,
  AddN: addNCases,
  Identity: unary((x) => tf.identity(x)),
  Fill: fillCases,
  Tile: tileCases,
  PlaceholderWithDefault: placeholderWithDefaultCases,
  Pack: packCases,
  Unpack: unpackCases,
  Pad: padCases,
  Slice: sliceCases,
  Prod: reduction((x, a, o) => tf.reduceProd(x, a, o), awayFromZero(0.5, 1.5)),
  Cumsum: scanCases(tf.cumsum, real()),
  Cumprod: scanCases(tf.cumprod, awayFromZero(0.5, 1.5)),
  SqrtGrad: secondOrder((x) => tf.sqrt(x), real(0.5, 3)),
  TanhGrad: secondOrder((x) => tf.tanh(x), real(-3, 3)),
  SigmoidGrad: secondOrder((x) => tf.sigmoid(x), real(-5, 5)),
  ReciprocalGrad: secondOrder((x) => tf.reciprocal(x), awayFromZero(0.5, 2)),
  ReluGrad: secondOrder((x) => tf.nn.relu(x), awayFromZero()),
  SoftplusGrad: secondOrder((x) => tf.nn.softplus(x), real(-5, 5)),
};
