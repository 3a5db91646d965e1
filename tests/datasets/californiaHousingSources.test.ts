/**
 * Where fetchCaliforniaHousing looks and what it does when things go wrong, with no network:
 * downloads come from a loopback server, archives are small synthetic ones built here.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ChecksumMismatchError,
  DatasetFormatError,
  DatasetUnavailableError,
  fetchCaliforniaHousing,
  fetchCaliforniaHousingSync,
  getRow,
  importCaliforniaHousing,
} from "tensorlings/datasets";
import { downloadVerified } from "../../datasets/download";
import { runDataCli } from "../../datasets/cli";
import { DATA_MISSING_EXIT } from "../../datasets/errors";
import {
  THREE_ROWS,
  deadUrl,
  listFiles,
  makeArchive,
  makeArchiveOf,
  removeTempDirs,
  serve,
  sha256,
  tempDir,
  type Loopback,
} from "./loopback";

const archive = makeArchive(THREE_ROWS);
const archiveSha = sha256(archive);
let server: Loopback;

beforeAll(async () => {
  server = await serve({ "/files/5976036": archive, "/moved": { redirect: "/files/5976036" } });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

/** Values published with the data (SOURCE.md): the first district as scikit-learn returns it. */
const FIRST_ROW = [
  8.3252, 41.0, 6.984126984126984, 1.0238095238095237, 322.0, 2.5555555555555554, 37.88, -122.23,
];

describe("download into the cache", () => {
  test("verified archive is saved atomically and parsed; the next call reads the cache", async () => {
    const cacheDir = tempDir();
    const opts = { dataHome: null, cacheDir, url: server.url("/files/5976036"), sha256: archiveSha };
    const first = await fetchCaliforniaHousing(opts);
    expect(first.origin).toBe("download");
    expect(first.data.rows).toBe(3);
    expect(Array.from(getRow(first.data, 0))).toEqual(FIRST_ROW);
    expect(first.target[0]).toBe(4.526);
    // Made-up row: 2000 rooms, 400 bedrooms, 1000 people in 250 households, $150,000.
    expect(Array.from(getRow(first.data, 1))).toEqual([4, 12, 8, 1.6, 1000, 4, 36.25, -120.5]);
    expect(first.target[1]).toBe(1.5);
    expect(listFiles(cacheDir)).toEqual(["california_housing/cal_housing.tgz"]); // no temp files left
    expect(sha256(readFileSync(first.source))).toBe(archiveSha);

    const hitsBefore = server.hits.length;
    const second = await fetchCaliforniaHousing(opts);
    expect(second.origin).toBe("cache");
    expect(server.hits.length).toBe(hitsBefore);
    expect(Array.from(second.data.data)).toEqual(Array.from(first.data.data));
    expect(fetchCaliforniaHousingSync(opts).origin).toBe("cache");
  });

  test("redirects are followed (figshare answers with one)", async () => {
    const cacheDir = tempDir();
    const housing = await fetchCaliforniaHousing({
      dataHome: null,
      cacheDir,
      url: server.url("/moved"),
      sha256: archiveSha,
    });
    expect(housing.origin).toBe("download");
  });

  test("a checksum mismatch writes nothing and says so", async () => {
    const cacheDir = tempDir();
    const wrong = "0".repeat(64);
    await expect(downloadVerified(server.url("/files/5976036"), wrong)).rejects.toThrow(
      ChecksumMismatchError,
    );
    const err = await fetchCaliforniaHousing({
      dataHome: null,
      cacheDir,
      url: server.url("/files/5976036"),
      sha256: wrong,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetUnavailableError);
    expect(err.message.replace(/\s+/g, " ")).toContain(
      `has SHA-256 ${archiveSha}, but ${wrong} was expected; it was not saved`,
    );
    expect(listFiles(cacheDir)).toEqual([]);
  });

  test("an HTTP error is reported with its status", async () => {
    const err = await fetchCaliforniaHousing({
      dataHome: null,
      cacheDir: tempDir(),
      url: server.url("/nope"),
      sha256: archiveSha,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetUnavailableError);
    expect(err.message).toContain("HTTP 404 Not Found");
  });

  test("a damaged cached archive is replaced by a fresh download", async () => {
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, "california_housing"));
    writeFileSync(
      join(cacheDir, "california_housing", "cal_housing.tgz"),
      Buffer.from([0x1f, 0x8b, 1, 2, 3]),
    );
    const opts = { dataHome: null, cacheDir, url: server.url("/files/5976036"), sha256: archiveSha };
    expect(() => fetchCaliforniaHousingSync(opts)).toThrow("is not a readable .tgz archive");
    const housing = await fetchCaliforniaHousing(opts);
    expect(housing.origin).toBe("download");
    expect(sha256(readFileSync(join(cacheDir, "california_housing", "cal_housing.tgz")))).toBe(archiveSha);
  });
});

