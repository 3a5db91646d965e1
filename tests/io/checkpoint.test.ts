/** Checkpoint V2 files against real TF checkpoints and vectors from the Python oracle (tensor_bundle.cc). */
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import fc from "fast-check";
import { DType, bool, dtypeFromName, float32, float64, int32, int64, string } from "../../src/base/dtypes";
import { NDArray } from "../../src/base/ndarray/ndarray";
import { DataLossError, InvalidArgumentError, NotFoundError } from "../../src/base/errors";
import {
  crc32c,
  dataFileName,
  encodeCheckpoint,
  indexFileName,
  listCheckpoint,
  readCheckpoint,
  readTensor,
  unmaskCrc,
  writeCheckpoint,
} from "../../src/io";
import { encodeStringTensor } from "../../src/io/bundle/stringTensor";
import { readTable } from "../../src/io/bundle/tableReader";
import { FOOTER_SIZE, readVarint } from "../../src/io/bundle/tableFormat";
import { recipeTensors } from "./bundleRecipe";
import { TF_CHECKPOINTS, tempDir, toHex } from "./helpers";

const vectors = require("../fixtures/io/bundle_vectors.json");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const tf = (name: string) => path.join(TF_CHECKPOINTS, name);

interface FixtureTensor {
  key: string;
  dtype: string;
  shape: number[];
  values: unknown;
  offset: number;
  size: number;
  crc32c: number;
}

describe("real TF checkpoints", () => {
  test.each(["variables_variables", "testdata_bundle_checkpoint"])(
    "%s loads with the right names, dtypes, shapes and values",
    (name) => {
      const expected: FixtureTensor[] = vectors.tfCheckpoints[name];
      expect(
        listCheckpoint(tf(name)).map((i) => ({ key: i.key, dtype: i.dtype.name, shape: i.shape })),
      ).toEqual(expected.map((e) => ({ key: e.key, dtype: e.dtype, shape: e.shape })));
      const all = readCheckpoint(tf(name));
      expect([...all.keys()]).toEqual(expected.map((e) => e.key));
      for (const e of expected) {
        const t = all.get(e.key)!;
        expect(t.dtype.name).toBe(e.dtype);
        expect(t.shape).toEqual(e.shape);
        expect(t.toArray()).toEqual(e.values);
      }
    },
  );

  test("variables_variables holds a=0.5, b=2, c=3", () => {
    expect(readTensor(tf("variables_variables"), "a").item()).toBe(0.5);
    expect(readTensor(tf("variables_variables"), "b").item()).toBe(2);
    expect(readTensor(tf("variables_variables"), "c").item()).toBe(3);
  });

  test.each(["variables_variables", "testdata_bundle_checkpoint"])(
    "writing %s again gives byte-identical files",
    (name) => {
      const tensors = [...readCheckpoint(tf(name))].reverse().map(([key, value]) => ({ key, value }));
      const prefix = path.join(tempDir(), "nested", "model.ckpt");
      writeCheckpoint(prefix, tensors);
      expect(toHex(fs.readFileSync(indexFileName(prefix)))).toBe(
        toHex(fs.readFileSync(indexFileName(tf(name)))),
      );
      expect(toHex(fs.readFileSync(dataFileName(prefix)))).toBe(
        toHex(fs.readFileSync(dataFileName(tf(name)))),
      );
      // No temporary files are left behind.
      expect(fs.readdirSync(path.dirname(prefix)).sort()).toEqual([
        "model.ckpt.data-00000-of-00001",
        "model.ckpt.index",
      ]);
    },
  );
});

describe("vectors built by the Python oracle", () => {
  test.each(["singleBlock", "multiBlock", "longKeys"])(
    "%s: many keys, all dtypes, restarts and data blocks",
    (name) => {
      const r = vectors.recipes[name];
      const { index, data } = encodeCheckpoint(recipeTensors(r.count, r.extraKeys, r.keyStyle));
      expect(toHex(index.subarray(0, 64))).toBe(r.indexHead);
      // One index entry per data block; in longKeys the separators between blocks are shortened keys.
      expect(readTable(index, "index")).toHaveLength(1 + r.count + r.extraKeys.length);
      expect(indexBlockKeys(index)).toEqual(r.indexKeys);
      expect({ bytes: index.length, sha256: sha256(index) }).toEqual(r.index);
      expect({ bytes: data.length, sha256: sha256(data) }).toEqual(r.data);
    },
  );

  test("a multi-block checkpoint reads back", () => {
    const r = vectors.recipes.longKeys;
    const tensors = recipeTensors(r.count, [], r.keyStyle);
    const prefix = path.join(tempDir(), "big");
    writeCheckpoint(prefix, tensors);
    const back = readCheckpoint(prefix);
    const keys = [...back.keys()];
    expect(keys.slice(0, 5)).toEqual(r.sortedKeysHead);
    expect(keys.slice(-3)).toEqual(r.sortedKeysTail);
    for (const t of tensors.filter((_, i) => i % 97 === 0))
      expect(back.get(t.key)!.toArray()).toEqual(t.value.toArray());
  });

  test("keys are ordered by UTF-8 bytes, not UTF-16 units", () => {
    const keys = listCheckpoint(
      writeTo([
        { key: "z/\u{1F600}", value: NDArray.from(1) },
        { key: "z/\uE000", value: NDArray.from(2) },
      ]),
    ).map((i) => i.key);
    expect(keys).toEqual(["z/\uE000", "z/\u{1F600}"]);
  });

  test("string tensor layout and CRC", () => {
    const v = vectors.stringTensor;
    const { bytes, crc } = encodeStringTensor(v.elements.map((e: string) => new TextEncoder().encode(e)));
    expect(toHex(bytes)).toBe(v.bytes);
    expect(unmaskCrc(v.maskedCrc32c)).toBe(crc);
    const prefix = writeTo([{ key: "s", value: NDArray.from(v.elements, string) }]);
    expect(readTensor(prefix, "s").toArray()).toEqual(v.elements);
  });
});

