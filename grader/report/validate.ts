/**
 * Format checks for what the batch writes: Gradescope `results.json` (Gradescope's autograder
 * specification) and JUnit XML (the Jenkins/Ant-style schema CI dashboards read). The parent
 * runs them before writing, and the tests run them on real output. Each returns a list of
 * problems; empty means valid.
 */

const VISIBILITY = ["hidden", "after_due_date", "after_published", "visible"];
const OUTPUT_FORMATS = ["text", "html", "simple_format", "md", "ansi"];
const GS_TOP = [
  "score",
  "execution_time",
  "output",
  "output_format",
  "test_output_format",
  "test_name_format",
  "visibility",
  "stdout_visibility",
  "extra_data",
  "tests",
  "leaderboard",
];
const GS_TEST = [
  "score",
  "max_score",
  "status",
  "name",
  "name_format",
  "number",
  "output",
  "output_format",
  "tags",
  "visibility",
  "extra_data",
];

export function validateGradescope(value: unknown): string[] {
  const p: string[] = [];
  if (!isObj(value)) return ["results.json must be a JSON object"];
  for (const k of Object.keys(value)) if (!GS_TOP.includes(k)) p.push(`unknown top-level key "${k}"`);
  const tests = value.tests;
  if (value.score === undefined && !Array.isArray(tests)) p.push("either score or tests is required");
  if (value.score !== undefined && !isNum(value.score)) p.push("score must be a number");
  if (value.execution_time !== undefined && !(isNum(value.execution_time) && value.execution_time >= 0))
    p.push("execution_time must be a non-negative number of seconds");
  for (const k of [
    "output",
    "output_format",
    "test_output_format",
    "test_name_format",
    "visibility",
    "stdout_visibility",
  ])
    if (value[k] !== undefined && typeof value[k] !== "string") p.push(`${k} must be a string`);
  for (const k of ["output_format", "test_output_format", "test_name_format"])
    if (typeof value[k] === "string" && !OUTPUT_FORMATS.includes(value[k] as string))
      p.push(`${k} must be one of ${OUTPUT_FORMATS.join(", ")}`);
  for (const k of ["visibility", "stdout_visibility"])
    if (typeof value[k] === "string" && !VISIBILITY.includes(value[k] as string))
      p.push(`${k} must be one of ${VISIBILITY.join(", ")}`);
  if (value.extra_data !== undefined && !isObj(value.extra_data)) p.push("extra_data must be an object");
  if (tests !== undefined) {
    if (!Array.isArray(tests)) p.push("tests must be an array");
    else {
      let sum = 0;
      tests.forEach((t, i) => {
        const at = `tests[${i}]`;
        if (!isObj(t)) return p.push(`${at} must be an object`);
        for (const k of Object.keys(t)) if (!GS_TEST.includes(k)) p.push(`${at}: unknown key "${k}"`);
        if (value.score === undefined && t.score === undefined)
          p.push(`${at}: score is required when there is no top-level score`);
        if (t.score !== undefined && !isNum(t.score)) p.push(`${at}: score must be a number`);
        if (t.max_score !== undefined && !(isNum(t.max_score) && t.max_score >= 0))
          p.push(`${at}: max_score must be a non-negative number`);
        if (isNum(t.score) && isNum(t.max_score) && t.score > t.max_score)
          p.push(`${at}: score exceeds max_score`);
        if (t.status !== undefined && t.status !== "passed" && t.status !== "failed")
          p.push(`${at}: status must be "passed" or "failed"`);
        for (const k of ["name", "name_format", "number", "output", "output_format", "visibility"])
          if (t[k] !== undefined && typeof t[k] !== "string") p.push(`${at}: ${k} must be a string`);
        if (typeof t.visibility === "string" && !VISIBILITY.includes(t.visibility))
          p.push(`${at}: visibility must be one of ${VISIBILITY.join(", ")}`);
        if (typeof t.output_format === "string" && !OUTPUT_FORMATS.includes(t.output_format))
          p.push(`${at}: output_format must be one of ${OUTPUT_FORMATS.join(", ")}`);
        if (t.tags !== undefined && !(Array.isArray(t.tags) && t.tags.every((x) => typeof x === "string")))
          p.push(`${at}: tags must be an array of strings`);
        if (t.extra_data !== undefined && !isObj(t.extra_data)) p.push(`${at}: extra_data must be an object`);
        if (isNum(t.score)) sum += t.score;
      });
      if (
        isNum(value.score) &&
        tests.every((t) => isObj(t) && isNum(t.score)) &&
        Math.abs(sum - value.score) > 1e-6
      )
        p.push(`score ${value.score} differs from the sum of test scores ${sum}`);
    }
  }
  if (
    value.leaderboard !== undefined &&
    !(
      Array.isArray(value.leaderboard) &&
      value.leaderboard.every((e) => isObj(e) && typeof e.name === "string" && e.value !== undefined)
    )
  )
    p.push("leaderboard must be an array of {name, value}");
  return p;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A small, strict XML parser: elements, attributes, text, entities, comments, one declaration. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`);
  };
  const ws = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i, i + 200));
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const decode = (s: string) => {
    if (/[<]/.test(s)) fail("raw '<' in text or attribute");
    return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (whole, ent: string | undefined) => {
      if (!ent) return fail("bare '&' (must be escaped)");
      if (ent.startsWith("#x")) return String.fromCodePoint(parseInt(ent.slice(2), 16));
      if (ent.startsWith("#")) return String.fromCodePoint(parseInt(ent.slice(1), 10));
      const known: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      return known[ent] ?? fail(`unknown entity &${ent};`);
    });
  };
  const skipMisc = () => {
    for (;;) {
      ws();
      if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== "<") fail("expected '<'");
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: "" };
    for (;;) {
      ws();
      if (xml.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      const a = name();
      ws();
      if (xml[i] !== "=") fail(`expected '=' after attribute ${a}`);
      i++;
      ws();
      const q = xml[i];
      if (q !== '"' && q !== "'") fail("attribute values must be quoted");
      const end = xml.indexOf(q, i + 1);
      if (end < 0) fail("unterminated attribute value");
      if (a in el.attrs) fail(`duplicate attribute ${a}`);
      el.attrs[a] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf("<", i);
      if (next < 0) fail(`element <${el.name}> is not closed`);
      el.text += decode(xml.slice(i, next));
      i = next;
      if (xml.startsWith("<!--", i)) {
        skipMisc();
        continue;
      }
      if (xml.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        ws();
        if (xml[i] !== ">") fail("expected '>'");
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml))
    throw new Error("control characters are not allowed in XML 1.0");
  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end < 0) throw new Error("unterminated XML declaration");
    i = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) fail("content after the root element");
  return root;
}

/** Checks a JUnit report: structure, required attributes, and counts that add up. */
export function validateJUnit(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  const p: string[] = [];
  const num = (el: XmlElement, a: string, at: string, required = true) => {
    const v = el.attrs[a];
    if (v === undefined) {
      if (required) p.push(`${at}: missing ${a}`);
      return 0;
    }
    if (!/^\d+(\.\d+)?$/.test(v)) p.push(`${at}: ${a}="${v}" is not a number`);
    return Number(v);
  };
  if (root.name !== "testsuites") return [`the root element must be <testsuites>, not <${root.name}>`];
  let total = 0;
  let totalF = 0;
  let totalE = 0;
  root.children.forEach((s, si) => {
    const at = `testsuite[${si}]`;
    if (s.name !== "testsuite") return p.push(`<testsuites> may only contain <testsuite>, found <${s.name}>`);
    if (!s.attrs.name) p.push(`${at}: missing name`);
    const tests = num(s, "tests", at);
    const failures = num(s, "failures", at);
    const errors = num(s, "errors", at);
    num(s, "time", at, false);
    let cases = 0;
    let f = 0;
    let e = 0;
    s.children.forEach((c, ci) => {
      const cat = `${at} child ${ci}`;
      if (c.name === "properties") return checkProperties(c, cat, p);
      if (c.name === "system-out" || c.name === "system-err") return;
      if (c.name !== "testcase") return p.push(`${cat}: unexpected <${c.name}> in <testsuite>`);
      cases++;
      if (!c.attrs.name) p.push(`${cat}: testcase without name`);
      if (!c.attrs.classname) p.push(`${cat}: testcase without classname`);
      num(c, "time", cat, false);
      const outcomes = c.children.filter((x) => ["failure", "error", "skipped"].includes(x.name));
      if (outcomes.length > 1) p.push(`${cat}: more than one of failure/error/skipped`);
      for (const x of c.children) {
        if (x.name === "properties") checkProperties(x, cat, p);
        else if (!["failure", "error", "skipped", "system-out", "system-err"].includes(x.name))
          p.push(`${cat}: unexpected <${x.name}> in <testcase>`);
      }
      if (outcomes[0]?.name === "failure") f++;
      if (outcomes[0]?.name === "error") e++;
    });
    if (cases !== tests) p.push(`${at}: tests="${tests}" but it has ${cases} testcase(s)`);
    if (f !== failures) p.push(`${at}: failures="${failures}" but ${f} testcase(s) failed`);
    if (e !== errors) p.push(`${at}: errors="${errors}" but ${e} testcase(s) errored`);
    total += cases;
    totalF += f;
    totalE += e;
  });
  if (root.attrs.tests !== undefined && Number(root.attrs.tests) !== total)
    p.push(`testsuites: tests="${root.attrs.tests}" but there are ${total}`);
  if (root.attrs.failures !== undefined && Number(root.attrs.failures) !== totalF)
    p.push(`testsuites: failures="${root.attrs.failures}" but there are ${totalF}`);
  if (root.attrs.errors !== undefined && Number(root.attrs.errors) !== totalE)
    p.push(`testsuites: errors="${root.attrs.errors}" but there are ${totalE}`);
  return p;
}

function checkProperties(el: XmlElement, at: string, p: string[]): void {
  for (const c of el.children) {
    if (c.name !== "property") p.push(`${at}: <properties> may only contain <property>`);
    else if (c.attrs.name === undefined || c.attrs.value === undefined)
      p.push(`${at}: <property> needs name and value`);
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isNum(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
