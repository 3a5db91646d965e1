/** Errors the dataset loaders throw; each message is meant to be shown to a learner as is. */
import wrapAnsi from "wrap-ansi";

/**
 * Exit code of `npm run data` and `npm run lesson N` when a data set is not on this machine, so
 * scripts can tell "fetch the data first" from other failures (1) and bad usage (2).
 */
export const DATA_MISSING_EXIT = 3;

/** Learner-facing text wrapped at `width` columns, list items (`  - `) with a hanging indent. */
export function wrapMessage(lines: string[], width = 80): string {
  return lines
    .map((line) => {
      const item = /^(\s*- )/.exec(line);
      const indent = item ? item[1].length : 0;
      return wrapAnsi(line.slice(indent), width - indent, { hard: false, trim: true })
        .split("\n")
        .map((l, i) => (i === 0 ? line.slice(0, indent) : " ".repeat(indent)) + l)
        .join("\n");
    })
    .join("\n");
}

/** No source worked (nothing local, download impossible). The message says what to do. */
export class DatasetUnavailableError extends Error {
  /** The class name, as printed. */
  override name = "DatasetUnavailableError";
  /**
   * @param message - What to do (shown to the learner as is).
   * @param attempts - One line per place looked at.
   */
  constructor(
    message: string,
    /** One line per place looked at, with what was found there. */
    readonly attempts: readonly string[],
  ) {
    super(message);
  }
}

/** A file was found but does not hold the expected data (wrong file, truncated, other variant). */
export class DatasetFormatError extends Error {
  /** The class name, as printed. */
  override name = "DatasetFormatError";
}

/** A download arrived but its SHA-256 is not the published one; nothing was written. */
export class ChecksumMismatchError extends Error {
  /** The class name, as printed. */
  override name = "ChecksumMismatchError";
  /**
   * @param url - Where the file came from.
   * @param expected - The published SHA-256.
   * @param actual - The SHA-256 of what arrived.
   */
  constructor(
    /** Where the file came from. */
    readonly url: string,
    /** The published SHA-256. */
    readonly expected: string,
    /** The SHA-256 of what arrived. */
    readonly actual: string,
  ) {
    super(
      `The file downloaded from ${url} has SHA-256 ${actual}, but ${expected} was expected; it was not saved.`,
    );
  }
}

/** The download itself failed (no network, HTTP error, timeout). */
export class DownloadError extends Error {
  /** The class name, as printed. */
  override name = "DownloadError";
}