/** Keys of the index block: the footer's index handle, then the block's entries (restart interval 1: whole keys). */
function indexBlockKeys(table: Uint8Array): string[] {
  let pos = table.length - FOOTER_SIZE;
  for (let i = 0; i < 2; i++) [, pos] = readVarint(table, pos, table.length, "footer");
  const [offset, p1] = readVarint(table, pos, table.length, "footer");
  const [size] = readVarint(table, p1, table.length, "footer");
  const block = table.subarray(offset, offset + size);
  const numRestarts = new DataView(block.buffer, block.byteOffset).getUint32(size - 4, true);
  const keys: string[] = [];
  for (let p = 0; p < size - 4 - 4 * numRestarts;) {
    let shared, unshared, valueLength;
    [shared, p] = readVarint(block, p, size, "entry");
    [unshared, p] = readVarint(block, p, size, "entry");
    [valueLength, p] = readVarint(block, p, size, "entry");
    expect(shared).toBe(0);
    keys.push(new TextDecoder().decode(block.subarray(p, p + unshared)));
    p += unshared + valueLength;
  }
  return keys;
}

function writeTo(tensors: { key: string; value: NDArray }[]): string {
  const prefix = path.join(tempDir(), "ckpt");
  writeCheckpoint(prefix, tensors);
  return prefix;
}

describe("damaged and missing files", () => {
  const copyOf = (name: string): string => {
    const prefix = path.join(tempDir(), name);
    for (const f of [indexFileName, dataFileName]) fs.copyFileSync(f(tf(name)), f(prefix));
    return prefix;
  };
  const patch = (file: string, edit: (b: Buffer) => Buffer) =>
    fs.writeFileSync(file, edit(fs.readFileSync(file)));

  test("a flipped byte in the data file fails the tensor's CRC with TF's message", () => {
    const prefix = copyOf("variables_variables");
    patch(dataFileName(prefix), (b) => {
      b[5] ^= 0x40; // inside b
      return b;
    });
    expect(readTensor(prefix, "a").item()).toBe(0.5);
    const damaged = Buffer.from([0x00, 0x40, 0x00, 0x40]);
    const stored = String(unmaskCrc(0x4f78fd10)).padStart(8, "0");
    expect(() => readTensor(prefix, "b")).toThrow(
      new DataLossError(
        `Checksum does not match: stored ${stored} vs. calculated on the restored bytes ${crc32c(damaged)}`,
      ),
    );
    expect(() => readCheckpoint(prefix)).toThrow(DataLossError);
  });

  test("a flipped byte anywhere in the index is detected", () => {
    const prefix = copyOf("testdata_bundle_checkpoint");
    const original = fs.readFileSync(indexFileName(prefix));
    for (let i = 0; i < original.length; i++) {
      const bad = Buffer.from(original);
      bad[i] ^= 0x01;
      fs.writeFileSync(indexFileName(prefix), bad);
      let error: Error | undefined;
      try {
        readCheckpoint(prefix);
      } catch (e) {
        error = e as Error;
      }
      if (i >= original.length - 48 && i < original.length - 8) {
        // Footer handle bytes or padding: either caught, or padding that nothing reads.
        if (error) expect(error).toBeInstanceOf(DataLossError);
        continue;
      }
      expect(error).toBeInstanceOf(DataLossError);
      expect(error!.message).toMatch(/block checksum mismatch|bad magic number/);
      expect(error!.message).toContain(indexFileName(prefix));
    }
  });

  test("a truncated data file is a DataLossError naming it", () => {
    const prefix = copyOf("testdata_bundle_checkpoint");
    patch(dataFileName(prefix), (b) => b.subarray(0, 350));
    expect(readTensor(prefix, "some_scope/embeddings").shape).toEqual([5, 16]);
    expect(() => readTensor(prefix, "some_scope/indices")).toThrow(DataLossError);
    expect(() => readTensor(prefix, "some_scope/indices")).toThrow(/truncated/);
    expect(() => readTensor(prefix, "some_scope/indices")).toThrow(dataFileName(prefix));
  });

  test("a truncated index is a DataLossError naming it", () => {
    const prefix = copyOf("variables_variables");
    for (const keep of [0, 10, 100, 150]) {
      patch(indexFileName(prefix), () =>
        fs.readFileSync(indexFileName(tf("variables_variables"))).subarray(0, keep),
      );
      expect(() => listCheckpoint(prefix)).toThrow(DataLossError);
      expect(() => listCheckpoint(prefix)).toThrow(indexFileName(prefix));
    }
  });

  test("missing files are NotFoundErrors naming them", () => {
    const prefix = copyOf("variables_variables");
    fs.rmSync(dataFileName(prefix));
    expect(listCheckpoint(prefix)).toHaveLength(3);
    expect(() => readTensor(prefix, "a")).toThrow(
      new NotFoundError(`${dataFileName(prefix)}; No such file or directory`),
    );
    expect(() => readCheckpoint(path.join(tempDir(), "nothing"))).toThrow(NotFoundError);
    expect(() => readCheckpoint(path.join(tempDir(), "nothing"))).toThrow(
      /nothing\.index; No such file or directory/,
    );
  });

  test("a missing key uses TF's message", () => {
    expect(() => readTensor(tf("variables_variables"), "weights")).toThrow(
      new NotFoundError("Key weights not found in checkpoint"),
    );
  });
});

