/** Test plumbing: temporary folders, a small synthetic cal_housing archive, and a 127.0.0.1 HTTP server. */
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { create as tarCreate } from "tar";

/**
 * A three-row stand-in for cal_housing.data: the real first row (its derived values are published
 * in the data's SOURCE.md), then two made-up rows in the same format.
 */
export const THREE_ROWS =
  "-122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000\n" +
  "-120.500000,36.250000,12.000000,2000.000000,400.000000,1000.000000,250.000000,4.000000,150000.000000\n" +
  "-118.000000,34.000000,30.000000,300.000000,60.000000,90.000000,30.000000,2.500000,99999.000000\n";

const made: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tensorlings-datasets-"));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** A .tgz laid out like scikit-learn's (CaliforniaHousing/cal_housing.data), built with tar@7. */
export function makeArchive(dataText: string): Buffer {
  return makeArchiveOf({ "CaliforniaHousing/cal_housing.data": dataText });
}

/** A .tgz holding the given files (relative path → content). */
export function makeArchiveOf(files: Record<string, string>): Buffer {
  const root = tempDir();
  const src = join(root, "src");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), content);
  }
  const file = join(root, "archive.tgz");
  tarCreate({ gzip: true, file, cwd: src, sync: true, portable: true }, Object.keys(files));
  return readFileSync(file);
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every file under `dir`, relative paths, sorted (to prove what was or was not written). */
export function listFiles(dir: string, prefix = ""): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

export interface Loopback {
  url: (path: string) => string;
  hits: string[];
  close: () => Promise<void>;
}

/** Serves `routes` (path → body, or a redirect) on 127.0.0.1; anything else is a 404. */
export async function serve(routes: Record<string, Buffer | { redirect: string }>): Promise<Loopback> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const route = routes[req.url ?? ""];
    if (route === undefined) {
      res.writeHead(404, "Not Found").end();
    } else if (Buffer.isBuffer(route)) {
      res
        .writeHead(200, { "content-type": "application/octet-stream", "content-length": route.length })
        .end(route);
    } else {
      res.writeHead(302, { location: route.redirect }).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A loopback address where nothing listens (a port just released), to stand for "offline". */
export async function deadUrl(): Promise<string> {
  const s = await serve({});
  const url = s.url("/files/5976036");
  await s.close();
  return url;
}
