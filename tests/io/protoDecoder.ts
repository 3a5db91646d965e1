/**
 * The independent decoder: protobufjs reading the `.proto` definitions in src/io/proto/defs.
 * Tests compare what our hand-written encoders produce with what it decodes (and encodes).
 */
import * as path from "path";
import * as protobuf from "protobufjs";
import { PROTO_DEFS } from "./helpers";

const root = protobuf.loadSync(
  ["event.proto", "meta_graph.proto", "tensor_bundle.proto"].map((f) => path.join(PROTO_DEFS, f)),
);

export function protoType(name: string): protobuf.Type {
  return root.lookupType(`tensorflow.${name}`);
}

/** Decode with protobufjs into plain data: int64 as numbers, bytes as number arrays, enums as numbers. */
export function pbDecode(name: string, bytes: Uint8Array): any {
  const type = protoType(name);
  return type.toObject(type.decode(bytes), {
    longs: Number,
    enums: Number,
    bytes: Array,
    defaults: false,
    oneofs: false,
  });
}

/** Encode a plain object with protobufjs (fields left out of `obj` are not written). */
export function pbEncode(name: string, obj: Record<string, unknown>): Uint8Array {
  const type = protoType(name);
  const err = type.verify(obj);
  if (err) throw new Error(`protobufjs rejects the ${name}: ${err}`);
  return type.encode(type.fromObject(obj)).finish();
}
