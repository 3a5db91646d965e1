/** Reads one file out of a .tgz held in memory, with tar@7 (synchronous: the input is a buffer). */
import { basename } from "node:path";
import { Parser } from "tar";
import { DatasetFormatError } from "./errors";

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Returns the contents of the first regular file named `memberName` (at any depth: scikit-learn's
 * archive has it under `CaliforniaHousing/`). `label` names the archive in error messages.
 */
export function readTgzMember(archive: Uint8Array, memberName: string, label: string): Buffer {
  const seen: string[] = [];
  const problems: string[] = [];
  let found: Buffer | undefined;
  const parser = new Parser({
    onReadEntry: (entry) => {
      seen.push(entry.path);
      if (found || entry.type !== "File" || basename(entry.path) !== memberName) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on("data", (c: Buffer) => chunks.push(c));
      entry.on("end", () => (found = Buffer.concat(chunks)));
    },
  });
  parser.on("warn", (_code: string, message: string | Error) =>
    problems.push(String(message instanceof Error ? message.message : message)),
  );
  parser.on("error", (err: Error) => problems.push(err.message));
  parser.end(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength));
  if (found && problems.length === 0) return found;
  if (problems.length > 0) {
    throw new DatasetFormatError(`${label} is not a readable .tgz archive (${problems[0]}).`);
  }
  const listing = seen.length
    ? `it holds ${seen.slice(0, 5).join(", ")}${seen.length > 5 ? ", …" : ""}`
    : "it is empty";
  throw new DatasetFormatError(`${label} has no ${memberName} in it (${listing}).`);
}
