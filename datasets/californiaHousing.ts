/**
 * `fetchCaliforniaHousing`: the data of scikit-learn's `fetch_california_housing`, found in this
 * order: `$HOML_DATA_HOME/california_housing/`, the kit's cache, then a download of the archive
 * scikit-learn downloads (checked against its SHA-256 and saved to the cache).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { isGzip, readTgzMember } from "./archive";
import { datasetCacheDir, defaultCacheDir, writeFileAtomic } from "./cache";
import {
  FEATURE_NAMES,
  TARGET_NAMES,
  checkIsCaliforniaHousing,
  deriveCaliforniaHousing,
  parseCalHousingData,
  type RawTable,
} from "./calHousingFormat";
import { downloadVerified, sha256Hex } from "./download";
import { DatasetFormatError, DatasetUnavailableError, wrapMessage } from "./errors";
import { Matrix } from "./matrix";

/** The archive scikit-learn downloads (`sklearn/datasets/_california_housing.py`). */
export const CALIFORNIA_HOUSING_ARCHIVE = {
  /** Name of the archive in the cache. */
  fileName: "cal_housing.tgz",
  /** Where scikit-learn downloads it from. */
  url: "https://ndownloader.figshare.com/files/5976036",
  /** Its published SHA-256. */
  sha256: "aaa5c9a6afe2225cc2aed2723682ae403280c4a3695a2ddda4ffb5d8215ea681",
} as const;

const DATASET_DIR = "california_housing";
const DATA_FILE = "cal_housing.data";
/** Where a file may sit inside a data folder, in the order looked at. */
const CANDIDATES = [DATA_FILE, CALIFORNIA_HOUSING_ARCHIVE.fileName, join("CaliforniaHousing", DATA_FILE)];

/** Where the data came from: the `HOML_DATA_HOME` folder, the kit's cache, or a fresh download. */
export type DataOrigin = "HOML_DATA_HOME" | "cache" | "download";

/** The data set as scikit-learn's `fetch_california_housing()` returns it (a `Bunch`). */
export interface CaliforniaHousing {
  /** 20,640 × 8 features, in `featureNames` order. */
  data: Matrix;
  /** Median house value per district, in $100,000. */
  target: Float64Array;
  /** The eight feature names (`feature_names`), e.g. `MedInc`. */
  featureNames: string[];
  /** The target's name, `MedHouseVal` (`target_names`). */
  targetNames: string[];
  /** The file the data was read from. */
  source: string;
  /** Where the file came from. */
  origin: DataOrigin;
}

/** Options of the California housing loaders (scikit-learn's `data_home=` and `download_if_missing=`). */
export interface CaliforniaHousingOptions {
  /** Folder holding `california_housing/`; defaults to `$HOML_DATA_HOME`, `null` skips it. */
  dataHome?: string | null;
  /** The kit's cache; defaults to `.tensorlings/data/` at the kit's root. */
  cacheDir?: string;
  /** Download when nothing local is found (default true; `fetchCaliforniaHousingSync` never downloads). */
  download?: boolean;
  /** Archive address and checksum, replaceable for mirrors and tests. */
  url?: string;
  /** Expected SHA-256 of the archive (the published one by default). */
  sha256?: string;
  /** Give up a download after this many milliseconds. */
  timeoutMs?: number;
}

/** A local copy of the data, as {@link locateCaliforniaHousing} finds it. */
export interface Located {
  /** The file (`cal_housing.data` or `cal_housing.tgz`). */
  file: string;
  /** Which folder it is in. */
  origin: Exclude<DataOrigin, "download">;
}

interface Resolved {
  dataHome: string | null;
  cacheDir: string;
  url: string;
  sha256: string;
}

function resolveOptions(options: CaliforniaHousingOptions): Resolved {
  const fromEnv = process.env.HOML_DATA_HOME;
  const dataHome = options.dataHome === undefined ? (fromEnv ? fromEnv : null) : options.dataHome;
  return {
    dataHome: dataHome === null ? null : resolve(dataHome),
    cacheDir: resolve(options.cacheDir ?? defaultCacheDir()),
    url: options.url ?? CALIFORNIA_HOUSING_ARCHIVE.url,
    sha256: (options.sha256 ?? CALIFORNIA_HOUSING_ARCHIVE.sha256).toLowerCase(),
  };
}

/**
 * The first local file found (HOML_DATA_HOME before the cache), and a note on each place looked at.
 * No scikit-learn equivalent: `fetch_california_housing` looks only in its `data_home`.
 * @param options.dataHome - Folder holding `california_housing/` (`$HOML_DATA_HOME`); null skips it.
 * @param options.cacheDir - The kit's cache.
 * @returns `found` when a file exists, and `tried`, one line per place.
 * @example
 * ```ts
 * import { locateCaliforniaHousing } from "tensorlings/datasets";
 * const { found, tried } = locateCaliforniaHousing();
 * ```
 */
