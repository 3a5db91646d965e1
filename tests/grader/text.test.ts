import fc from "fast-check";
import {
  cap,
  cleanLearnerText,
  escapeMarkdown,
  LEARNER_TEXT_MAX,
  redactSuiteSource,
  safeString,
  stripAbsolutePaths,
  stripControls,
} from "../../grader/engine/text";

describe("learner text", () => {
  it("loses every terminal control sequence but keeps newlines and tabs", () => {
    const hostile = [
      "a\u001b[2J\u001b[H", // clear screen, cursor home
      "b\u001b]0;owned\u0007", // OSC window title ended by BEL
      "c\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", // OSC 8 hyperlink
      "d\u001bPq#0\u001b\\", // DCS
      "e\u009b31m", // 8-bit CSI
      "f\u001b[31mred\u001b[0m", // colour
      "g\r\nh\rI\u0008\u007f\u0000\u0085", // CR overwrite, backspace, DEL, NUL, C1 NEL
      "i\u202eevil\u202c\u2066x\u2069", // bidi override and isolate
      "j\tk\n",
    ].join("");
    const out = stripControls(hostile);
    expect(out).toBe("abclinkdefredg\nhIievilxj\tk\n");
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("caps text at a few hundred characters with an ellipsis, never splitting a character", () => {
    expect(cleanLearnerText("x".repeat(10_000))).toBe("x".repeat(LEARNER_TEXT_MAX - 1) + "…");
    expect(cleanLearnerText("short")).toBe("short");
    expect(cap("🙂".repeat(10), 4)).toBe("🙂🙂🙂…");
    expect(cap("🙂".repeat(4), 4)).toBe("🙂".repeat(4));
  });

  it("shows no absolute path of the grading machine", () => {
    const run = "/tmp/tensorlings-grade-AbC123/ex1-0-xyz";
    const text = [
      `Error: boom\n    at add (${run}/submission/ex01.ts:3:9)`,
      "    at Object.<anonymous> (/srv/kit/node_modules/jest-circus/build/run.js:1:2)",
      "read '/home/alice/secret/answers.json' failed",
      "see file:///root/x/y.js and C:\\Users\\bob\\ex01.ts",
      "ratio a/b/c and https://example.org/a/b stay",
    ].join("\n");
    const out = stripAbsolutePaths(text, [run]);
    expect(out).toContain("at add (submission/ex01.ts:3:9)");
    expect(out).toContain("(<path>/run.js:1:2)");
    expect(out).toContain("read '<path>/answers.json' failed");
    expect(out).toContain("see <path>/y.js and <path>\\ex01.ts");
    expect(out).toContain("ratio a/b/c and https://example.org/a/b stay");
    expect(out).not.toMatch(/\/tmp|\/srv|\/home|\/root|Users/);
  });

  it("turns any thrown value into text without throwing", () => {
    const evil = {
      [Symbol.toPrimitive]() {
        throw new Error("no");
      },
      get message(): string {
        throw new Error("no");
      },
    };
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(safeString(evil)).toBe("[object Object]");
    expect(safeString(proxy)).toBe("[unprintable value]");
    expect(safeString(new TypeError("bad shape"))).toBe("TypeError: bad shape");
    expect(safeString(Symbol("s"))).toBe("Symbol(s)");
    expect(safeString(undefined)).toBe("undefined");
    expect(safeString(42n)).toBe("42");
    expect(cleanLearnerText(proxy)).toBe("[unprintable value]");
  });
});

describe("cleaning any text", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 600 }),
    fc
      .array(
        fc.constantFrom(
          "\u001b",
          "[",
          "]",
          "2J",
          "P",
          "\\",
          "\u0007",
          "\u009b",
          "/tmp",
          "/x",
          "a",
          "\n",
          "\r",
        ),
      )
      .map((parts) => parts.join("")),
  );

  it("leaves no control character, stays within the cap, and is stable when repeated", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 500 }), (text, max) => {
        const once = cleanLearnerText(text, { max });
        // eslint-disable-next-line no-control-regex
        expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(Array.from(once).length).toBeLessThanOrEqual(max);
        expect(once).not.toMatch(/(^|[\s'"(])\/tmp\/x/);
        expect(cleanLearnerText(once, { max })).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Markdown", () => {
  it("escapes ids so they cannot mention, link, format or break a table", () => {
    const out = escapeMarkdown("@octocat|*b*_i_[x](http://y)`c`<img>#1&amp;");
    expect(out).toBe("@\u2060octocat\\|\\*b\\*\\_i\\_\\[x\\]\\(http://y\\)\\`c\\`\\<img\\>#\u20601\\&amp;");
    expect(out).not.toMatch(/@[A-Za-z]/);
    expect(escapeMarkdown("two\nlines")).toBe("two lines");
  });
});

describe("suite source", () => {
  const suite = [
    'import { add } from "../submission/ex01";',
    'const SECRET_MARKER = "zebra-canary-7781";',
    'test("[ex01.t1] adds", () => expect(add(2, 3)).toBe(5));',
  ].join("\n");

  it("removes every run of 20 or more characters copied from a private suite", () => {
    const leaked = `Error: expected 5\n${suite.split("\n")[1]}\nat line 3`;
    const out = redactSuiteSource(leaked, [suite]);
    expect(out).toBe("Error: expected 5\n[suite text removed]\nat line 3");
    expect(out).not.toContain("zebra-canary");
    const inside = redactSuiteSource('got "zebra-canary-7781"; that is all', [suite]);
    expect(inside).not.toContain("zebra-canary-7781");
  });

  it("is part of cleaning learner text when the suites are given", () => {
    const out = cleanLearnerText(`\u001b[2J${suite.split("\n")[1]}`, { suiteSources: [suite] });
    expect(out).toBe("[suite text removed]");
  });

  it("leaves text sharing only short pieces with a suite alone", () => {
    const text = "expected add(2, 3) to be 5"; // shares no 20-character run with the suite
    expect(redactSuiteSource(text, [suite])).toBe(text);
    expect(redactSuiteSource("anything at all here", [])).toBe("anything at all here");
  });
});
