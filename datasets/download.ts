/** HTTPS download checked against a published SHA-256 before anything uses or stores it. */
import { createHash } from "node:crypto";
import { ChecksumMismatchError, DownloadError } from "./errors";

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Downloads `url` (following redirects) and returns its bytes only if their SHA-256 is `sha256`. */
export async function downloadVerified(url: string, sha256: string, timeoutMs = 120_000): Promise<Buffer> {
  let body: Buffer;
  try {
    const res = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok)
      throw new DownloadError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} from ${url}`);
    body = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    throw new DownloadError(describeNetworkError(err));
  }
  const actual = sha256Hex(body);
  if (actual !== sha256.toLowerCase()) throw new ChecksumMismatchError(url, sha256, actual);
  return body;
}

/**
 * fetch() reports most failures as "fetch failed" with the useful part in `cause`. Duck-typed:
 * errors from Node's internals may come from another realm (under Jest, for one).
 */
function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  if (typeof e !== "object" || e === null) return String(err);
  if (e.name === "TimeoutError") return "the download timed out";
  return e.cause?.message ?? e.cause?.code ?? e.message ?? String(err);
}
