/**
 * What the mappers share around the generated messages in `gen/`: parsing that reports damage as a
 * DataLossError, and the few places where TF 1.x's protobuf writes differently from protobuf-es.
 */
import { fromBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import { DataLossError } from "../../base/errors";

/** Parse `bytes` as the message `schema` describes; malformed bytes become a DataLossError naming `what`. */
export function parseMessage<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  what: string = schema.name,
): MessageShape<Desc> {
  try {
    return fromBinary(schema, bytes);
  } catch (e) {
    throw new DataLossError(`Unable to parse ${what}: ${(e as Error).message}`);
  }
}

/** Serialized messages or fields one after another (a message's fields may arrive in parts). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const w = new BinaryWriter();
  for (const part of parts) w.raw(part);
  return w.finish();
}

/**
 * A float or double for a field without presence. TF 1.x's C++ protobuf leaves -0 out, as it does
 * 0; protobuf-es would write it.
 */
export function implicitFloat(value: number | undefined): number {
  return value === undefined || value === 0 ? 0 : value;
}

/** An int64 field's value from one of the engine's numbers (a fraction is cut off). */
export function toInt64(value: number): bigint {
  return BigInt(Math.trunc(value));
}

/**
 * Map entries in the order deterministic protobuf output gives them: keys sorted by their UTF-8
 * bytes. protobuf-es writes a map in its object's key order, which is insertion order except that
 * integer-like keys ("0", "17") always come first: callers whose keys can look like integers
 * write those maps entry by entry (see `encodeMetaGraphDef`).
 */
export function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort(compareByUtf8)) out[key] = record[key];
  return out;
}

/**
 * Order of two strings by their UTF-8 bytes (what C++ `std::string` comparison gives). Comparing
 * code points is equivalent; plain `<` on UTF-16 units is not for characters beyond U+FFFF.
 */
export function compareByUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
