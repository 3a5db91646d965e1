/**
 * Reads a whole LevelDB-style table (`Table::Open`, tensorflow/core/lib/io/table.cc), checking the footer
 * magic and the CRC of every block it touches. Any damage is a DataLossError that names the file.
 */
import { DataLossError, UnimplementedError } from "../../base/errors";
import { crc32c, unmaskCrc } from "../crc32c";
import {
  BLOCK_TRAILER_SIZE,
  BlockHandle,
  FOOTER_SIZE,
  MAGIC_HI,
  MAGIC_LO,
  NO_COMPRESSION,
  readFixed32,
  readVarint,
} from "./tableFormat";

export interface TableEntry {
  key: Uint8Array;
  value: Uint8Array;
}

/** All entries of the table in `bytes`, in key order. `fileName` only serves the error messages. */
export function readTable(bytes: Uint8Array, fileName: string): TableEntry[] {
  const fail = (problem: string): never => {
    throw new DataLossError(`${problem} (in ${fileName})`);
  };
  if (bytes.length < FOOTER_SIZE) fail("file is too short to be an sstable");
  const footer = bytes.length - FOOTER_SIZE;
  if (readFixed32(bytes, footer + 40) !== MAGIC_LO || readFixed32(bytes, footer + 44) !== MAGIC_HI) {
    fail("not an sstable (bad magic number)");
  }
  // Footer: metaindex handle, then index handle. The metaindex block is empty in bundles (TF does
  // not even read it); its CRC is checked all the same so that no byte of the file goes unchecked.
  const [metaindexHandle, pos] = readHandle(bytes, footer, footer + 40, fileName);
  const [indexHandle] = readHandle(bytes, pos, footer + 40, fileName);
  readBlock(bytes, metaindexHandle, footer, fileName);

  const entries: TableEntry[] = [];
  for (const indexEntry of parseBlock(readBlock(bytes, indexHandle, footer, fileName), fileName)) {
    const [dataHandle] = readHandle(indexEntry.value, 0, indexEntry.value.length, fileName);
    for (const e of parseBlock(readBlock(bytes, dataHandle, footer, fileName), fileName)) entries.push(e);
  }
  return entries;
}

function readHandle(bytes: Uint8Array, pos: number, end: number, fileName: string): [BlockHandle, number] {
  const what = `bad block handle (in ${fileName})`;
  const [offset, p1] = readVarint(bytes, pos, end, what);
  const [size, p2] = readVarint(bytes, p1, end, what);
  return [{ offset, size }, p2];
}

/** The contents of a block after checking its trailer. Blocks must lie before the footer (`limit`). */
function readBlock(bytes: Uint8Array, h: BlockHandle, limit: number, fileName: string): Uint8Array {
  const end = h.offset + h.size;
  if (end + BLOCK_TRAILER_SIZE > limit) {
    throw new DataLossError(
      `truncated block read: the block at offset ${h.offset} runs past the end (in ${fileName})`,
    );
  }
  const stored = unmaskCrc(readFixed32(bytes, end + 1));
  const actual = crc32c(bytes.subarray(end, end + 1), crc32c(bytes.subarray(h.offset, end)));
  if (stored !== actual) {
    throw new DataLossError(
      `block checksum mismatch: the block at offset ${h.offset} is corrupt (in ${fileName})`,
    );
  }
  if (bytes[end] !== NO_COMPRESSION) {
    throw new UnimplementedError(
      `compressed table blocks are not supported (block type ${bytes[end]} in ${fileName})`,
    );
  }
  return bytes.subarray(h.offset, end);
}

/** Decode the prefix-compressed entries of a block (the restart array only matters for seeking). */
function parseBlock(block: Uint8Array, fileName: string): TableEntry[] {
  const bad = `bad block contents (in ${fileName})`;
  if (block.length < 4) throw new DataLossError(bad);
  const numRestarts = readFixed32(block, block.length - 4);
  const entriesEnd = block.length - 4 - 4 * numRestarts;
  if (numRestarts > (block.length - 4) / 4 || entriesEnd < 0) throw new DataLossError(bad);
  const out: TableEntry[] = [];
  let lastKey = new Uint8Array(0);
  let pos = 0;
  while (pos < entriesEnd) {
    let shared, unshared, valueLength;
    [shared, pos] = readVarint(block, pos, entriesEnd, bad);
    [unshared, pos] = readVarint(block, pos, entriesEnd, bad);
    [valueLength, pos] = readVarint(block, pos, entriesEnd, bad);
    if (shared > lastKey.length || pos + unshared + valueLength > entriesEnd) throw new DataLossError(bad);
    const key = new Uint8Array(shared + unshared);
    key.set(lastKey.subarray(0, shared));
    key.set(block.subarray(pos, pos + unshared), shared);
    pos += unshared;
    out.push({ key, value: block.subarray(pos, pos + valueLength) });
    pos += valueLength;
    lastKey = key;
  }
  return out;
}
