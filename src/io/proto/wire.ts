/**
 * Small helpers over `@bufbuild/protobuf/wire` for hand-written proto3 messages.
 *
 * Writers follow what TF's C++ protobuf emits: fields in field-number order, scalar fields left out
 * when they hold their default (0, "", false, empty list), sub-messages and oneof members written
 * whenever they are set, repeated numeric fields packed.
 */
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { DataLossError } from "../../base/errors";

export { BinaryReader, BinaryWriter, WireType };

// ---------------------------------------------------------------- writing

export function putString(w: BinaryWriter, field: number, value: string | undefined): void {
  if (value) w.tag(field, WireType.LengthDelimited).string(value);
}

export function putBytes(w: BinaryWriter, field: number, value: Uint8Array | undefined): void {
  if (value && value.length > 0) w.tag(field, WireType.LengthDelimited).bytes(value);
}

/** int32 and enum fields (negative values take 10 bytes, as protobuf sign-extends them). */
export function putInt32(w: BinaryWriter, field: number, value: number | undefined): void {
  if (value) w.tag(field, WireType.Varint).int32(value);
}

export function putInt64(w: BinaryWriter, field: number, value: number | undefined): void {
  if (value) w.tag(field, WireType.Varint).int64(value);
}

export function putBool(w: BinaryWriter, field: number, value: boolean | undefined): void {
  if (value) w.tag(field, WireType.Varint).bool(true);
}

export function putFloat(w: BinaryWriter, field: number, value: number | undefined): void {
  if (value !== undefined && value !== 0) w.tag(field, WireType.Bit32).float(value);
}

export function putDouble(w: BinaryWriter, field: number, value: number | undefined): void {
  if (value !== undefined && value !== 0) w.tag(field, WireType.Bit64).double(value);
}

export function putFixed32(w: BinaryWriter, field: number, value: number | undefined): void {
  if (value) w.tag(field, WireType.Bit32).fixed32(value);
}

/** A sub-message: written even when its body is empty (`12 00`), because it was set. */
export function putMessage(w: BinaryWriter, field: number, writeBody: (w: BinaryWriter) => void): void {
  w.tag(field, WireType.LengthDelimited).fork();
  writeBody(w);
  w.join();
}

/** A packed repeated scalar field; left out when empty. */
export function putPacked<T>(
  w: BinaryWriter,
  field: number,
  values: ArrayLike<T> | undefined,
  writeOne: (w: BinaryWriter, v: T) => void,
): void {
  if (!values || values.length === 0) return;
  w.tag(field, WireType.LengthDelimited).fork();
  for (let i = 0; i < values.length; i++) writeOne(w, values[i]);
  w.join();
}

export const writeFloat = (w: BinaryWriter, v: number): void => void w.float(v);
export const writeDouble = (w: BinaryWriter, v: number): void => void w.double(v);
export const writeInt32 = (w: BinaryWriter, v: number): void => void w.int32(v);
export const writeInt64 = (w: BinaryWriter, v: number): void => void w.int64(v);
export const writeBool = (w: BinaryWriter, v: boolean): void => void w.bool(v);

/** Writers kept for reuse: `finish()` copies the bytes out and keeps the grown buffer. */
const spareWriters: BinaryWriter[] = [];

/** Serialize a message whose fields `writeBody` writes. */
export function encodeWith<T>(writeBody: (w: BinaryWriter, msg: T) => void, msg: T): Uint8Array {
  const w = spareWriters.pop() ?? new BinaryWriter();
  try {
    writeBody(w, msg);
    return w.finish();
  } catch (e) {
    w.finish(); // reset a half-written writer before it is reused
    throw e;
  } finally {
    spareWriters.push(w);
  }
}

// ---------------------------------------------------------------- reading

/**
 * Walk the fields of a serialized message. `visit` reads the value of the fields it knows and
 * returns true; other fields are skipped. Malformed bytes become a DataLossError naming `what`.
 */
export function readFields(
  bytes: Uint8Array,
  what: string,
  visit: (field: number, wireType: WireType, r: BinaryReader) => boolean,
): void {
  const r = new BinaryReader(bytes);
  try {
    while (r.pos < r.len) {
      const [field, wireType] = r.tag();
      if (!visit(field, wireType, r)) r.skip(wireType, field);
    }
  } catch (e) {
    if (e instanceof DataLossError) throw e;
    throw new DataLossError(`Unable to parse ${what}: ${(e as Error).message}`);
  }
  if (r.pos !== r.len)
    throw new DataLossError(`Unable to parse ${what}: a field runs past the end of the message`);
}

/** Read one or many values of a repeated scalar field, whether it arrived packed or not. */
export function readRepeated<T>(
  r: BinaryReader,
  wireType: WireType,
  readOne: (r: BinaryReader) => T,
  out: T[],
): void {
  if (wireType !== WireType.LengthDelimited) {
    out.push(readOne(r));
    return;
  }
  const end = r.uint32() + r.pos;
  while (r.pos < end) out.push(readOne(r));
  if (r.pos !== end) throw new DataLossError("a packed field runs past its declared length");
}

export const readInt64 = (r: BinaryReader): number => Number(r.int64());
export const readInt32 = (r: BinaryReader): number => r.int32();
export const readFloat = (r: BinaryReader): number => r.float();
export const readDouble = (r: BinaryReader): number => r.double();
export const readBool = (r: BinaryReader): boolean => r.bool();
