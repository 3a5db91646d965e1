/**
 * The page's files: `board/client` bundled by esbuild (uPlot, dagre and the board's own code into
 * one script and one stylesheet) when the server starts, and kept in memory. Nothing is fetched
 * from the internet, by the server or by the page.
 */
import * as fs from "fs";
import * as path from "path";
import { build, type Message } from "esbuild";

export interface Asset {
  body: Buffer;
  contentType: string;
}

const CLIENT_DIR = path.join(__dirname, "..", "client");

/** `/` (index.html), `/app.js` and `/app.css`. */
export async function bundleClient(): Promise<Map<string, Asset>> {
  const result = await build({
    entryPoints: { app: path.join(CLIENT_DIR, "main.ts") },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    outdir: "/", // only names the in-memory outputs
    write: false,
    logLevel: "silent",
    tsconfig: path.join(CLIENT_DIR, "tsconfig.json"),
  }).catch((e: { errors?: Message[] }) => {
    const where = (m: Message) => (m.location ? `${m.location.file}:${m.location.line}: ` : "");
    throw new Error(`bundling board/client failed:\n${(e.errors ?? []).map((m) => `  ${where(m)}${m.text}`).join("\n") || String(e)}`);
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const contentType = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    assets.set(`/${name}`, { body: Buffer.from(file.contents), contentType });
  }
  if (!assets.has("/app.js") || !assets.has("/app.css")) {
    throw new Error(`bundling board/client gave ${[...assets.keys()].join(", ")}, expected /app.js and /app.css`);
  }
  assets.set("/", { body: fs.readFileSync(path.join(CLIENT_DIR, "index.html")), contentType: "text/html; charset=utf-8" });
  return assets;
}
