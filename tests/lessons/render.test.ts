/**
 * Lesson rendering (finding 7): the title once, and prose wrapped on visible width so punctuation
 * after inline code never lands on a line of its own, in colour or not; list items wrap too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { LESSONS } from "../../lessons/index";
import { parseLesson } from "../../lessons/runner/parse";
import { presentLesson } from "../../lessons/runner/present";
import { Renderer } from "../../lessons/runner/render";

const kitRoot = path.resolve(__dirname, "..", "..");

test.each([0, 1] as const)("punctuation after inline code stays on its line (colour level %i)", (colorLevel) => {
  const prose =
    "That is `f.repr()`: a description. Python opens a session with `with tf.Session() as sess`. " +
    "Then `x`, `y` and `z` follow, (see `tf.Graph()`).\n\n" +
    "* A list item with `tf.Variable(3, { name: \"x\" })`, long enough that it has to wrap somewhere in the middle.\n";
  for (let width = 30; width <= 90; width++) {
    const lines = stripVTControlCharacters(new Renderer({ colorLevel, width }).prose(prose)).split("\n");
    for (const line of lines) {
      expect(line).not.toMatch(/^\s*[.,:;)]/);
      expect(line.length).toBeLessThanOrEqual(width);
    }
  }
});

test("every lesson's prose, in colour at 80 columns, has no line starting with punctuation", () => {
  const r = new Renderer({ colorLevel: 1, width: 80 });
  for (const lesson of LESSONS) {
    const { segments } = parseLesson(fs.readFileSync(path.join(kitRoot, lesson.file), "utf8"));
    for (const s of segments) {
      if (s.kind !== "prose") continue;
      // A line may start with a method (`.div`) or with code that is a colon (lesson 8's `:` and T).
      const bad = stripVTControlCharacters(r.prose(s.markdown))
        .split("\n")
        .filter((l) => /^\s*[.,;:)]+(\s|$)/.test(l) && !/^\s*: and T/.test(l));
      expect({ lesson: lesson.number, bad }).toEqual({ lesson: lesson.number, bad: [] });
    }
  }
});

test("the title is printed once", async () => {
  let text = "";
  const lesson = LESSONS[0];
  await presentLesson({
    kitRoot,
    lesson,
    write: (t) => (text += t),
    renderer: new Renderer({ colorLevel: 0, width: 80 }),
  });
  expect(text.split(lesson.title)).toHaveLength(2);
  expect(text.startsWith(`Lesson 0 · ${lesson.title}\n\n`)).toBe(true);
});
