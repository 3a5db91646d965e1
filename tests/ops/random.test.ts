import * as fs from "fs";
import * as path from "path";
import {
  DEFAULT_GRAPH_SEED,
  MAXINT32,
  Philox,
  RandomKernelState,
  boxMullerDouble,
  boxMullerFloat,
  fillStandardNormal,
  fillTruncatedNormal,
  fillUniform,
  fillUniformInt,
  getSeed,
  uint32ToFloat,
  uint64ToDouble,
} from "../../src/ops/random";
import { float32 } from "../../src/base/dtypes";
import { formatFloat32, formatNDArray } from "../../src/base/ndarray/format";
import { NDArray } from "../../src/base/ndarray/ndarray";

interface DistributionRun {
  seed: number;
  seed2: number;
  run: number;
  n: number;
  values: Record<string, number[]>;
}
interface Fixture {
  distributions: DistributionRun[];
  philoxBlocks: { key: number[]; counter: number[]; words: number[][] }[];
  skips: { counter: number[]; skip: number; result: number[] }[];
}

/** Vectors produced once with the Python oracles in shared/oracles (see `_about` in the fixture). */
const fixture: Fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/ops/random.json"), "utf8"),
);

const hex = (words: number[]): string[] => words.map((w) => "0x" + (w >>> 0).toString(16).padStart(8, "0"));

/** Values of the first `count` runs of a scalar float32 uniform op, printed as NumPy prints them. */
function printedUniformRuns(seed: number, seed2: number, count: number): string[] {
  const state = new RandomKernelState(seed, seed2);
  return Array.from({ length: count }, () => formatFloat32(state.uniform(1, "float32")[0]));
}

describe("Philox4x32-10", () => {
  test("seeding splits (seed, seed2) into key and counter words", () => {
    const g = new Philox(42, 42);
    expect(g.key).toEqual([0x2a, 0]);
    expect(g.counter).toEqual([0, 0, 0x2a, 0]);
    const big = new Philox(2 ** 33 + 5, 2n ** 40n + 3n);
    expect(big.key).toEqual([5, 2]);
    expect(big.counter).toEqual([0, 0, 3, 256]);
    // int64 attrs are reinterpreted as uint64
    expect(new Philox(-1, 0).key).toEqual([0xffffffff, 0xffffffff]);
  });

  test("PhiloxRandom's first words for seeds (42, 42)", () => {
    const g = new Philox(42, 42);
    expect(hex(g.next())).toEqual(["0xfc354969", "0x6b2260e2", "0x423d6642", "0xf5aeaa46"]);
    expect(hex(g.next())).toEqual(["0x19fa33fc", "0xfaf88f05", "0xac4eb2e1", "0x8aade0c1"]);
    expect(hex(g.next())).toEqual(["0x2ecbfb2a", "0x7b1b95dd", "0xb309e9f0", "0x7a4a23a8"]);
    expect(g.counter).toEqual([3, 0, 0x2a, 0]);
  });

  test.each(fixture.philoxBlocks.map((b, i) => [i, b] as const))("oracle block sequence %i", (_i, b) => {
    const g = Philox.fromState(b.key, b.counter);
    const out = new Uint32Array(4);
    for (const expected of b.words) {
      g.nextInto(out);
      expect(Array.from(out)).toEqual(expected);
    }
  });

  test.each(fixture.skips.map((s, i) => [i, s] as const))("skip is a 128-bit add (%i)", (_i, s) => {
    const g = Philox.fromState([1, 2], s.counter);
    g.skip(Number.isSafeInteger(s.skip) ? s.skip : BigInt(s.skip));
    expect(g.counter).toEqual(s.result);
    const viaBigInt = Philox.fromState([1, 2], s.counter).skip(BigInt(s.skip));
    expect(viaBigInt.counter).toEqual(s.result);
  });

  test("clone is independent of the original", () => {
    const a = new Philox(7, 9);
    a.next();
    const b = a.clone();
    expect(b.next()).toEqual(a.next());
    b.next();
    expect(a.counter).toEqual([2, 0, 9, 0]);
    expect(b.counter).toEqual([3, 0, 9, 0]);
  });

  test("rejects bad skips and seeds", () => {
    expect(() => new Philox(42, 42).skip(-1)).toThrow(/non-negative/);
    expect(() => new Philox(42, 42).skip(1.5)).toThrow(/non-negative/);
    expect(() => new Philox(0.5, 1)).toThrow(/seed must be an integer/);
  });
});

