/** Shared helpers of the io tests. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = "tensorlings-io-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Directory of the real TF checkpoints shipped in ../shared. */
export const TF_CHECKPOINTS = path.join(__dirname, "..", "..", "..", "shared", "fixtures", "tf-checkpoints");

export const PROTO_DEFS = path.join(__dirname, "..", "..", "src", "io", "proto", "defs");
