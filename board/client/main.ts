/**
 * The board page: header with tabs, a side panel (runs and chart settings, or the graph's run and
 * node details) and the Scalars or Graph view. Polls the server so new events show up while
 * training runs (every 3 s; `?poll=<ms>` changes it).
 */
import "uplot/dist/uPlot.min.css";
import "./style.css";
import type { RunInfo, RunsResponse } from "../shared/apiTypes";
import { fetchRuns } from "./api";
import { runColor } from "./colors";
import { el, replaceChildren } from "./dom";
import { GraphView } from "./graphView";
import { RunList } from "./runList";
import { ScalarsView } from "./scalarsView";
import { SettingsPanel } from "./settingsPanel";

type Tab = "scalars" | "graph";

const pollMs = Number(new URLSearchParams(location.search).get("poll")) || 3000;
const scalars = new ScalarsView();
const graph = new GraphView();
const settings = new SettingsPanel(() => scalars.redraw(scalarSettings()));
const runList = new RunList(() => void refreshScalars());
let runs: RunInfo[] = [];
let polls = 0;
let ready = false;

const status = el("span", { class: "status" });
const logdirLabel = el("span", { class: "logdir" });
const tabButtons = new Map<Tab, HTMLButtonElement>();
const tabBar = el("nav", { class: "tabs" });
for (const [tab, label] of [["scalars", "Scalars"], ["graph", "Graph"]] as const) {
  const b = el("button", { class: "tab", type: "button", "data-tab": tab }, label);
  b.addEventListener("click", () => showTab(tab));
  tabButtons.set(tab, b);
  tabBar.appendChild(b);
}
const scalarsSide = el("div", { class: "scalars-side" }, runList.root, settings.root);
const side = el("aside", { class: "side" }, scalarsSide, graph.side);
const main = el("main", { class: "content" }, scalars.root, graph.main);
const errors = el("div", { class: "errors", hidden: true });
document.body.append(
  el("header", { class: "topbar" }, el("div", { class: "brand" }, "tensorlings ", el("b", {}, "board")), tabBar, el("div", { class: "topbar-right" }, logdirLabel, status)),
  errors,
  el("div", { class: "layout" }, side, main),
);

function scalarSettings() {
  return { selected: runList.selected, colors: colorMap(runs), smoothing: settings.smoothing, xAxis: settings.xAxis };
}

function colorMap(list: RunInfo[]): Map<string, string> {
  return new Map(list.map((r, i) => [r.name, runColor(i)]));
}

function showTab(tab: Tab): void {
  for (const [t, b] of tabButtons) b.classList.toggle("active", t === tab);
  scalarsSide.hidden = scalars.root.hidden = tab !== "scalars";
  graph.side.hidden = graph.main.hidden = tab !== "graph";
  if (location.hash !== `#${tab}`) history.replaceState(null, "", `#${tab}`);
  if (tab === "graph") graph.shown();
}

async function refreshScalars(): Promise<void> {
  await scalars.refresh(runs, scalarSettings());
}

function showErrors(res: RunsResponse): void {
  const messages = [res.error, ...res.runs.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`)].filter(Boolean) as string[];
  replaceChildren(errors, ...messages.map((m) => el("div", {}, m)));
  errors.hidden = messages.length === 0;
}

async function poll(): Promise<void> {
  try {
    const res = await fetchRuns();
    runs = res.runs;
    logdirLabel.textContent = res.logdir;
    logdirLabel.title = res.logdir;
    showErrors(res);
    runList.update(runs, colorMap(runs));
    await Promise.all([refreshScalars(), graph.setRuns(runs)]);
    polls++;
    ready = true;
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    status.classList.remove("offline");
  } catch (e) {
    status.textContent = `not updating: ${(e as Error).message}`;
    status.classList.add("offline");
  } finally {
    setTimeout(() => void poll(), pollMs);
  }
}

// A handle for tests and curious learners: what the charts and the graph view hold right now.
(window as unknown as { __board: unknown }).__board = {
  get ready() {
    return ready;
  },
  get polls() {
    return polls;
  },
  scalars: () => scalars.plotted(),
  graph: () => graph.state(),
};

showTab(location.hash === "#graph" ? "graph" : "scalars");
void poll();
