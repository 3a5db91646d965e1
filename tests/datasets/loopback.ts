/** Test plumbing: temporary folders, a small synthetic cal_housing archive, and a 127.0.0.1 HTTP server. */
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { create as tarCreate } from "tar";

/** The first three rows of the real cal_housing.data, byte for byte. */
export const THREE_ROWS =
  "-122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000\n" +
  "-122.220000,37.860000,21.000000,7099.000000,1106.000000,2401.000000,1138.000000,8.301400,358500.000000\n" +
  "-122.240000,37.850000,52.000000,1467.000000,190.000000,496.000000,177.000000,7.257400,352100.000000\n";

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
