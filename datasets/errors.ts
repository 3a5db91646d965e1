/** Errors the dataset loaders throw; each message is meant to be shown to a learner as is. */

/** No source worked (nothing local, download impossible). The message says what to do. */
export class DatasetUnavailableError extends Error {
  override name = "DatasetUnavailableError";
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
  override name = "DatasetFormatError";
}

/** A download arrived but its SHA-256 is not the published one; nothing was written. */
export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `The file downloaded from ${url} has SHA-256 ${actual}, but ${expected} was expected; it was not saved.`,
    );
  }
}

/** The download itself failed (no network, HTTP error, timeout). */
export class DownloadError extends Error {
  override name = "DownloadError";
}
