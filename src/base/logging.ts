/**
 * TF's Python logging lines (`INFO:tensorflow:...`, `WARNING:tensorflow:...`). TF's logger writes to
 * stderr, so these do too: notebooks and the lesson runner show stderr next to stdout, and a
 * program's own stdout stays clean for its results.
 */

export function logInfo(message: string): void {
  process.stderr.write(`INFO:tensorflow:${message}\n`);
}

export function logWarning(message: string): void {
  process.stderr.write(`WARNING:tensorflow:${message}\n`);
}
