import * as tf from "tensorlings";
import { describeTypeSlip } from "../../grader/typeSlips";

const scalar = () => tf.NDArray.from(155);
const matrix = () => tf.NDArray.from([[1, 2], [3, 4]]);
/** How a sandboxed run hands an NDArray back. */
const serialized = (a: tf.NDArray) => ({ dtype: a.dtype.name, shape: [...a.shape], values: Array.from(a.toFloat64()) });

describe("describeTypeSlip", () => {
  test("an NDArray where a number is expected: call .item()", () => {
    expect(describeTypeSlip("value", scalar(), "number")).toBe(
      "value is an NDArray (dtype float32, shape []), not a number: call .item() on it to get the number.",
    );
    expect(describeTypeSlip("value", serialized(scalar()), "number")).toBe(
      "value is an NDArray (dtype float32, shape []), not a number: call .item() on it to get the number.",
    );
    expect(describeTypeSlip("value", matrix(), "number")).toMatch(/^value is an NDArray \(dtype float32, shape \[2, 2\]\), not a number: a single number/);
  });

  test("an NDArray where an array is expected: call .toArray()", () => {
    for (const kind of ["number[]", "array"] as const) {
      expect(describeTypeSlip("theta", matrix(), kind)).toBe(
        "theta is an NDArray (dtype float32, shape [2, 2]), not a plain array: call .toArray() on it to get nested JavaScript arrays.",
      );
      expect(describeTypeSlip("theta", serialized(matrix()), kind)).toContain("call .toArray()");
    }
    expect(describeTypeSlip("theta", scalar(), "array")).toContain("this one is a scalar");
  });

  test("an array of NDArrays: call .item() on each", () => {
    const losses = [scalar(), scalar()];
    expect(describeTypeSlip("losses", losses, "number[]")).toContain("is an array of NDArrays, not an array of numbers: call .item() on each element");
    expect(describeTypeSlip("losses", losses.map(serialized), "array")).toContain("call .item() on each element");
    expect(describeTypeSlip("loss", losses, "number")).toBe("loss is an array of NDArrays, not a number: fetch a single value and call .item() on it.");
  });

  test("a number where an array is expected, and a numeric string where a number is", () => {
    expect(describeTypeSlip("history", 3, "number[]")).toBe("history is a single number, but an array is asked for here: return every value, not just one.");
    expect(describeTypeSlip("value", "155.0", "number")).toContain('is the string "155.0", not a number');
  });

  test("values of the right kind, or wrong in some other way, are left to the check (null)", () => {
    expect(describeTypeSlip("value", 155, "number")).toBeNull();
    expect(describeTypeSlip("theta", [[1], [2]], "array")).toBeNull();
    expect(describeTypeSlip("theta", [1, 2], "number[]")).toBeNull();
    expect(describeTypeSlip("value", undefined, "number")).toBeNull();
    expect(describeTypeSlip("value", { shape: "oops" }, "number")).toBeNull();
    expect(describeTypeSlip("value", "abc", "number")).toBeNull();
  });

  test("the expected value is never part of the message", () => {
    const message = describeTypeSlip("value", tf.NDArray.from(42), "number") ?? "";
    expect(message).not.toMatch(/\b42\b/);
  });
});
