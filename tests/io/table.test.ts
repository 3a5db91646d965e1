/** The LevelDB-style table under checkpoint indexes (tensorflow/core/lib/io/table_builder.cc). */
import { DataLossError } from "../../src/base/errors";
import { BlockBuilder } from "../../src/io/bundle/blockBuilder";
import { TableBuilder } from "../../src/io/bundle/tableBuilder";
import { readTable } from "../../src/io/bundle/tableReader";
import { shortSuccessor, shortestSeparator } from "../../src/io/bundle/tableFormat";
import { toHex } from "./helpers";

const b = (s: string) => new TextEncoder().encode(s);
const s = (u: Uint8Array) => new TextDecoder().decode(u);

describe("key shortening", () => {
  test("short successor as in the spec examples", () => {
    expect(s(shortSuccessor(b("c")))).toBe("d");
    expect(s(shortSuccessor(b("theta")))).toBe("u");
    expect(s(shortSuccessor(b("some_scope/indices")))).toBe("t");
    expect(toHex(shortSuccessor(Uint8Array.from([0xff, 0xff, 0x10, 0x20])))).toBe("ffff11");
    expect(toHex(shortSuccessor(Uint8Array.from([0xff, 0xff])))).toBe("ffff");
  });

  test("shortest separator stays between the two keys", () => {
    expect(s(shortestSeparator(b("the quick brown fox"), b("the who")))).toBe("the r");
    expect(s(shortestSeparator(b("abc"), b("abcd")))).toBe("abc"); // prefix: unchanged
    expect(s(shortestSeparator(b("abc"), b("abd")))).toBe("abc"); // c+1 is not below d
    expect(s(shortestSeparator(b("a/x"), b("b")))).toBe("a/x"); // a+1 == b
    expect(s(shortestSeparator(b("a/x"), b("c")))).toBe("b");
  });
});

describe("blocks", () => {
  test("an empty block is its single restart and the count", () => {
    expect(toHex(new BlockBuilder().finish())).toBe("0000000001000000");
  });

  test("prefix compression with a restart every 16 entries", () => {
    const block = new BlockBuilder(16);
    for (let i = 0; i < 17; i++) block.add(b(`key${String(i).padStart(2, "0")}`), b("v"));
    const bytes = block.finish();
    const tail = toHex(bytes.subarray(bytes.length - 12));
    // Entry sizes are 3 varint bytes + unshared key bytes + 1 value byte: key00 whole (9), key01..key09
    // sharing "key0" (5 each), key10 sharing "key" (6), key11..key15 sharing "key1" (5 each): the
    // 17th entry, a restart, starts at 9 + 45 + 6 + 25 = 85.
    expect(tail).toBe("00000000" + "55000000" + "02000000");
  });
});

describe("tables", () => {
  const entries = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => [b(`k${String(i).padStart(6, "0")}`), b("x".repeat(i % 50))] as const,
    );

  test("round trip through several data blocks", () => {
    const builder = new TableBuilder({ blockSize: 1024 });
    for (const [k, v] of entries(2000)) builder.add(k, v);
    const table = builder.finish();
    const back = readTable(table, "t");
    expect(back.map((e) => s(e.key))).toEqual(entries(2000).map(([k]) => s(k)));
    expect(back.map((e) => e.value.length)).toEqual(entries(2000).map(([, v]) => v.length));
  });

  test("keys must increase", () => {
    const builder = new TableBuilder();
    builder.add(b("b"), b(""));
    expect(() => builder.add(b("a"), b(""))).toThrow(/strictly increasing/);
  });

  test("damage is reported as DataLossError naming the file", () => {
    const builder = new TableBuilder();
    for (const [k, v] of entries(10)) builder.add(k, v);
    const table = builder.finish();
    const flip = (i: number) => {
      const t = table.slice();
      t[i] ^= 1;
      return t;
    };
    expect(() => readTable(flip(table.length - 1), "m.index")).toThrow(
      /not an sstable \(bad magic number\).*m\.index/,
    );
    expect(() => readTable(flip(5), "m.index")).toThrow(/block checksum mismatch.*m\.index/);
    expect(() => readTable(table.subarray(0, 40), "m.index")).toThrow(/too short to be an sstable.*m\.index/);
    expect(() => readTable(table.subarray(0, table.length - 1), "m.index")).toThrow(DataLossError);
  });
});
