import * as fs from "fs";
import * as path from "path";
import { allocStorage, dtypeFromName } from "../../src/base/dtypes";
import {
  formatFloat32,
  formatFloat64,
  formatNDArray,
  formatScalar,
  reprNDArray,
} from "../../src/base/ndarray/format";
import { NDArray } from "../../src/base/ndarray/ndarray";

/** Expected strings produced once by NumPy (see `_about` in the fixture). */
interface PrintCase {
  name: string;
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
  /** Present for summarised arrays: where `data` goes; every other element is hidden by `...`. */
  shownIndices?: number[];
  str: string;
  repr: string;
}
interface Fixture {
  arrays: PrintCase[];
  float32Scalars: [number | string, string][];
  float64Scalars: [number | string, string][];
}

const fixture: Fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/runtime/numpy-print.json"), "utf8"),
);

function decodeNumber(v: number | string | boolean): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  throw new Error(`bad fixture number ${v}`);
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** Hidden elements get values that would change the output if the printer looked at them. */
const HIDDEN_FILLER: Record<string, number | Uint8Array> = {
  float32: 1e30,
  float64: 1e300,
  int32: -2000000000,
  int64: -1e15,
  bool: 0,
  string: new TextEncoder().encode("hidden-filler-bytes"),
};

function buildArray(c: PrintCase): NDArray {
  const dtype = dtypeFromName(c.dtype);
  const size = c.shape.reduce((a, b) => a * b, 1);
  const data = allocStorage(dtype, size);
  const positions = c.shownIndices ?? c.data.map((_, i) => i);
  if (c.shownIndices) {
    for (let i = 0; i < size; i++) (data as unknown[])[i] = HIDDEN_FILLER[c.dtype];
  }
  positions.forEach((pos, k) => {
    const v = c.data[k];
    if (c.dtype === "string") (data as Uint8Array[])[pos] = hexBytes(v as string);
    else (data as Float64Array)[pos] = decodeNumber(v);
  });
  return new NDArray(dtype, c.shape, data);
}

describe("formatNDArray / reprNDArray match NumPy", () => {
  test.each(fixture.arrays.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = buildArray(c);
    expect(formatNDArray(a)).toBe(c.str);
    expect(reprNDArray(a)).toBe(c.repr);
  });

  test("NDArray.toString and repr use the same printer", () => {
    const a = new NDArray(dtypeFromName("float32"), [2, 3], Float32Array.from([9, 10, 11, 12, 13, 14]));
    expect(a.toString()).toBe("[[ 9. 10. 11.]\n [12. 13. 14.]]");
    expect(a.repr()).toBe("array([[ 9., 10., 11.],\n       [12., 13., 14.]], dtype=float32)");
  });
});

describe("single float values match NumPy scalars", () => {
  test("float32 (shortest digits that round-trip through float32)", () => {
    const mismatches = fixture.float32Scalars
      .map(([v, expected]) => [decodeNumber(v), expected, formatFloat32(decodeNumber(v))] as const)
      .filter(([, expected, actual]) => expected !== actual);
    expect(mismatches).toEqual([]);
    expect(fixture.float32Scalars.length).toBeGreaterThan(2000);
  });

  test("float64", () => {
    const mismatches = fixture.float64Scalars
      .map(([v, expected]) => [decodeNumber(v), expected, formatFloat64(decodeNumber(v))] as const)
      .filter(([, expected, actual]) => expected !== actual);
    expect(mismatches).toEqual([]);
    expect(fixture.float64Scalars.length).toBeGreaterThan(2000);
  });

  test("values printed in the book", () => {
    expect(formatFloat32(9.161542)).toBe("9.161542");
    expect(formatFloat32(0.71450037)).toBe("0.71450037");
    expect(formatFloat32(-0.21253741)).toBe("-0.21253741");
    expect(formatFloat64(0.11111111111111005)).toBe("0.11111111111111005");
    expect(formatFloat64(-0.21253923284754914)).toBe("-0.21253923284754914");
  });
});

describe("formatScalar", () => {
  test.each([
    [9.161542, "float32", "9.161542"],
    [0.5321473, "float32", "0.5321473"],
    [0.1, "float64", "0.1"],
    [1e-5, "float64", "1e-05"],
    [42, "int32", "42"],
    [-7, "int64", "-7"],
    [true, "bool", "True"],
    [false, "bool", "False"],
    ["Do", "string", "b'Do'"],
    ["café?", "string", "b'caf\\xc3\\xa9?'"],
  ] as const)("%p as %s prints %s", (value, dtype, expected) => {
    expect(formatScalar(value, dtypeFromName(dtype))).toBe(expected);
  });

  test("rejects a value that does not fit the dtype", () => {
    expect(() => formatScalar("x", dtypeFromName("int32"))).toThrow(/expected a number for int32/);
    expect(() => formatScalar(3, dtypeFromName("string"))).toThrow(/expected bytes or a string/);
  });
});
