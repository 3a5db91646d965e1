/** The board's HTTP server: page, CSP, JSON endpoints, and following a log directory while it grows. */
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { CONTENT_SECURITY_POLICY, startBoard, type Board } from "../../board/server/server";
import type { GraphResponse, RunsResponse, ScalarsResponse } from "../../board/shared/apiTypes";
import { encodeEvent, encodeRecord, readLogdir } from "../../src/io";
import { tempDir } from "./helpers";
import { LOSS_TAG, appendLosses, writeLogregRun, type WrittenRun } from "./logregFixture";

const logdir = tempDir();
let board: Board;
let run1: WrittenRun;

beforeAll(async () => {
  run1 = writeLogregRun(logdir, { name: "logreg-run-1", epochs: 5 });
  writeLogregRun(logdir, { name: "logreg-run-2", epochs: 3, learningRate: 0.1 }).writer.close();
  board = await startBoard({ logdir, port: 0, minRefreshMs: 0 });
});
afterAll(async () => {
  run1.writer.close();
  await board?.close();
});

const get = (p: string) => fetch(new URL(p, board.url));
const getJson = async <T>(p: string): Promise<T> => (await get(p)).json() as Promise<T>;

describe("the page", () => {
  test("is served from 127.0.0.1 with a CSP that forbids loading anything from elsewhere", async () => {
    expect(board.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script src="/app.js"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  test("the bundle holds uPlot and dagre, and nothing is fetched from another host", async () => {
    const js = await (await get("/app.js")).text();
    const css = await (await get("/app.css")).text();
    expect(js.length).toBeGreaterThan(50_000);
    expect(js).toContain("u-over"); // uPlot's plotting area
    expect(css).toContain(".u-legend");
    // No script import or stylesheet from a URL (URLs in strings, e.g. the SVG namespace, are fine).
    expect(js).not.toMatch(/import\s*\(\s*["']https?:/);
    expect(css).not.toMatch(/@import|url\(\s*["']?https?:/);
  });

  test("unknown paths and methods", async () => {
    expect((await get("/nope")).status).toBe(404);
    expect((await fetch(board.url, { method: "POST" })).status).toBe(405);
  });
});

describe("the JSON endpoints", () => {
  test("/api/runs lists the runs with their tags and point counts", async () => {
    const res = await getJson<RunsResponse>("/api/runs");
    expect(res.logdir).toBe(logdir);
    expect(res.runs.map((r) => [r.name, r.tags, r.graphVersion])).toEqual([
      ["logreg-run-1", [{ tag: LOSS_TAG, points: 5, lastStep: 4 }], 1],
      ["logreg-run-2", [{ tag: LOSS_TAG, points: 3, lastStep: 2 }], 1],
    ]);
  });

  test("/api/scalars returns [wallTime, step, value] as in the event file", async () => {
    const res = await getJson<ScalarsResponse>(`/api/scalars?run=logreg-run-2&tag=${LOSS_TAG}`);
    const expected = readLogdir(logdir)[1].scalars.get(LOSS_TAG)!;
    expect(res.points).toEqual(expected.map((p) => [p.wallTime, p.step, p.value]));
    expect(res.points.map((p) => p[1])).toEqual([0, 1, 2]);
  });

  test("/api/graph returns each node's op, inputs, dtype and output shapes", async () => {
    const res = await getJson<GraphResponse>("/api/graph?run=logreg-run-1");
    expect(res.nodes).toHaveLength(readLogdir(logdir)[0].graph!.nodes.length);
    const logits = res.nodes.find((n) => n.name === "logistic_regression/model/logits")!;
    expect(logits).toMatchObject({ op: "MatMul", dtype: "float32", shapes: ["[?,1]"], inputs: ["X", "logistic_regression/model/theta/read"] });
    expect(logits.attrs).toMatchObject({ T: "float32", transpose_a: "false", transpose_b: "false" });
    const theta = res.nodes.find((n) => n.name === "logistic_regression/model/theta")!;
    expect(theta).toMatchObject({ op: "VariableV2", dtype: "float32", shapes: ["[7,1]"] });
    const init = res.nodes.find((n) => n.name === "logistic_regression/init/init")!;
    expect(init.inputs).toEqual(["^logistic_regression/model/theta/Assign"]);
  });

  test("bad requests say what is wrong", async () => {
    const missing = await get("/api/scalars?run=logreg-run-1");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "missing query parameter 'tag'" });
    const noRun = await get("/api/graph?run=other");
    expect(noRun.status).toBe(404);
    expect(await noRun.json()).toEqual({ error: "no run named 'other'" });
    expect(await (await get("/api/scalars?run=logreg-run-1&tag=acc")).json()).toEqual({ error: "run 'logreg-run-1' has no scalar tag 'acc'" });
    expect((await get("/api/other")).status).toBe(404);
  });
});

describe("following a log directory while training writes", () => {
  test("new points, a half-written record, and a new run", async () => {
    appendLosses(run1, [
      { step: 5, value: 0.5 },
      { step: 6, value: 0.45 },
    ]);
    const points = async (run: string) => (await getJson<RunsResponse>("/api/runs")).runs.find((r) => r.name === run)?.tags[0]?.points;
    expect(await points("logreg-run-1")).toBe(7);

    // A record whose writer has not finished yet is not read until it is complete.
    const file = path.join(logdir, "logreg-run-1", fs.readdirSync(path.join(logdir, "logreg-run-1"))[0]);
    const record = encodeRecord(encodeEvent({ wallTime: 1, step: 7, summary: { value: [{ tag: LOSS_TAG, simpleValue: 0.4 }] } }));
    fs.appendFileSync(file, record.subarray(0, 10));
    expect(await points("logreg-run-1")).toBe(7);
    fs.appendFileSync(file, record.subarray(10));
    expect(await points("logreg-run-1")).toBe(8);
    const series = await getJson<ScalarsResponse>(`/api/scalars?run=logreg-run-1&tag=${LOSS_TAG}`);
    expect(series.points.slice(-3).map((p) => [p[1], p[2]])).toEqual([
      [5, 0.5],
      [6, Math.fround(0.45)],
      [7, Math.fround(0.4)],
    ]);

    writeLogregRun(logdir, { name: "nested/logreg-run-3", epochs: 1 }).writer.close();
    expect(await points("nested/logreg-run-3")).toBe(1);
  });

  test("a corrupted record is reported; what came before it stays", async () => {
    const dir = path.join(logdir, "broken");
    fs.mkdirSync(dir);
    const good = encodeRecord(encodeEvent({ wallTime: 1, step: 0, summary: { value: [{ tag: "x", simpleValue: 1 }] } }));
    const bad = Buffer.from(encodeRecord(encodeEvent({ wallTime: 2, step: 1, summary: { value: [{ tag: "x", simpleValue: 2 }] } })));
    bad[bad.length - 1] ^= 0xff;
    fs.writeFileSync(path.join(dir, "events.out.tfevents.1.host"), Buffer.concat([good, bad]));
    const run = (await getJson<RunsResponse>("/api/runs")).runs.find((r) => r.name === "broken")!;
    expect(run.tags).toEqual([{ tag: "x", points: 1, lastStep: 0 }]);
    expect(run.error).toMatch(/data checksum does not match/);
  });

  test("a missing log directory is reported, not fatal", async () => {
    const other = await startBoard({ logdir: path.join(logdir, "does-not-exist"), port: 0 });
    try {
      const res = (await (await fetch(new URL("/api/runs", other.url))).json()) as RunsResponse;
      expect(res).toEqual({ logdir: path.join(logdir, "does-not-exist"), runs: [], error: `log directory not found: ${path.join(logdir, "does-not-exist")}` });
    } finally {
      await other.close();
    }
  });
});

test("a port in use gives a message naming it", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    await expect(startBoard({ logdir, port })).rejects.toThrow(`port ${port} is already in use; pick another with --port (0 = any free port)`);
  } finally {
    blocker.close();
  }
});
