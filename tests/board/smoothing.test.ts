/** TensorBoard's smoothing against values computed independently with NumPy (tests/fixtures/board). */
import { smoothEma } from "../../board/shared/smoothing";
import fixture from "../fixtures/board/smoothing.json";

const decode = (v: number | string): number => (typeof v === "number" ? v : Number(v)); // "NaN", "Infinity", "-Infinity"

describe("smoothEma", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const actual = smoothEma(c.values.map(decode), decode(c.weight));
    const expected = c.expected.map(decode);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((v, i) => {
      if (Number.isFinite(expected[i])) expect(v).toBeCloseTo(expected[i], 12);
      else expect(v).toBe(expected[i]); // toBe treats NaN as equal to NaN
    });
  });

  test("TensorBoard's worked example: [1, 0.5, 0] at 0.6 gives 1, 0.6875, ...", () => {
    expect(smoothEma([1, 0.5, 0], 0.6).slice(0, 2)).toEqual([1, 0.6875]);
  });

  test("does not change its input", () => {
    const values = [3, 1, 2];
    smoothEma(values, 0.9);
    expect(values).toEqual([3, 1, 2]);
  });
});
