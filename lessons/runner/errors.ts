/** How errors from cells are shown: class name and message, without the engine's stack. */

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
    const name = typeof err.name === "string" && err.name !== "Error" ? err.name : ctorName && ctorName !== "Object" ? ctorName : "Error";
    return { name, message: String(err.message) };
  }
  return { name: "Thrown value", message: safeString(e) };
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? JSON.stringify(value) : require("node:util").inspect(value, { depth: 2 });
  } catch {
    return String(value);
  }
}

/** The datasets module throws this (matched by name) when California housing is neither in HOML_DATA_HOME nor cached. */
export const DATASET_UNAVAILABLE = "DatasetUnavailableError";

export function dataHelp(lessonNumber: number, detail?: string): string {
  const where = process.env.HOML_DATA_HOME ? `HOML_DATA_HOME is set to ${process.env.HOML_DATA_HOME}, but the data is not there.` : "HOML_DATA_HOME is not set and no cached copy was found.";
  return [
    `Lesson ${lessonNumber} works on the California housing data set, and it is not available: ${where}`,
    `Point HOML_DATA_HOME at the folder that holds california_housing/ (for example a copy of the handson-ml`,
    `repository's datasets/ folder) and run the lesson again: HOML_DATA_HOME=/path/to/datasets npm run lesson ${lessonNumber}.`,
    ...(detail ? [`(The datasets module said: ${detail})`] : []),
  ].join("\n");
}
