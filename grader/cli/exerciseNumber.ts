/** Turns the number a learner typed into an exercise, or into a sentence saying what went wrong. */
import type { Manifest, ManifestExercise } from "../manifest";

export function exerciseOrExplain(
  manifest: Manifest,
  word: string | undefined,
  usage: string,
): ManifestExercise | string {
  if (word === undefined) return usage;
  const n = Number(word);
  const ids = manifest.exercises.map((e) => e.id);
  const range = `the exercises are numbered ${Math.min(...ids)} to ${Math.max(...ids)}`;
  if (!Number.isInteger(n)) return `"${word}" is not an exercise number; ${range}.`;
  return manifest.exercises.find((e) => e.id === n) ?? `There is no exercise ${n}; ${range}.`;
}
