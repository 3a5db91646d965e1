/**
 * The schema of the lesson list that lessons/index.ts declares. The runner takes only its types
 * (so `npm run lesson` prints its first line without loading zod); the list itself is checked
 * against it wherever zod is loaded anyway: every exercise manifest the grader reads, and the tests.
 */
import { z } from "zod";
import { LESSONS, lessonFile } from "./index";

const LessonSchema = z
  .strictObject({
    /** Position in the course; `npm run lesson 4` picks by this number. */
    number: z.number().int().min(0),
    /** Stable id: the progress file and `npm run lesson <slug>` use it. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by -"),
    title: z.string().refine((s) => s.trim() !== "", "must not be empty"),
    /** The lesson's Markdown file, relative to the kit root: always `lessons/NN-slug.md`. */
    file: z.string(),
    /** True when the lesson reads California housing (HOML_DATA_HOME or the data cache). */
    needsData: z.boolean(),
  })
  .refine((l) => l.file === lessonFile(l.number, l.slug), {
    path: ["file"],
    error: (iss) => {
      const l = iss.input as { number: number; slug: string };
      return `must be ${lessonFile(l.number, l.slug)}`;
    },
  });

export type LessonEntry = Readonly<z.output<typeof LessonSchema>>;

/** Lessons numbered 0, 1, 2… in order, each slug once. */
export const LessonListSchema = z
  .array(LessonSchema)
  .min(1)
  .superRefine((lessons, ctx) => {
    const slugs = new Set<string>();
    lessons.forEach((l, i) => {
      if (l.number !== i)
        ctx.addIssue({
          code: "custom",
          path: [i, "number"],
          message: `must be ${i}: lessons are numbered 0, 1, 2… in order`,
        });
      if (slugs.has(l.slug))
        ctx.addIssue({ code: "custom", path: [i, "slug"], message: `"${l.slug}" is used twice` });
      slugs.add(l.slug);
    });
  });

let checked: readonly LessonEntry[] | undefined;

/** LESSONS, checked against the schema once per process; throws naming every problem. */
export function checkedLessons(): readonly LessonEntry[] {
  if (checked) return checked;
  const result = LessonListSchema.safeParse(LESSONS);
  if (!result.success)
    throw new Error(
      `lessons/index.ts: ${result.error.issues.map((i) => `LESSONS${pathText(i.path)}: ${i.message}`).join("; ")}`,
    );
  return (checked = LESSONS);
}

function pathText(at: readonly PropertyKey[]): string {
  return at.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
}