describe("distributions", () => {
  test("uint32ToFloat uses the low 23 bits (Uint32ToFloat, random_distributions.h)", () => {
    expect([0xfc354969, 0x6b2260e2, 0x423d6642, 0xf5aeaa46].map(uint32ToFloat)).toEqual([
      0.41630280017852783, 0.2685816287994385, 0.47968316078186035, 0.36457133293151855,
    ]);
    expect([0x19fa33fc, 0xfaf88f05, 0xac4eb2e1, 0x8aade0c1, 0x2ecbfb2a].map(uint32ToFloat)).toEqual([
      0.9547114372253418, 0.9418646097183228, 0.6148339509963989, 0.3584214448928833, 0.5936024188995361,
    ]);
    expect(uint32ToFloat(0x007fffff)).toBe(1 - 2 ** -23);
    expect(uint32ToFloat(0xff800000)).toBe(0);
  });

  test("uint64ToDouble uses 20 + 32 bits", () => {
    expect(uint64ToDouble(0xfff00000, 0)).toBe(0);
    expect(uint64ToDouble(0x000fffff, 0xffffffff)).toBe(1 - 2 ** -52);
    expect(uint64ToDouble(0x80000, 0)).toBe(0.5);
    expect(uint64ToDouble(0, 1)).toBe(2 ** -52);
  });

  test("Box–Muller clamps u1 at 1e-7 and returns float32 values", () => {
    const [a, b] = boxMullerFloat(0, 0); // u1 = 0 -> 1e-7, v1 = 0: sin 0, cos 1
    expect(a).toBe(0);
    expect(b).toBe(Math.fround(Math.sqrt(Math.fround(-2 * Math.fround(Math.log(Math.fround(1e-7)))))));
    const [c, d] = boxMullerFloat(0x12345678, 0x9abcdef0);
    expect(Math.fround(c)).toBe(c);
    expect(Math.fround(d)).toBe(d);
    const [e, f] = boxMullerDouble(0, 0, 0, 0);
    expect(e).toBe(0);
    expect(f).toBe(Math.sqrt(-2 * Math.log(1e-7)));
  });
});

describe("vectors printed by TF 1.x", () => {
  test("random_uniform([9,1], -1, 1, seed=42) under set_random_seed(42)", () => {
    const u = new RandomKernelState(42, 42).uniform(9, "float32");
    const column = Float32Array.from(u, (x) => Math.fround(Math.fround(x * 2) - 1));
    expect(Array.from(column)).toEqual([
      -0.16739439964294434, -0.46283674240112305, -0.0406336784362793, -0.2708573341369629,
      0.9094228744506836, 0.8837292194366455, 0.22966790199279785, -0.2831571102142334, 0.18720483779907227,
    ]);
    expect(Array.from(column, formatFloat32)).toEqual([
      "-0.1673944",
      "-0.46283674",
      "-0.04063368",
      "-0.27085733",
      "0.9094229",
      "0.8837292",
      "0.2296679",
      "-0.2831571",
      "0.18720484",
    ]);
  });

  test("a second run of that op starts 9 * 256 calls later", () => {
    const state = new RandomKernelState(42, 42);
    state.uniform(9, "float32");
    expect(state.peek().counter).toEqual([2304, 0, 42, 0]);
    const second = state.uniform(9, "float32");
    const expected = fillUniform(new Philox(42, 42).skip(2304), 9, "float32");
    expect(Array.from(second)).toEqual(Array.from(expected));
  });

  test.each([
    ["set_random_seed(42); random_uniform([])", 42, 3, ["0.63789964", "0.8774011"]],
    ["random_uniform([], seed=42), no graph seed", 87654321, 42, ["0.95227146", "0.8960779"]],
    ["set_random_seed(42); random_uniform([], seed=42)", 42, 42, ["0.4163028", "0.033224702"]],
    ["rnd3 after two seeded ops", 42, 17, ["0.96100175", "0.17637014"]],
  ] as const)("%s: seeds (%i, %i)", (_what, seed, seed2, printed) => {
    expect(printedUniformRuns(seed, seed2, 2)).toEqual(printed);
  });

  // The tutorial printed the 3x3 tensors, so the digits are NumPy's array formatting (8 decimals).
  test("TF2 tf.random.uniform((3,3), seed=42)", () => {
    const u = new RandomKernelState(DEFAULT_GRAPH_SEED, 42).uniform(9, "float32");
    expect(formatNDArray(new NDArray(float32, [3, 3], u))).toBe(
      "[[0.95227146 0.67740774 0.79531825]\n [0.75578177 0.4759556  0.6310148 ]\n [0.18602037 0.11430776 0.3362218 ]]",
    );
  });

  test("TF2 tf.random.normal((3,3), seed=42)", () => {
    const z = new RandomKernelState(DEFAULT_GRAPH_SEED, 42).standardNormal(9, "float32");
    expect(formatNDArray(new NDArray(float32, [3, 3], z))).toBe(
      "[[-0.28077507 -0.1377521  -0.6763296 ]\n [ 0.02458041 -0.89358455 -0.82847327]\n [ 1.2068944   1.3810157  -1.4557977 ]]",
    );
  });
});

