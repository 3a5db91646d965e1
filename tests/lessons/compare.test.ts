import { compareOutput } from "../../lessons/runner/compare";
import type { OutputFlags } from "../../lessons/runner/parse";

const exact: OutputFlags = { approx: false, rtol: 1e-5, atol: 1e-8, unordered: false };
const approx: OutputFlags = { ...exact, approx: true };

describe("exact comparison", () => {
  test("ignores trailing spaces and trailing blank lines, nothing else", () => {
    expect(compareOutput("a\nb", "a  \nb\n\n", exact).ok).toBe(true);
    expect(compareOutput("a\nb", " a\nb", exact).ok).toBe(false);
    expect(compareOutput("0.7145004", "0.71450037", exact).ok).toBe(false);
  });

  test("a failure comes with a diff: - expected, + printed", () => {
    const { ok, diff } = compareOutput("same\nold\nend", "same\nnew\nend", exact);
    expect(ok).toBe(false);
    expect(diff).toBe("  same\n- old\n+ new\n  end");
  });

  test("missing and extra lines show up in the diff", () => {
    expect(compareOutput("a\nb\nc", "a\nc\nd", exact).diff).toBe("  a\n- b\n  c\n+ d");
  });
});

describe("approx", () => {
  test("float32 print differences within rtol 1e-5 pass (the notebook's MSEs and a re-run)", () => {
    const book = "9.161542, 0.71450037, 0.56670487, 0.5555718, 0.54881126";
    const rerun = "9.161543, 0.7145006, 0.56670463, 0.5555716, 0.5488116";
    expect(compareOutput(book, rerun, approx).ok).toBe(true);
  });

  test("a drift beyond the tolerance fails and names the number", () => {
    const { ok, diff } = compareOutput("Epoch 100 MSE = 0.7145004", "Epoch 100 MSE = 0.7146004", approx);
    expect(ok).toBe(false);
    expect(diff).toContain("- Epoch 100 MSE = 0.7145004");
    expect(diff).toContain("+ Epoch 100 MSE = 0.7146004");
    expect(diff).toContain(
      "printed 0.7146004 where 0.7145004 was expected: off by 1.00e-4, relative 1.40e-4; allowed 7.16e-6 (atol 1e-8, rtol 0.00001)",
    );
  });

  test("tolerance is relative to the expected value, plus atol", () => {
    const loose: OutputFlags = { ...approx, rtol: 1e-2, atol: 0 };
    expect(compareOutput("100", "100.9", loose).ok).toBe(true);
    expect(compareOutput("100", "101.1", loose).ok).toBe(false);
    expect(compareOutput("[0.]", "[6.6e-17]", approx).ok).toBe(true);
    expect(compareOutput("[0.]", "[6.6e-17]", { ...approx, atol: 0 }).ok).toBe(false);
  });

  test("NumPy column padding and exponent forms may differ; the numbers' count may not", () => {
    expect(
      compareOutput("[[ 9. 10. 11.]\n [12. 13. 14.]]", "[[ 9.  10.  11. ]\n [12.  13.  14. ]]", approx).ok,
    ).toBe(true);
    expect(compareOutput("[[-3.7185181e+01]]", "[[-37.185181]]", approx).ok).toBe(true);
    expect(compareOutput("[1 2]", "[12]", approx).ok).toBe(false);
    expect(compareOutput("[1 2]", "[1 2 3]", approx).ok).toBe(false);
  });

  test("digits inside names are text, not numbers", () => {
    expect(compareOutput("add_1:0", "add_1:0", approx).ok).toBe(true);
    expect(compareOutput("add_1:0", "add_2:0", approx).ok).toBe(false);
    expect(compareOutput("param_1/a", "param_1/a", approx).ok).toBe(true);
  });
});

describe("wildcards", () => {
  test("… inside a line matches any text in that line only", () => {
    expect(compareOutput("tf_logs/run-…/", "tf_logs/run-20210325095200/", exact).ok).toBe(true);
    expect(
      compareOutput("events.out.tfevents.….kiwimac", "events.out.tfevents.1616665937.kiwimac", exact).ok,
    ).toBe(true);
    expect(compareOutput("run-…/", "run-1/\nextra/", exact).ok).toBe(false);
  });

  test("a line that is only … matches any number of lines, including none", () => {
    expect(compareOutput("start\n…\nend", "start\nend", exact).ok).toBe(true);
    expect(compareOutput("start\n…\nend", "start\n1\n2\n3\nend", exact).ok).toBe(true);
    expect(compareOutput("start\n…\nend", "start\n1\n2\n3\nstop", exact).ok).toBe(false);
  });

  test("wildcards work together with approx", () => {
    expect(compareOutput("took … s, loss 0.5321473", "took 12.5 s, loss 0.53214705", approx).ok).toBe(true);
  });
});

describe("unordered", () => {
  const unordered: OutputFlags = { ...exact, unordered: true };
  test("same lines in another order pass; a missing or extra line fails", () => {
    expect(compareOutput("a\nb\nc", "c\na\nb", unordered).ok).toBe(true);
    expect(compareOutput("a\nb\nc", "c\na", unordered).ok).toBe(false);
    expect(compareOutput("a\nb", "b\na\nz", unordered).ok).toBe(false);
    expect(compareOutput("a\n…", "b\na\nz", unordered).ok).toBe(true);
  });
});
