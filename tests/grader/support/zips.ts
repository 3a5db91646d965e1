/**
 * Zips whose end-of-central-directory records claim far more entries than a grader should list:
 * a small one that only claims them, and a real one whose directory lists every entry it claims.
 */
import AdmZip from "adm-zip";

/** A zip64 end record, its locator and a classic end record saying "see zip64". */
function zip64End(entries: number, cdSize: number, cdOffset: number, at: number): Buffer {
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(entries), 24);
  rec.writeBigUInt64LE(BigInt(entries), 32);
  rec.writeBigUInt64LE(BigInt(cdSize), 40);
  rec.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(at), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([rec, loc, end]);
}

/** A valid one-file zip whose classic end record claims `entries` (at most 65535). */
export function zipClaimingEntries(entries: number, file = "ex01.ts", text = "export {};\n"): Buffer {
  const z = new AdmZip();
  z.addFile(file, Buffer.from(text));
  const buf = z.toBuffer();
  const end = buf.length - 22;
  buf.writeUInt16LE(entries, end + 8);
  buf.writeUInt16LE(entries, end + 10);
  return buf;
}

/** A one-file zip whose zip64 end record claims `entries` (e.g. 1.3 million). */
export function zip64ClaimingEntries(entries: number): Buffer {
  const z = new AdmZip();
  z.addFile("ex01.ts", Buffer.from("export {};\n"));
  const buf = z.toBuffer();
  const end = buf.length - 22;
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  return Buffer.concat([buf.subarray(0, end), zip64End(entries, cdSize, cdOffset, end)]);
}

/**
 * A real zip of `entries` empty files, every central directory entry naming the one local entry
 * (as the attack does: about 47 bytes per entry, so 1.3 million fit in 62 MB).
 */
export function zipWithManyEntries(entries: number): Buffer {
  const local = Buffer.alloc(31);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(1, 26);
  local.write("a", 30);
  const central = Buffer.alloc(47);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(1, 28);
  central.write("a", 46);
  const cdSize = central.length * entries;
  const out = Buffer.alloc(local.length + cdSize + 56 + 20 + 22);
  local.copy(out, 0);
  for (let i = 0; i < entries; i++) central.copy(out, local.length + i * central.length);
  const at = local.length + cdSize;
  zip64End(entries, cdSize, local.length, at).copy(out, at);
  return out;
}
