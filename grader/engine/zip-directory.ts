/**
 * What a zip's end-of-central-directory records claim, read before any zip library builds its
 * entry table: a small file can claim millions of entries, and a library that believes it runs
 * out of memory. Every record a reader could pick is checked (each classic EOCD in the trailing
 * comment window, each zip64 EOCD record there or where a zip64 locator points), and the largest
 * claims win, so no choice among several records gets past the limits.
 */

const EOCD_SIG = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_EOCD_SIZE = 56;
/** A zip comment is at most 0xffff bytes, so an EOCD starts within this many bytes of the end. */
const TAIL_WINDOW = 0xffff + EOCD_SIZE;

export interface ZipDirectoryClaims {
  /** Largest entry count any end record claims (per disk or in total). */
  entries: number;
  /** Largest central directory size (bytes) any end record claims. */
  centralDirectoryBytes: number;
  /** Whether a zip64 record was among them. */
  zip64: boolean;
}

/** The claims of every end-of-central-directory record in `zip`, or null when there is none. */
export function readDirectoryClaims(zip: Buffer): ZipDirectoryClaims | null {
  let found = false;
  let entries = 0n;
  let bytes = 0n;
  let zip64 = false;
  const take = (e1: bigint, e2: bigint, size: bigint) => {
    found = true;
    if (e1 > entries) entries = e1;
    if (e2 > entries) entries = e2;
    if (size > bytes) bytes = size;
  };
  const zip64At = (at: number) => {
    if (at < 0 || at + ZIP64_EOCD_SIZE > zip.length || zip.readUInt32LE(at) !== ZIP64_EOCD_SIG) return;
    zip64 = true;
    take(zip.readBigUInt64LE(at + 24), zip.readBigUInt64LE(at + 32), zip.readBigUInt64LE(at + 40));
  };
  const start = Math.max(0, zip.length - TAIL_WINDOW - ZIP64_EOCD_SIZE - ZIP64_LOCATOR_SIZE);
  for (let i = zip.length - 4; i >= start; i--) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b) continue;
    const sig = zip.readUInt32LE(i);
    if (sig === EOCD_SIG && i + EOCD_SIZE <= zip.length)
      take(
        BigInt(zip.readUInt16LE(i + 8)),
        BigInt(zip.readUInt16LE(i + 10)),
        BigInt(zip.readUInt32LE(i + 12)),
      );
    else if (sig === ZIP64_EOCD_SIG) zip64At(i);
    else if (sig === ZIP64_LOCATOR_SIG && i + ZIP64_LOCATOR_SIZE <= zip.length) {
      const at = zip.readBigUInt64LE(i + 8);
      if (at < BigInt(zip.length)) zip64At(Number(at));
    }
  }
  if (!found) return null;
  const toNumber = (n: bigint) => (n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n));
  return { entries: toNumber(entries), centralDirectoryBytes: toNumber(bytes), zip64 };
}
