/**
 * The board's HTTP server (node `http` only), bound to 127.0.0.1: the bundled page and three JSON
 * endpoints. The log directory is re-read (new records only) when the page asks for runs, so
 * curves grow while training runs.
 */
import * as http from "http";
import type { AddressInfo } from "net";
import { bundleClient, type Asset } from "./assets";
import { LogdirWatcher } from "./logdirWatcher";
import { handleApi } from "./api";

export const BOARD_HOST = "127.0.0.1";
const TEXT = "text/plain; charset=utf-8";

/** The page may load only what this server serves, and runs no inline script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface BoardOptions {
  logdir: string;
  /** 0 picks a free port. Default 6006, TensorBoard's. */
  port?: number;
  /** Requests sooner than this after the last re-read of the log directory reuse it. Default 500 ms. */
  minRefreshMs?: number;
}

export interface Board {
  url: string;
  port: number;
  watcher: LogdirWatcher;
  close(): Promise<void>;
}

export async function startBoard(options: BoardOptions): Promise<Board> {
  const assets = await bundleClient();
  const watcher = new LogdirWatcher(options.logdir, options.minRefreshMs);
  watcher.refresh(true);
  const server = http.createServer((req, res) => respond(req, res, assets, watcher));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new Error(`port ${options.port} is already in use; pick another with --port (0 = any free port)`) : e),
    );
    server.listen(options.port ?? 6006, BOARD_HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${BOARD_HOST}:${port}/`,
    port,
    watcher,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function respond(req: http.IncomingMessage, res: http.ServerResponse, assets: Map<string, Asset>, watcher: LogdirWatcher): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cache-Control", "no-store");
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, TEXT, "only GET is supported");
  try {
    if (url.pathname.startsWith("/api/")) {
      const { status, body } = handleApi(url, watcher);
      return send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
    }
    const asset = assets.get(url.pathname === "/index.html" ? "/" : url.pathname);
    if (!asset) return send(res, 404, TEXT, `not found: ${url.pathname}`);
    send(res, 200, asset.contentType, asset.body);
  } catch (e) {
    send(res, 500, "application/json; charset=utf-8", JSON.stringify({ error: (e as Error).message }));
  }
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { "Content-Type": contentType });
  res.end(body);
}
