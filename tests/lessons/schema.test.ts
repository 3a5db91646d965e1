/** The lesson list against its schema: numbering, slugs and file names are checked, not trusted. */
import { LESSONS } from "../../lessons/index";
import { checkedLessons, LessonListSchema } from "../../lessons/schema";

const problems = (lessons: unknown) => {
  const result = LessonListSchema.safeParse(lessons);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

test("the course's lessons pass the schema", () => {
  expect(checkedLessons()).toBe(LESSONS);
  expect(problems(LESSONS)).toEqual([]);
});

test.each([
  [
    "a gap in the numbering",
    [LESSONS[0], LESSONS[2]],
    ["1.number: must be 1: lessons are numbered 0, 1, 2… in order"],
  ],
  [
    "a slug used twice",
    [LESSONS[0], { ...LESSONS[1], slug: "installation", file: "lessons/01-installation.md" }],
    ['1.slug: "installation" is used twice'],
  ],
  [
    "a file not named after number and slug",
    [{ ...LESSONS[0], file: "lessons/installation.md" }],
    ["0.file: must be lessons/00-installation.md"],
  ],
  ["an unknown key", [{ ...LESSONS[0], exercises: [1] }], ['0: Unrecognized key: "exercises"']],
  [
    "a slug with spaces",
    [{ ...LESSONS[0], slug: "first graph" }],
    expect.arrayContaining(["0.slug: must be lower-case words joined by -"]),
  ],
])("rejects %s", (_what, lessons, expected) => {
  expect(problems(lessons)).toEqual(expected);
});
