import { preciseLog } from "tensorlings/datasets";
import { f64, firstMismatch, loadFixture } from "./fixtures";

const fixture = loadFixture<{ x: string; log: string }>("preciseLog.json");

test("matches the correctly rounded log (50-digit Decimal) on 850 inputs, subnormals included", () => {
  const xs = f64(fixture.x);
  const expected = f64(fixture.log);
  expect(firstMismatch(Array.from(xs, preciseLog), expected)).toBe(-1);
  // The vectors must be able to tell a merely good log from a correctly rounded one.
  expect(firstMismatch(Array.from(xs, Math.log), expected)).toBeGreaterThanOrEqual(0);
});

test("special values behave like Math.log", () => {
  expect(preciseLog(1)).toBe(0);
  expect(preciseLog(0)).toBe(-Infinity);
  expect(preciseLog(Infinity)).toBe(Infinity);
  expect(preciseLog(-1)).toBeNaN();
  expect(preciseLog(NaN)).toBeNaN();
});
