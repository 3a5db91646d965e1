/**
 * The board in real headless Chromium (Debian's `chromium`, driven by playwright-core), on a log
 * directory written like exercise 12's: one point per logged step on the chart, the
 * `logistic_regression` scopes in the graph, live updates, nothing loaded from elsewhere.
 * Saves out/board.png (graph) and out/board-scalars.png as artifacts.
 *
 * Without Chromium the suite fails under CI (CI=true) and is skipped elsewhere.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startBoard, type Board } from "../../board/server/server";
import { tempDir } from "./helpers";
import { LOSS_TAG, appendLosses, writeLogregRun, type WrittenRun } from "./logregFixture";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT_DIR = path.join(__dirname, "..", "..", "out");
const haveChromium = fs.existsSync(CHROMIUM);
const EPOCHS = [12, 8];

type Plotted = Record<string, Record<string, { x: number[]; y: number[] }>>;
interface BoardHandle {
  ready: boolean;
  polls: number;
  scalars(): Plotted;
  graph(): { run: string; expanded: string[]; visible: string[]; clusters: string[]; selected: string | null };
}
declare const window: { __board?: BoardHandle };

if (!haveChromium && !process.env.CI) {
  console.warn(`board.e2e skipped: no Chromium at ${CHROMIUM} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

(haveChromium || process.env.CI ? describe : describe.skip)("the board in headless Chromium", () => {
  let board: Board;
  let browser: Browser;
  let page: Page;
  let runs: WrittenRun[];
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install Debian's chromium (see .ci/run) or set CHROMIUM_PATH`);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const logdir = tempDir();
    runs = [writeLogregRun(logdir, { name: "logreg-run-1", epochs: EPOCHS[0] }), writeLogregRun(logdir, { name: "logreg-run-2", epochs: EPOCHS[1], learningRate: 0.05 })];
    board = await startBoard({ logdir, port: 0, minRefreshMs: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Playwright gives each launch a fresh, temporary profile directory.
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${board.url}?poll=300`);
    await page.waitForFunction(() => window.__board?.ready === true);
  });

  afterAll(async () => {
    for (const r of runs ?? []) r.writer.close();
    await browser?.close();
    await board?.close();
  });

  test("the chart holds one point per logged step, for every run, with the logged values", async () => {
    await page.waitForSelector(`.chart-card[data-tag="${LOSS_TAG}"] canvas`);
    const plotted = await page.evaluate(() => window.__board!.scalars());
    expect(Object.keys(plotted)).toEqual([LOSS_TAG]);
    runs.forEach((run, i) => {
      const series = plotted[LOSS_TAG][run.name];
      expect(series.x).toEqual([...Array(EPOCHS[i]).keys()]);
      expect(series.y).toEqual(run.losses.map(Math.fround));
    });
    await page.screenshot({ path: path.join(OUT_DIR, "board-scalars.png") });
  });

  test("hovering shows each run's value at the cursor", async () => {
    const over = (await page.locator(".u-over").first().boundingBox())!;
    await page.mouse.move(over.x + 2, over.y + over.height / 2); // near step 0
    const tooltip = page.locator(".chart-tooltip");
    await tooltip.waitFor({ state: "visible" });
    const text = await tooltip.innerText();
    expect(text).toContain("step 0");
    expect(text).toContain("logreg-run-1");
    expect(text).toContain(String(Number(Math.fround(runs[0].losses[0]).toPrecision(5))));
    await page.mouse.move(0, 0);
  });

  test("points logged while the page is open appear on the chart", async () => {
    const first = EPOCHS[0];
    appendLosses(runs[0], [
      { step: first, value: 0.3 },
      { step: first + 1, value: 0.29 },
    ]);
    await page.waitForFunction((n) => window.__board!.scalars()["log_loss"]["logreg-run-1"].x.length === n, first + 2);
    const series = (await page.evaluate(() => window.__board!.scalars()))[LOSS_TAG]["logreg-run-1"];
    expect(series.x.slice(-2)).toEqual([first, first + 1]);
    expect(series.y.slice(-2)).toEqual([Math.fround(0.3), Math.fround(0.29)]);
  });

  test("the graph shows the logistic_regression scopes; a click opens one", async () => {
    await page.click('[data-tab="graph"]');
    await page.waitForSelector('[data-node="logistic_regression"][data-kind="scope"]');
    expect((await page.evaluate(() => window.__board!.graph())).visible.sort()).toEqual(["X", "logistic_regression", "y"]);

    await page.click('[data-node="logistic_regression"]');
    for (const scope of ["model", "train", "init", "save"]) {
      await page.waitForSelector(`[data-node="logistic_regression/${scope}"][data-kind="scope"]`);
    }
    const state = await page.evaluate(() => window.__board!.graph());
    expect(state.clusters).toEqual(["logistic_regression"]);
    expect(state.visible.filter((id) => id.startsWith("logistic_regression/")).sort()).toEqual([
      "logistic_regression/init",
      "logistic_regression/model",
      "logistic_regression/save",
      "logistic_regression/train",
    ]);
  });

  test("selecting an op shows its op, inputs, shape and dtype", async () => {
    await page.click('[data-node="logistic_regression/model"]');
    await page.click('[data-node="logistic_regression/model/logits"]');
    const details = page.locator('.details[data-details="logistic_regression/model/logits"]');
    await details.waitFor();
    expect(await details.locator('[data-field="op"]').innerText()).toBe("MatMul");
    expect(await details.locator('[data-field="dtype"]').innerText()).toBe("float32");
    expect(await details.locator('[data-field="shape"]').innerText()).toBe("[?,1]");
    expect(await details.locator("ul.names").first().innerText()).toBe("X\nlogistic_regression/model/theta/read");
    await page.screenshot({ path: path.join(OUT_DIR, "board.png") });
  });

  test("a double-click opens a scope (as in TensorBoard) rather than opening and closing it", async () => {
    await page.click(".graph-toolbar >> text=Fit");
    await page.dblclick('[data-node="logistic_regression/train"]');
    await page.waitForSelector('[data-node="logistic_regression/train/gradients"]');
    expect((await page.evaluate(() => window.__board!.graph())).clusters).toContain("logistic_regression/train");
  });

  test("everything came from the board itself, with no errors or CSP violations", () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(board.url) && !url.startsWith("data:"))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
