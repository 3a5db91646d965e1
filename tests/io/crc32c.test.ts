import { crc32c, maskCrc, unmaskCrc, maskedCrc32c } from "../../src/io";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("crc32c", () => {
  test("standard check value of '123456789' is 0xE3069283 (crc32c_test.cc)", () => {
    expect(crc32c(bytes("123456789"))).toBe(0xe3069283);
  });

  test("extending over two chunks equals one pass", () => {
    expect(crc32c(bytes("56789"), crc32c(bytes("1234")))).toBe(0xe3069283);
  });

  test("results are unsigned", () => {
    for (const s of ["", "a", "abc", "\u00ff\u00fe"]) expect(crc32c(bytes(s))).toBeGreaterThanOrEqual(0);
  });

  test("masked CRCs of the TF half_plus_two checkpoint (tensorflow/cc/saved_model/testdata)", () => {
    const f32 = (v: number) => new Uint8Array(new Float32Array([v]).buffer);
    expect(maskedCrc32c(f32(0.5))).toBe(0x1f273806);
    expect(maskedCrc32c(f32(2))).toBe(0x4f78fd10);
    expect(maskedCrc32c(f32(3))).toBe(0xc382d6ef);
  });

  test("TFRecord length and data CRCs of the file_version record", () => {
    const payload = Uint8Array.from([
      0x09,
      0x00,
      0x00,
      0x80,
      0x38,
      0x99,
      0xd6,
      0xd7,
      0x41,
      0x1a,
      0x0d,
      ...bytes("brain.Event:2"),
    ]);
    expect(maskedCrc32c(Uint8Array.from([24, 0, 0, 0, 0, 0, 0, 0]))).toBe(0x224b7fa3);
    expect(maskedCrc32c(payload)).toBe(0xab364b12);
  });

  test("unmask inverts mask", () => {
    for (const c of [0, 1, 0xffffffff, 0x80000000, 0xe3069283, 0x12345678]) {
      expect(unmaskCrc(maskCrc(c))).toBe(c);
      expect(maskCrc(c)).toBeGreaterThanOrEqual(0);
    }
    expect(maskCrc(0)).toBe(0xa282ead8);
  });
});