export function locateCaliforniaHousing(options: CaliforniaHousingOptions = {}): {
  /** The file found, if any. */
  found?: Located;
  /** One line per place looked at, with what was there. */
  tried: string[];
} {
  const opts = resolveOptions(options);
  const tried: string[] = [];
  const places: [Located["origin"], string | null][] = [
    ["HOML_DATA_HOME", opts.dataHome === null ? null : join(opts.dataHome, DATASET_DIR)],
    ["cache", datasetCacheDir(opts.cacheDir, DATASET_DIR)],
  ];
  for (const [origin, dir] of places) {
    if (dir === null) {
      tried.push("HOML_DATA_HOME is not set");
      continue;
    }
    const file = CANDIDATES.map((c) => join(dir, c)).find((f) => existsSync(f));
    if (file) return { found: { file, origin }, tried };
    tried.push(
      `${origin === "cache" ? "the kit's cache" : "HOML_DATA_HOME"} (${dir}) has no ${DATA_FILE} or ${CALIFORNIA_HOUSING_ARCHIVE.fileName}`,
    );
  }
  return { tried };
}

/**
 * Reads the data from local files only. For scripts that cannot `await`; run `npm run data` once first.
 * Mirrors scikit-learn's `fetch_california_housing(download_if_missing=False)`
 * (sklearn/datasets/_california_housing.py).
 * @param options.dataHome - Folder holding `california_housing/` (`$HOML_DATA_HOME`); null skips it.
 * @param options.cacheDir - The kit's cache.
 * @param options.sha256 - Expected SHA-256 of an archive.
 * @returns The features, target and names.
 * @throws {@link DatasetUnavailableError} (with the fix in its message) when no local copy exists.
 * @throws {@link DatasetFormatError} when the file found does not hold the expected data.
 * @example
 * ```ts
 * import { fetchCaliforniaHousingSync } from "tensorlings/datasets";
 * const housing = fetchCaliforniaHousingSync();
 * const [m, n] = [housing.data.rows, housing.data.cols]; // 20640, 8
 * ```
 */
export function fetchCaliforniaHousingSync(options: CaliforniaHousingOptions = {}): CaliforniaHousing {
  const { found, tried } = locateCaliforniaHousing(options);
  if (found) return loadLocated(found, resolveOptions(options).sha256);
  throw unavailable(
    resolveOptions(options),
    tried,
    "no download was tried, since fetchCaliforniaHousingSync only reads local files",
  );
}

/**
 * Like {@link fetchCaliforniaHousingSync}, then downloads the archive into the cache (checking its
 * SHA-256) when nothing local exists. Mirrors scikit-learn's `fetch_california_housing()`
 * (sklearn/datasets/_california_housing.py).
 * @param options.dataHome - Folder holding `california_housing/` (`$HOML_DATA_HOME`); null skips it.
 * @param options.cacheDir - The kit's cache.
 * @param options.download - Download when nothing local is found (true).
 * @param options.url - The archive's address.
 * @param options.sha256 - Its expected SHA-256.
 * @param options.timeoutMs - Download timeout.
 * @returns A promise of the features, target and names.
 * @throws {@link DatasetUnavailableError} when nothing is local and downloading is off or impossible.
 * @throws {@link DownloadError} when the download fails.
 * @throws {@link ChecksumMismatchError} when the download has the wrong SHA-256.
 * @throws {@link DatasetFormatError} when a file does not hold the expected data.
 * @example
 * ```ts
 * import { fetchCaliforniaHousing } from "tensorlings/datasets";
 * async function load(): Promise<void> {
 *   const housing = await fetchCaliforniaHousing();
 *   const target = housing.target; // median house values in $100,000
 * }
 * ```
 */
export async function fetchCaliforniaHousing(
  options: CaliforniaHousingOptions = {},
): Promise<CaliforniaHousing> {
  const opts = resolveOptions(options);
  const { found, tried } = locateCaliforniaHousing(options);
  if (found) {
    try {
      return loadLocated(found, opts.sha256);
    } catch (err) {
      // A damaged cache entry is replaced by a fresh download; a bad file the learner pointed to is reported.
      if (found.origin !== "cache" || !(err instanceof DatasetFormatError)) throw err;
      tried.push(`the cached ${found.file} is damaged (${err.message})`);
    }
  }
  if (options.download === false) throw unavailable(opts, tried, "downloading was turned off");
  let archive: Buffer;
  try {
    archive = await downloadVerified(opts.url, opts.sha256, options.timeoutMs);
  } catch (err) {
    throw unavailable(opts, tried, `the download from ${opts.url} failed (${(err as Error).message})`);
  }
  const raw = rawFromArchive(archive, opts.url);
  const cached = join(datasetCacheDir(opts.cacheDir, DATASET_DIR), CALIFORNIA_HOUSING_ARCHIVE.fileName);
  storeInCache(cached, archive);
  return assemble(raw, cached, "download");
}