describe("oracle vectors per distribution, seed pair and run", () => {
  const float32Fill = {
    uniformFloat32: (g: Philox, n: number) => fillUniform(g, n, "float32"),
    normalFloat32: (g: Philox, n: number) => fillStandardNormal(g, n, "float32"),
    truncatedNormalFloat32: (g: Philox, n: number) => fillTruncatedNormal(g, n, "float32"),
  };
  const exactFill: Record<string, (g: Philox, n: number) => ArrayLike<number>> = {
    uniformFloat64: (g, n) => fillUniform(g, n, "float64"),
    "uniformInt32[-5,1000)": (g, n) => fillUniformInt(g, n, -5, 1000, "int32"),
    "uniformInt32[-2147483648,2147483647)": (g, n) => fillUniformInt(g, n, -2147483648, 2147483647, "int32"),
    "uniformInt64[-1000000000000,3000000000000)": (g, n) => fillUniformInt(g, n, -1e12, 3e12, "int64"),
  };
  // Double-precision Box–Muller goes through JS Math.log/sin/cos, which may differ from the C
  // library in the last bit; everything else must be bit-exact.
  const closeFill: Record<string, (g: Philox, n: number) => ArrayLike<number>> = {
    normalFloat64: (g, n) => fillStandardNormal(g, n, "float64"),
    truncatedNormalFloat64: (g, n) => fillTruncatedNormal(g, n, "float64"),
  };
  const runGenerator = (d: DistributionRun): Philox => new Philox(d.seed, d.seed2).skip(d.run * d.n * 256);
  const label = (d: DistributionRun): string => `seeds (${d.seed}, ${d.seed2}) run ${d.run}, ${d.n} values`;

  for (const d of fixture.distributions) {
    describe(label(d), () => {
      test.each(Object.keys(float32Fill))("%s", (name) => {
        const actual = float32Fill[name as keyof typeof float32Fill](runGenerator(d), d.n);
        expect(Array.from(actual)).toEqual(d.values[name].map(Math.fround));
      });
      test.each(Object.keys(exactFill))("%s", (name) => {
        expect(Array.from(exactFill[name](runGenerator(d), d.n))).toEqual(d.values[name]);
      });
      test.each(Object.keys(closeFill))("%s", (name) => {
        const actual = closeFill[name](runGenerator(d), d.n);
        const expected = d.values[name];
        expect(actual.length).toBe(expected.length);
        const worst = expected.reduce((m, e, i) => Math.max(m, Math.abs(actual[i] - e)), 0);
        expect(worst).toBeLessThan(1e-14);
      });
    });
  }

  test("kernel state: run k starts k * N * 256 calls in, whatever the distribution", () => {
    const d = fixture.distributions.find((x) => x.run === 3)!;
    const state = new RandomKernelState(d.seed, d.seed2);
    state.uniform(d.n, "float32");
    state.standardNormal(d.n, "float64");
    state.uniformInt(d.n, 0, 10);
    expect(Array.from(state.truncatedNormal(d.n, "float32"))).toEqual(
      d.values.truncatedNormalFloat32.map(Math.fround),
    );
  });

  test("kernel state: consecutive runs of one op", () => {
    const runs = fixture.distributions.filter((x) => x.seed === 42 && x.seed2 === 42);
    const state = new RandomKernelState(42, 42);
    for (const d of runs.sort((a, b) => a.run - b.run)) {
      expect(Array.from(state.standardNormal(d.n, "float32"))).toEqual(
        d.values.normalFloat32.map(Math.fround),
      );
    }
  });
});

