/** The suites' shared helpers print numbers the way the engine prints arrays, one format per message. */
import * as tf from "tensorlings";
import { show } from "../../grader/suites/support/checks";

describe("show", () => {
  it("prints values as the engine prints a float32 array", () => {
    expect(show([71.5, 3.25, -29])).toBe(String(tf.NDArray.from([71.5, 3.25, -29], tf.float32)));
    expect(show([71.5, 3.25, -29])).not.toMatch(/71\.5000|3\.25000/);
  });
  it("says when it shows only the first values, and when there were no numbers", () => {
    expect(show(Array.from({ length: 10 }, (_, i) => i))).toMatch(/\(first 8 of 10\)$/);
    expect(show(null)).toBe("(not numbers)");
  });
});
