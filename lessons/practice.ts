/**
 * Lessons and exercises point at each other. Each exercise names its lesson once, in the exercise
 * manifest (`lesson` in grader/suites/manifest.json, checked against lessons/index.ts by the
 * manifest's schema); the exercises of a lesson are derived from that here, never listed twice.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Manifest, ManifestExercise } from "../grader/manifest";
import { LESSONS } from "./index";

/** The public suites folder of the kit, whose manifest lists the exercises learners grade. */
const SUITES_DIR = path.join("grader", "suites");

/** The exercises that name `lessonNumber` as their lesson, by exercise number. */
export function exercisesOfLesson(manifest: Manifest, lessonNumber: number): ManifestExercise[] {
  return manifest.exercises.filter((ex) => ex.lesson === lessonNumber).sort((a, b) => a.id - b.id);
}

/**
 * The exercises that practise a lesson, from the kit's own manifest; none when the kit has no
 * suites folder (a kit shipped without the grader).
 */
export function practiceFor(kitRoot: string, lessonNumber: number): ManifestExercise[] {
  const dir = path.join(kitRoot, SUITES_DIR);
  if (!fs.existsSync(dir)) return [];
  // Loaded here, after the lesson has run: the manifest's schema brings zod, which the runner's
  // first line should not wait for.
  const { loadManifest } = require("../grader/manifest") as typeof import("../grader/manifest");
  return exercisesOfLesson(loadManifest(dir), lessonNumber);
}

/** `Practise it: npm run grade 4 — <title>`, one line per exercise; empty when there is none. */
export function practiceLines(exercises: readonly Pick<ManifestExercise, "id" | "title">[]): string[] {
  const lead = "Practise it: ";
  return exercises.map(
    (ex, i) => `${i === 0 ? lead : " ".repeat(lead.length)}npm run grade ${ex.id} — ${ex.title}`,
  );
}

/** `Reread lesson 4: <title> — npm run lesson 4`, or null when the exercise names no lesson. */
export function rereadLine(ex: Pick<ManifestExercise, "lesson">): string | null {
  const lesson = LESSONS.find((l) => l.number === ex.lesson);
  return lesson ? `Reread lesson ${lesson.number}: ${lesson.title} — npm run lesson ${lesson.number}` : null;
}
