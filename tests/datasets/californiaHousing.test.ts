/**
 * The loader against the real data: value-for-value equality with the derived CSV in
 * $HOML_DATA_HOME/california_housing/ (CI sets HOML_DATA_HOME=../shared/datasets).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  StandardScaler,
  fetchCaliforniaHousing,
  fetchCaliforniaHousingSync,
  getRow,
  importCaliforniaHousing,
  type CaliforniaHousing,
} from "tensorlings/datasets";
import { f64, firstMismatch, loadFixture } from "./fixtures";
import { listFiles, makeArchive, removeTempDirs, tempDir } from "./loopback";

const home = process.env.HOML_DATA_HOME;
const describeWithData = home ? describe : describe.skip;
if (!home) {
  test.skip("California housing equality tests need HOML_DATA_HOME (e.g. HOML_DATA_HOME=../shared/datasets); skipped", () => {});
}

afterAll(removeTempDirs);

describeWithData("fetchCaliforniaHousing on the real data", () => {
  const dir = join(home ?? "", "california_housing");
  let housing: CaliforniaHousing;
  beforeAll(() => {
    housing = fetchCaliforniaHousingSync({ cacheDir: tempDir() });
  });

  test("equals california_housing.csv value for value (20,640 × 9 float64)", () => {
    const lines = readFileSync(join(dir, "california_housing.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0].split(",")).toEqual([...housing.featureNames, ...housing.targetNames]);
    expect(lines.length - 1).toBe(20640);
    expect([housing.data.rows, housing.data.cols, housing.target.length]).toEqual([20640, 8, 20640]);
    const csv = lines.slice(1).map((l) => l.split(",").map(Number));
    const features = csv.flatMap((row) => row.slice(0, 8));
    const target = csv.map((row) => row[8]);
    expect(firstMismatch(housing.data.data, features)).toBe(-1);
    expect(firstMismatch(housing.target, target)).toBe(-1);
  });

  test("names, source and the published first district", () => {
    expect(housing.featureNames).toEqual([
      "MedInc",
      "HouseAge",
      "AveRooms",
      "AveBedrms",
      "Population",
      "AveOccup",
      "Latitude",
      "Longitude",
    ]);
    expect(housing.targetNames).toEqual(["MedHouseVal"]);
    expect(housing.origin).toBe("HOML_DATA_HOME");
    expect(housing.source).toBe(join(dir, "cal_housing.data"));
    expect(Array.from(getRow(housing.data, 0))).toEqual([
      8.3252, 41.0, 6.984126984126984, 1.0238095238095237, 322.0, 2.5555555555555554, 37.88, -122.23,
    ]);
  });

  test("the async loader finds the same file without downloading", async () => {
    const again = await fetchCaliforniaHousing({ cacheDir: tempDir(), url: "http://127.0.0.1:9/never-used" });
    expect(again.source).toBe(housing.source);
    expect(firstMismatch(again.data.data, housing.data.data)).toBe(-1);
  });

  test("an archive of it (not scikit-learn's bytes) is accepted because its values match", () => {
    const dataHome = tempDir();
    mkdirSync(join(dataHome, "california_housing"));
    writeFileSync(
      join(dataHome, "california_housing", "cal_housing.tgz"),
      makeArchive(readFileSync(join(dir, "cal_housing.data"), "utf8")),
    );
    const fromTgz = fetchCaliforniaHousingSync({ dataHome, cacheDir: tempDir() });
    expect(fromTgz.source).toBe(join(dataHome, "california_housing", "cal_housing.tgz"));
    expect(firstMismatch(fromTgz.target, housing.target)).toBe(-1);
  });

  test("import accepts a CRLF copy with a header line, rejects an edited one", () => {
    const text = readFileSync(join(dir, "cal_housing.data"), "utf8");
    const scratch = tempDir();
    const variant = join(scratch, "cal_housing_crlf.data");
    writeFileSync(
      variant,
      "longitude,latitude,housingMedianAge,totalRooms,totalBedrooms,population,households,medianIncome,medianHouseValue\r\n" +
        text.replace(/\n/g, "\r\n"),
    );
    const cacheDir = tempDir();
    importCaliforniaHousing(variant, { cacheDir });
    expect(listFiles(cacheDir)).toEqual(["california_housing/cal_housing.data"]);
    const cached = fetchCaliforniaHousingSync({ dataHome: null, cacheDir });
    expect(cached.origin).toBe("cache");
    expect(firstMismatch(cached.data.data, housing.data.data)).toBe(-1);

    const edited = join(scratch, "edited.data");
    writeFileSync(edited, text.replace("8.325200", "8.325300"));
    expect(() => importCaliforniaHousing(edited, { cacheDir: tempDir() })).toThrow(
      "has the right shape but not the same values",
    );
  });

  test("StandardScaler on it matches scikit-learn's algorithm run by NumPy, bit for bit", () => {
    const expected = loadFixture("scaler.json").californiaHousing;
    const scaler = new StandardScaler();
    const scaled = scaler.fitTransform(housing.data);
    expect(firstMismatch(scaler.mean, f64(expected.mean))).toBe(-1);
    expect(firstMismatch(scaler.variance, f64(expected.var))).toBe(-1);
    expect(firstMismatch(scaler.scale, f64(expected.scale))).toBe(-1);
    expect(firstMismatch(getRow(scaled, 0), f64(expected.transformedFirstRow))).toBe(-1);
    const digest = createHash("sha256").update(new Uint8Array(scaled.data.buffer)).digest("hex");
    expect(digest).toBe(expected.transformedSha256);
  });
});