/**
 * Copies a `cal_housing.tgz` or `cal_housing.data` obtained some other way into the cache, after
 * checking that it holds the right data (no scikit-learn equivalent; `npm run data -- --import` uses it).
 * @param file - The archive or data file.
 * @param options.cacheDir - The kit's cache.
 * @param options.sha256 - Expected SHA-256 of an archive.
 * @returns Where it was stored.
 * @throws {@link DatasetFormatError} when the file is missing or does not hold the expected data.
 * @example
 * ```ts
 * import { importCaliforniaHousing } from "tensorlings/datasets";
 * const stored = importCaliforniaHousing("Downloads/cal_housing.tgz");
 * ```
 */
export function importCaliforniaHousing(
  file: string,
  options: Pick<CaliforniaHousingOptions, "cacheDir" | "sha256"> = {},
): string {
  const opts = resolveOptions({ ...options, dataHome: null });
  const path = resolve(file);
  if (!existsSync(path)) throw new DatasetFormatError(`${path} does not exist.`);
  const bytes = readFileSync(path);
  const archive = isGzip(bytes);
  if (archive) {
    const raw = rawFromArchive(bytes, path);
    if (sha256Hex(bytes) !== opts.sha256) checkIsCaliforniaHousing(raw, path);
  } else {
    checkIsCaliforniaHousing(parseCalHousingData(bytes.toString("utf8"), path), path);
  }
  const dir = datasetCacheDir(opts.cacheDir, DATASET_DIR);
  const target = join(dir, archive ? CALIFORNIA_HOUSING_ARCHIVE.fileName : DATA_FILE);
  writeFileAtomic(target, bytes);
  // Drop the other form so the cache never holds two different copies.
  rmSync(join(dir, archive ? DATA_FILE : CALIFORNIA_HOUSING_ARCHIVE.fileName), { force: true });
  return target;
}

function loadLocated(found: Located, archiveSha256: string): CaliforniaHousing {
  const bytes = readFileSync(found.file);
  if (isGzip(bytes)) {
    const raw = rawFromArchive(bytes, found.file);
    // scikit-learn's own archive is trusted by its checksum; any other archive must hold the same values.
    if (sha256Hex(bytes) !== archiveSha256) checkIsCaliforniaHousing(raw, found.file);
    return assemble(raw, found.file, found.origin);
  }
  const raw = parseCalHousingData(bytes.toString("utf8"), found.file);
  checkIsCaliforniaHousing(raw, found.file);
  return assemble(raw, found.file, found.origin);
}

function rawFromArchive(archive: Uint8Array, label: string): RawTable {
  const text = readTgzMember(archive, DATA_FILE, label).toString("utf8");
  return parseCalHousingData(text, `${DATA_FILE} in ${label}`);
}

function assemble(raw: RawTable, source: string, origin: DataOrigin): CaliforniaHousing {
  const { data, target } = deriveCaliforniaHousing(raw);
  return { data, target, featureNames: [...FEATURE_NAMES], targetNames: [...TARGET_NAMES], source, origin };
}

function storeInCache(file: string, archive: Buffer): void {
  try {
    writeFileAtomic(file, archive);
  } catch (err) {
    // The data is in memory and verified; an unwritable cache only costs a download next time.
    process.emitWarning(
      `Could not save the California housing archive to ${file}: ${(err as Error).message}`,
    );
  }
}

function unavailable(opts: Resolved, tried: string[], downloadNote: string): DatasetUnavailableError {
  const attempts = [...tried, downloadNote];
  const archive = CALIFORNIA_HOUSING_ARCHIVE.fileName;
  const message = wrapMessage([
    "The California housing data could not be loaded. Places tried:",
    ...attempts.map((a) => `  - ${a}`),
    "To fix this, do one of these:",
    `  - set HOML_DATA_HOME to a folder whose ${DATASET_DIR}/ subfolder holds ${DATA_FILE} or ${archive};`,
    `  - get ${archive} (${opts.url}) another way and run \`npm run data -- --import <file>\`;`,
    `  - with a working connection, run \`npm run data\` to download it into ${opts.cacheDir}.`,
  ]);
  return new DatasetUnavailableError(message, attempts);
}
