/**
 * Serialized `Summary` protos handled value by value without decoding them fully, so that
 * merging summaries or stripping metadata keeps every other field byte for byte (images, audio,
 * plugin data the kit does not model included).
 */
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { DataLossError } from "../../base/errors";

const VALUE_FIELD = 1;
const TAG_FIELD = 1;
const METADATA_FIELD = 9;

export interface RawSummaryValue {
  tag: string;
  /** The serialized `Summary.Value`. */
  bytes: Uint8Array;
  hasMetadata: boolean;
}

/** The values of a serialized Summary; DataLossError when the bytes are not one. */
export function splitSummary(summary: Uint8Array): RawSummaryValue[] {
  const values: RawSummaryValue[] = [];
  try {
    const r = new BinaryReader(summary);
    while (r.pos < r.len) {
      const [field, wireType] = r.tag();
      if (field === VALUE_FIELD && wireType === WireType.LengthDelimited)
        values.push(describeValue(r.bytes()));
      else r.skip(wireType, field);
    }
    if (r.pos !== r.len) throw new Error("a field runs past the end");
  } catch (e) {
    throw new DataLossError(`Unable to parse Summary: ${(e as Error).message}`);
  }
  return values;
}

function describeValue(bytes: Uint8Array): RawSummaryValue {
  const r = new BinaryReader(bytes);
  let tag = "";
  let hasMetadata = false;
  while (r.pos < r.len) {
    const [field, wireType] = r.tag();
    if (field === TAG_FIELD && wireType === WireType.LengthDelimited) tag = r.string();
    else {
      if (field === METADATA_FIELD) hasMetadata = true;
      r.skip(wireType, field);
    }
  }
  if (r.pos !== r.len) throw new Error("a field runs past the end");
  return { tag, bytes, hasMetadata };
}

/** A Summary.Value without its `metadata` field (every other field kept as it was). */
export function withoutMetadata(value: Uint8Array): Uint8Array {
  const r = new BinaryReader(value);
  const w = new BinaryWriter();
  while (r.pos < r.len) {
    const start = r.pos;
    const [field, wireType] = r.tag();
    r.skip(wireType, field);
    if (field !== METADATA_FIELD) w.raw(value.subarray(start, r.pos));
  }
  return w.finish();
}

/** A serialized Summary holding `values` in order. */
export function joinSummary(values: readonly Uint8Array[]): Uint8Array {
  const w = new BinaryWriter();
  for (const v of values) w.tag(VALUE_FIELD, WireType.LengthDelimited).bytes(v);
  return w.finish();
}