describe("fills", () => {
  test("partial last groups keep the leading values of the full group", () => {
    const g = new Philox(5, 6);
    for (const fill of [fillUniform, fillStandardNormal, fillTruncatedNormal]) {
      for (const dtype of ["float32", "float64"] as const) {
        const full = fill(g, 12, dtype);
        for (const n of [0, 1, 2, 3, 5, 7, 11])
          expect(Array.from(fill(g, n, dtype))).toEqual(Array.from(full.subarray(0, n)));
      }
    }
    expect(g.counter).toEqual([0, 0, 6, 0]); // the base generator is not consumed
  });

  test("dtypes of the results", () => {
    const g = new Philox(1, 2);
    expect(fillUniform(g, 3, "float32")).toBeInstanceOf(Float32Array);
    expect(fillUniform(g, 3, "float64")).toBeInstanceOf(Float64Array);
    expect(fillUniformInt(g, 3, 0, 5)).toBeInstanceOf(Int32Array);
    expect(fillUniformInt(g, 3, 0, 5, "int64")).toBeInstanceOf(Float64Array);
  });

  test("truncated normal stays strictly inside (-2, 2)", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const t = fillTruncatedNormal(new Philox(3, 4), 5000, dtype);
      expect(Math.max(...Array.from(t, Math.abs))).toBeLessThan(2);
    }
  });

  test("bad arguments give clear errors", () => {
    const g = new Philox(1, 2);
    expect(() => fillUniformInt(g, 4, 5, 5)).toThrow("Need minval < maxval, got 5 >= 5");
    expect(() => fillUniform(g, -1, "float32")).toThrow(/non-negative integer/);
    expect(() => fillUniform(g, 2, "int32" as never)).toThrow(/unsupported dtype int32/);
    const state = new RandomKernelState(1, 2);
    expect(() => state.uniformInt(3, 10, 2)).toThrow("Need minval < maxval, got 10 >= 2");
    expect(state.peek().counter).toEqual([0, 0, 2, 0]);
  });

  test("fills the California-housing-sized tensor", () => {
    const state = new RandomKernelState(42, 42);
    const u = state.uniform(20640 * 9, "float32");
    const z = state.standardNormal(20640 * 9, "float32");
    expect(u.length).toBe(185760);
    expect(z.length).toBe(185760);
  });
});

describe("RandomKernelState seeding", () => {
  test("seeds (0, 0) draw fresh random seeds per state", () => {
    const a = new RandomKernelState(0, 0);
    const b = new RandomKernelState(0, 0);
    expect([a.seed, a.seed2]).not.toEqual([b.seed, b.seed2]);
    expect(Array.from(a.uniform(4))).not.toEqual(Array.from(b.uniform(4)));
  });

  test("identical seeds give identical sessions", () => {
    expect(Array.from(new RandomKernelState(42, 3).uniform(8))).toEqual(
      Array.from(new RandomKernelState(42, 3).uniform(8)),
    );
  });
});

describe("getSeed (TF 1.x random_seed.get_seed)", () => {
  test.each([
    ["graph seed only: op seed is the op count", 42, null, 3, [42, 3]],
    ["op seed only: default graph seed", null, 42, 10, [DEFAULT_GRAPH_SEED, 42]],
    ["both", 42, 42, 99, [42, 42]],
    ["third random op after two seeded ones", 42, null, 17, [42, 17]],
    ["neither", null, null, 5, [null, null]],
    ["(0, 0) is made deterministic", 0, 0, 5, [0, MAXINT32]],
    ["(0, lastId 0) too", 0, null, 0, [0, MAXINT32]],
    ["seeds are reduced mod 2**31 - 1", 2 ** 31 - 1 + 5, 2 ** 40, 0, [5, 2 ** 40 % (2 ** 31 - 1)]],
    ["negative seeds wrap like Python %", -1, -2147483648, 0, [2147483646, 2147483646]],
    ["op seed equal to 2**31 - 1 becomes 0", null, MAXINT32, 0, [DEFAULT_GRAPH_SEED, 0]],
  ] as const)("%s", (_what, graphSeed, opSeed, lastId, expected) => {
    expect(getSeed(graphSeed, opSeed, lastId)).toEqual(expected);
  });

  test("rejects non-integer seeds", () => {
    expect(() => getSeed(1.5, null, 0)).toThrow(/graph seed must be an integer/);
    expect(() => getSeed(null, 0.25, 0)).toThrow(/op seed must be an integer/);
  });
});