describe("offline", () => {
  test("what was tried and the ways to fix it, wrapped at 80 columns", async () => {
    const url = await deadUrl();
    const dataHome = tempDir();
    const err = await fetchCaliforniaHousing({
      dataHome,
      cacheDir: tempDir(),
      url,
      sha256: archiveSha,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetUnavailableError);
    const message: string = err.message.replace(/\s+/g, " ");
    // Only an unbreakable word (a long temp path) may run past 80 columns, on a line of its own.
    const long = (err.message as string).split("\n").filter((l) => l.length > 80);
    for (const line of long) expect(line).toMatch(/^\s*(- )?\S+$/);
    expect(err.message.split("\n")[0]).toBe("The California housing data could not be loaded. Places tried:");
    expect(message).toContain(
      `HOML_DATA_HOME (${join(dataHome, "california_housing")}) has no cal_housing.data or cal_housing.tgz`,
    );
    expect(message).toContain(`the download from ${url} failed (connect ECONNREFUSED`);
    expect(message).toContain(
      "set HOML_DATA_HOME to a folder whose california_housing/ subfolder holds cal_housing.data",
    );
    expect(message).toContain("`npm run data -- --import <file>`");
    expect(err.attempts).toHaveLength(3);
  });

  test("the sync loader never downloads and says how to get the data", () => {
    let message = "";
    try {
      fetchCaliforniaHousingSync({ dataHome: null, cacheDir: tempDir(), url: server.url("/files/5976036") });
    } catch (e) {
      message = (e as Error).message.replace(/\s+/g, " ");
    }
    expect(message).toMatch(
      /HOML_DATA_HOME is not set - .*no download was tried, since fetchCaliforniaHousingSync only reads local files To fix this/,
    );
  });

  test("download: false is honoured", async () => {
    const hitsBefore = server.hits.length;
    await expect(
      fetchCaliforniaHousing({ dataHome: null, cacheDir: tempDir(), download: false }),
    ).rejects.toThrow("downloading was turned off");
    expect(server.hits.length).toBe(hitsBefore);
  });
});

describe("files that are not the data", () => {
  test("a short cal_housing.data in HOML_DATA_HOME is rejected by name, not skipped", async () => {
    const dataHome = tempDir();
    mkdirSync(join(dataHome, "california_housing"));
    const file = join(dataHome, "california_housing", "cal_housing.data");
    writeFileSync(file, THREE_ROWS);
    await expect(fetchCaliforniaHousing({ dataHome, cacheDir: tempDir(), download: false })).rejects.toThrow(
      new DatasetFormatError(`${file} has 3 data rows; the California housing data has 20,640.`),
    );
  });

  test("parse errors name the file, line and column", () => {
    const dataHome = tempDir();
    mkdirSync(join(dataHome, "california_housing"));
    const file = join(dataHome, "california_housing", "cal_housing.data");
    writeFileSync(file, THREE_ROWS + "1,2,3,4,5,6,7,8,oops\n");
    expect(() => fetchCaliforniaHousingSync({ dataHome, cacheDir: tempDir() })).toThrow(
      `${file}, line 4, column 9 (medianHouseValue): "oops" is not a number.`,
    );
    writeFileSync(file, "longitude,latitude,ocean_proximity\n1,2,3\n");
    expect(() => fetchCaliforniaHousingSync({ dataHome, cacheDir: tempDir() })).toThrow(
      `${file}, line 2: expected 9 comma-separated numbers (longitude, latitude, housingMedianAge, totalRooms, totalBedrooms, population, households, medianIncome, medianHouseValue), found 3 fields.`,
    );
  });

  test("an archive without the data file says what it holds", () => {
    const dir = tempDir();
    const bad = join(dir, "other.tgz");
    writeFileSync(bad, makeArchiveOf({ README: "not the data" }));
    expect(() => importCaliforniaHousing(bad, { cacheDir: tempDir() })).toThrow(
      `${bad} has no cal_housing.data in it (it holds`,
    );
  });
});

describe("import", () => {
  test("an archive with the expected checksum is cached, and replaces an imported .data", () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, "california_housing"));
    writeFileSync(join(cacheDir, "california_housing", "cal_housing.data"), "stale");
    const file = join(dir, "downloaded-by-hand.tgz");
    writeFileSync(file, archive);
    const stored = importCaliforniaHousing(file, { cacheDir, sha256: archiveSha });
    expect(stored).toBe(join(cacheDir, "california_housing", "cal_housing.tgz"));
    expect(listFiles(cacheDir)).toEqual(["california_housing/cal_housing.tgz"]);
    expect(fetchCaliforniaHousingSync({ dataHome: null, cacheDir, sha256: archiveSha }).data.rows).toBe(3);
  });

  test("anything else must hold the real values; nothing is written otherwise", () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = join(dir, "cal_housing.data");
    writeFileSync(file, THREE_ROWS);
    expect(() => importCaliforniaHousing(file, { cacheDir })).toThrow("has 3 data rows");
    const tgz = join(dir, "cal_housing.tgz");
    writeFileSync(tgz, archive); // default checksum is scikit-learn's, which this archive does not have
    expect(() => importCaliforniaHousing(tgz, { cacheDir })).toThrow("has 3 data rows");
    expect(() => importCaliforniaHousing(join(dir, "missing.tgz"), { cacheDir })).toThrow(
      "missing.tgz does not exist.",
    );
    expect(listFiles(cacheDir)).toEqual([]);
  });
});

