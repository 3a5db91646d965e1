/**
 * The StatLib `cal_housing.data` file and the eight features scikit-learn derives from it.
 *
 * The raw file has 20,640 comma-separated rows of nine numbers, in the order of
 * `cal_housing.domain`: longitude, latitude, housingMedianAge, totalRooms, totalBedrooms,
 * population, households, medianIncome, medianHouseValue. scikit-learn's
 * `fetch_california_housing` keeps medianIncome, housingMedianAge and the coordinates, turns the
 * room, bedroom and population counts into per-household averages, and gives the house value in
 * units of $100,000.
 */
import { createHash } from "node:crypto";
import { DatasetFormatError } from "./errors";
import { Matrix, matrix } from "./matrix";

/** The nine columns of `cal_housing.data`, in file order (StatLib's `cal_housing.domain`). */
export const RAW_COLUMNS = [
  "longitude",
  "latitude",
  "housingMedianAge",
  "totalRooms",
  "totalBedrooms",
  "population",
  "households",
  "medianIncome",
  "medianHouseValue",
] as const;

/** scikit-learn's `feature_names` of `fetch_california_housing`, in column order. */
export const FEATURE_NAMES = [
  "MedInc",
  "HouseAge",
  "AveRooms",
  "AveBedrms",
  "Population",
  "AveOccup",
  "Latitude",
  "Longitude",
] as const;
/** scikit-learn's `target_names` of `fetch_california_housing`. */
export const TARGET_NAMES = ["MedHouseVal"] as const;

export const EXPECTED_ROWS = 20640;

/**
 * SHA-256 of the parsed values (20,640 × 9 float64, row-major, little-endian, raw column order).
 * It identifies the data whatever the file's formatting (CRLF, a header line, trailing zeros).
 */
export const VALUES_SHA256 = "a2f4f55ff91c67e60391318ea4d61d247d09f8fef119ec6f44a1eb727d7f1f7b";

/** Raw values, rows × 9, in the file's column order. */
export type RawTable = Matrix;

/**
 * Parses `cal_housing.data` text. A first line of column names is skipped; anything else non-numeric is an
 * error. scikit-learn reads the same file with `np.loadtxt(..., delimiter=",")`
 * (sklearn/datasets/_california_housing.py, `fetch_california_housing`).
 * @param text - The file's text.
 * @param label - Names the file in error messages.
 * @returns The raw table, rows × 9, in {@link RAW_COLUMNS} order.
 * @throws {@link DatasetFormatError} when a row does not hold nine numbers.
 * @example
 * ```ts
 * import { parseCalHousingData } from "tensorlings/datasets";
 * const raw = parseCalHousingData("-122.23,37.88,41,880,129,322,126,8.3252,452600\n", "sample");
 * ```
 */
export function parseCalHousingData(text: string, label: string): RawTable {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const start = lines.length > 0 && /^\s*[A-Za-z_]/.test(lines[0]) ? 1 : 0;
  const ncol = RAW_COLUMNS.length;
  const rows = lines.length - start;
  const out = matrix(rows, ncol);
  for (let r = 0; r < rows; r++) {
    const fields = lines[start + r].split(",");
    if (fields.length !== ncol) {
      throw new DatasetFormatError(
        `${label}, line ${start + r + 1}: expected ${ncol} comma-separated numbers (${RAW_COLUMNS.join(", ")}), found ${fields.length} fields.`,
      );
    }
    for (let c = 0; c < ncol; c++) {
      const s = fields[c].trim();
      const v = s === "" ? NaN : Number(s);
      if (!Number.isFinite(v)) {
        throw new DatasetFormatError(
          `${label}, line ${start + r + 1}, column ${c + 1} (${RAW_COLUMNS[c]}): ${JSON.stringify(fields[c])} is not a number.`,
        );
      }
      out.data[r * ncol + c] = v;
    }
  }
  return out;
}

export function valuesSha256(raw: RawTable): string {
  const bytes = new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
  return createHash("sha256").update(bytes).digest("hex");
}

/** Throws unless the table is exactly the California housing data scikit-learn uses. */
export function checkIsCaliforniaHousing(raw: RawTable, label: string): void {
  if (raw.rows !== EXPECTED_ROWS) {
    throw new DatasetFormatError(
      `${label} has ${raw.rows} data rows; the California housing data has ${EXPECTED_ROWS.toLocaleString("en-US")}.`,
    );
  }
  if (valuesSha256(raw) !== VALUES_SHA256) {
    throw new DatasetFormatError(
      `${label} has the right shape but not the same values as scikit-learn's cal_housing.data (another variant or an edited copy).`,
    );
  }
}

/**
 * Derives scikit-learn's features and target, in the original row order and with its float64 operations:
 * per-household averages of rooms, bedrooms and population, and the house value in $100,000
 * (sklearn/datasets/_california_housing.py, `fetch_california_housing`).
 * @param raw - The table from {@link parseCalHousingData}.
 * @returns `data`, rows × 8 in {@link FEATURE_NAMES} order, and `target`.
 * @example
 * ```ts
 * import { deriveCaliforniaHousing, parseCalHousingData } from "tensorlings/datasets";
 * const raw = parseCalHousingData("-122.23,37.88,41,880,129,322,126,8.3252,452600\n", "sample");
 * const { data, target } = deriveCaliforniaHousing(raw); // target[0] = 4.526
 * ```
 */
export function deriveCaliforniaHousing(raw: RawTable): {
  /** The eight features, rows × 8. */
  data: Matrix;
  /** Median house value per row, in $100,000. */
  target: Float64Array;
} {
  const n = raw.rows;
  const src = raw.data;
  const data = matrix(n, FEATURE_NAMES.length);
  const target = new Float64Array(n);
  const d = data.data;
  for (let i = 0; i < n; i++) {
    const r = i * 9;
    const o = i * 8;
    const households = src[r + 6];
    d[o] = src[r + 7]; // MedInc
    d[o + 1] = src[r + 2]; // HouseAge
    d[o + 2] = src[r + 3] / households; // AveRooms
    d[o + 3] = src[r + 4] / households; // AveBedrms
    d[o + 4] = src[r + 5]; // Population
    d[o + 5] = src[r + 5] / households; // AveOccup
    d[o + 6] = src[r + 1]; // Latitude
    d[o + 7] = src[r]; // Longitude
    target[i] = src[r + 8] / 100000.0;
  }
  return { data, target };
}