describe("writer checks", () => {
  test("duplicate keys are rejected as in TF", () => {
    const t = NDArray.from(1);
    expect(() =>
      encodeCheckpoint([
        { key: "w", value: t },
        { key: "w", value: t },
      ]),
    ).toThrow(new InvalidArgumentError("Adding duplicate key: w"));
    expect(() => encodeCheckpoint([{ key: "", value: t }])).toThrow(InvalidArgumentError);
  });

  test("overwriting a prefix replaces both files", () => {
    const prefix = writeTo([{ key: "theta", value: NDArray.from([[1], [2]]) }]);
    writeCheckpoint(prefix, [{ key: "theta", value: NDArray.from([[3], [4], [5]]) }]);
    expect(readTensor(prefix, "theta").toArray()).toEqual([[3], [4], [5]]);
    expect(fs.readdirSync(path.dirname(prefix)).filter((f) => f.includes("tempstate"))).toEqual([]);
  });
});

describe("round trip property", () => {
  const dtypes: DType[] = [float32, float64, int32, int64, bool, string];
  const valueOf = (dtype: DType): fc.Arbitrary<number | boolean | string> => {
    switch (dtype) {
      case float32:
        return fc.float({ noNaN: true });
      case float64:
        return fc.double({ noNaN: true });
      case int32:
        return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
      case int64:
        return fc.maxSafeInteger();
      case bool:
        return fc.boolean();
      default:
        return fc.string({ unit: "binary", maxLength: 20 });
    }
  };
  const tensor = fc
    .tuple(
      fc.constantFrom(...dtypes.map((d) => d.name)),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    )
    .chain(([name, shape]) => {
      const dtype = dtypeFromName(name);
      const size = shape.reduce((a, b) => a * b, 1);
      return fc.array(valueOf(dtype), { minLength: size, maxLength: size }).map((flat) => {
        const data =
          dtype === string
            ? (flat as string[]).map((s) => new TextEncoder().encode(s))
            : dtype === float32
              ? Float32Array.from(flat as number[])
              : dtype === int32
                ? Int32Array.from(flat as number[])
                : dtype === bool
                  ? Uint8Array.from(flat as boolean[], (v) => (v ? 1 : 0))
                  : Float64Array.from(flat as number[]);
        return new NDArray(dtype, shape, data);
      });
    });
  const checkpoint = fc.uniqueArray(
    fc.tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), tensor),
    {
      minLength: 1,
      maxLength: 40,
      selector: ([key]) => key,
    },
  );

  test("random keys, dtypes and shapes read back unchanged, whatever the input order", () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(checkpoint, (pairs) => {
        const tensors = pairs.map(([key, value]) => ({ key, value }));
        const prefix = path.join(dir, `p${n++}`);
        writeCheckpoint(prefix, tensors);
        const back = readCheckpoint(prefix);
        expect(back.size).toBe(tensors.length);
        for (const { key, value } of tensors) {
          const got = back.get(key)!;
          expect(got.dtype).toBe(value.dtype);
          expect(got.shape).toEqual(value.shape);
          if (value.dtype === string)
            expect((got.data as Uint8Array[]).map(toHex)).toEqual((value.data as Uint8Array[]).map(toHex));
          else expect(Array.from(got.data as Float64Array)).toEqual(Array.from(value.data as Float64Array));
        }
        const shuffled = encodeCheckpoint([...tensors].reverse());
        expect(toHex(shuffled.index)).toBe(toHex(fs.readFileSync(indexFileName(prefix))));
      }),
      { numRuns: 60 },
    );
  });
});
