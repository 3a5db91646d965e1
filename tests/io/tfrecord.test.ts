import * as fs from "fs";
import * as path from "path";
import { DataLossError } from "../../src/base/errors";
import { RecordFileReader, encodeRecord, readRecords, scanRecords } from "../../src/io";
import { hex, tempDir, toHex } from "./helpers";

// The first record events_writer.cc writes (verified against TensorBoard's reader):
// Event{wall_time=1599759586.0, file_version="brain.Event:2"}.
const VERSION_EVENT = hex("09 00 00 80 38 99 d6 d7 41 1a 0d" + Buffer.from("brain.Event:2").toString("hex"));
const VERSION_RECORD = "1800000000000000" + "a37f4b22" + toHex(VERSION_EVENT) + "124b36ab";
// The book's MSE summary as SummaryScalarOp (summary_op.cc) fills it: Event{wall_time=1616665937.5, step=10,
// summary{value{tag "MSE", simple_value 0.5}}}.
const MSE_EVENT = hex("09 00 00 60 54 17 17 d8 41 10 0a 2a 0c 0a 0a 0a 03 4d 53 45 15 00 00 00 3f");
const MSE_RECORD = "1900000000000000" + "8bf10828" + toHex(MSE_EVENT) + "c59de803";

describe("TFRecord framing", () => {
  test("encodes the file_version record and the book's MSE event", () => {
    expect(toHex(encodeRecord(VERSION_EVENT))).toBe(VERSION_RECORD);
    expect(toHex(encodeRecord(MSE_EVENT))).toBe(MSE_RECORD);
  });

  test("reads records back, and an empty payload", () => {
    const buf = hex(VERSION_RECORD + MSE_RECORD + toHex(encodeRecord(new Uint8Array(0))));
    const records = readRecords(buf, "x");
    expect(records.map(toHex)).toEqual([toHex(VERSION_EVENT), toHex(MSE_EVENT), ""]);
  });

  test("stops cleanly before a truncated last record, at every cut point", () => {
    const full = hex(VERSION_RECORD + MSE_RECORD);
    const firstLength = VERSION_RECORD.length / 2;
    for (let cut = firstLength; cut < full.length; cut++) {
      const scan = scanRecords(full.subarray(0, cut), "f");
      expect(scan.records).toHaveLength(1);
      expect(scan.consumed).toBe(firstLength);
    }
  });

  test("a flipped bit anywhere is a DataLossError naming the file and offset", () => {
    const full = hex(VERSION_RECORD + MSE_RECORD);
    for (let i = 0; i < full.length; i++) {
      const bad = full.slice();
      bad[i] ^= 0x10;
      let error: unknown;
      try {
        readRecords(bad, "events.out.tfevents.1.host");
      } catch (e) {
        error = e;
      }
      // A damaged length may also look like a longer, unfinished record only if its CRC matched: it never does here.
      expect(error).toBeInstanceOf(DataLossError);
      expect((error as Error).message).toMatch(/corrupted record at \d+ in events\.out\.tfevents\.1\.host/);
    }
  });

  test("RecordFileReader picks up records as a writer appends them", () => {
    const file = path.join(tempDir(), "records");
    const full = hex(VERSION_RECORD + MSE_RECORD);
    fs.writeFileSync(file, full.subarray(0, 30));
    const reader = new RecordFileReader(file);
    expect(reader.readNew()).toHaveLength(0);
    fs.appendFileSync(file, full.subarray(30, 60));
    expect(reader.readNew().map(toHex)).toEqual([toHex(VERSION_EVENT)]);
    fs.appendFileSync(file, full.subarray(60));
    expect(reader.readNew().map(toHex)).toEqual([toHex(MSE_EVENT)]);
    expect(reader.readNew()).toHaveLength(0);
    expect(reader.position).toBe(full.length);
  });
});
