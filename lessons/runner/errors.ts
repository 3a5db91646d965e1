/** How errors from cells are shown: class name and message, without the engine's stack. */
import { wrapMessage } from "../../datasets/errors";

export interface ErrorSummary {
  name: string;
  message: string;
}

/** Works for errors from any realm (cells and the kit run in the lesson's own vm context). */
export function describeError(e: unknown): ErrorSummary {
  if (e && typeof e === "object" && "message" in e) {
    const err = e as { name?: unknown; message?: unknown; constructor?: { name?: unknown } };
    const ctorName = typeof err.constructor?.name === "string" ? err.constructor.name : "";
    // A subclass that forgot to set `name` still shows its class name.
    const name =
      typeof err.name === "string" && err.name !== "Error"
        ? err.name
        : ctorName && ctorName !== "Object"
          ? ctorName
          : "Error";
    return { name, message: String(err.message) };
  }
  return { name: "Thrown value", message: safeString(e) };
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string"
      ? JSON.stringify(value)
      : require("node:util").inspect(value, { depth: 2 });
  } catch {
    return String(value);
  }
}

/** The datasets module throws this (matched by name) when California housing is neither in HOML_DATA_HOME nor cached. */
export const DATASET_UNAVAILABLE = "DatasetUnavailableError";

/**
 * What is missing and how to get it, said once: the data module's own message already lists what
 * was tried and the ways to fix it, so only the way back into the lesson is added to it.
 */
export function dataHelp(lessonNumber: number, detail?: string): string {
  const again = `Then run \`npm run lesson ${lessonNumber}\` again.`;
  if (detail) return `${detail}\n${again}`;
  const where = process.env.HOML_DATA_HOME
    ? `HOML_DATA_HOME is set to ${process.env.HOML_DATA_HOME}, but the data is not there.`
    : "HOML_DATA_HOME is not set and the kit's cache has no copy.";
  return wrapMessage([
    `Lesson ${lessonNumber} works on the California housing data set, which is not on this machine yet.`,
    where,
    `Run \`npm run data\` to download it, or point HOML_DATA_HOME at a folder whose california_housing/ subfolder holds cal_housing.tgz. ${again}`,
  ]);
}