describe("npm run data", () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
  }

  test("downloads what is missing and shows where it is", async () => {
    const cacheDir = tempDir();
    const { io, out, err } = capture();
    const code = await runDataCli([], io, {
      dataHome: null,
      cacheDir,
      url: server.url("/files/5976036"),
      sha256: archiveSha,
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.join("\n")).toContain(
      `downloaded and verified, cached at ${join(cacheDir, "california_housing", "cal_housing.tgz")}`,
    );
    expect(out.join("\n")).toContain("3 rows × 8 features (MedInc, HouseAge, AveRooms");
    const again = capture();
    await runDataCli([], again.io, { dataHome: null, cacheDir, sha256: archiveSha });
    expect(again.out.join("\n")).toContain(
      `found in the kit's cache: ${join(cacheDir, "california_housing", "cal_housing.tgz")}`,
    );
  });

  test("--offline prints the message, exit code 3 (data missing), no stack trace", async () => {
    const { io, err } = capture();
    const code = await runDataCli(["--offline"], io, { dataHome: null, cacheDir: tempDir() });
    expect(code).toBe(DATA_MISSING_EXIT);
    expect(DATA_MISSING_EXIT).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("The California housing data could not be loaded");
    expect(err[0]).not.toMatch(/\n\s+at /);
  });

  test("--import caches a file; bad usage exits 2 with the usage text", async () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = join(dir, "cal_housing.tgz");
    writeFileSync(file, archive);
    const ok = capture();
    expect(await runDataCli(["--import", file], ok.io, { cacheDir, sha256: archiveSha })).toBe(0);
    expect(ok.out[0]).toContain(
      `imported ${file}, stored as ${join(cacheDir, "california_housing", "cal_housing.tgz")}`,
    );
    const bad = capture();
    expect(await runDataCli(["--imprt", file], bad.io)).toBe(2);
    expect(bad.err[0]).toContain("Unknown option '--imprt'");
    expect(bad.err[0]).toContain("npm run data -- --import <file>");
    const broken = capture();
    expect(await runDataCli(["--import", join(dir, "nope.data")], broken.io, { cacheDir })).toBe(1);
    expect(broken.err[0]).toContain("nope.data does not exist.");
  });
});
