/**
 * One scalar tag as a uPlot chart: per run a faint raw line and a solid smoothed line, an x axis
 * in steps, relative time or wall time, and a tooltip with every run's value near the cursor.
 */
import uPlot from "uplot";
import { smoothEma } from "../shared/smoothing";
import { faded } from "./colors";
import { el, replaceChildren, swatch } from "./dom";
import { formatDuration, formatNumber, formatTime } from "./format";

export type XAxis = "step" | "relative" | "wall";

export interface RunSeries {
  run: string;
  color: string;
  /** `[wallTime, step, value]`, as the server sends them. */
  points: [number, number, number][];
}

/** A run's points sorted along the current x axis (one point per x value, the last one wins). */
interface Prepared {
  run: string;
  color: string;
  x: number[];
  step: number[];
  wall: number[];
  raw: number[];
  smooth: number[];
}

const HEIGHT = 230;

export class ScalarChart {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly tooltip: HTMLElement;
  private plot: uPlot | null = null;
  private prepared: Prepared[] = [];
  private layoutKey = "";
  private xAxis: XAxis = "step";

  constructor(readonly tag: string) {
    this.body = el("div", { class: "chart-body" });
    this.tooltip = el("div", { class: "chart-tooltip", hidden: true });
    this.root = el("section", { class: "card chart-card", "data-tag": tag }, el("h3", { class: "card-title", title: tag }, tag), this.body, this.tooltip);
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT })).observe(this.body);
  }

  update(series: RunSeries[], smoothing: number, xAxis: XAxis): void {
    this.xAxis = xAxis;
    this.prepared = series.filter((s) => s.points.length > 0).map((s) => prepare(s, smoothing, xAxis));
    const tables = this.prepared.map((p) => [p.x, p.raw, p.smooth] as uPlot.AlignedData);
    const data = tables.length ? uPlot.join(tables) : ([[]] as unknown as uPlot.AlignedData);
    const key = `${xAxis}|${smoothing > 0}|${this.prepared.map((p) => `${p.run}:${p.color}`).join(",")}`;
    if (this.plot && key === this.layoutKey) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.layoutKey = key;
    this.plot = new uPlot(this.options(smoothing > 0), data, this.body);
  }

  /** What uPlot holds, per run: the x values and raw values of its non-empty points. */
  plottedPoints(): Record<string, { x: number[]; y: number[] }> {
    const out: Record<string, { x: number[]; y: number[] }> = {};
    const data = this.plot?.data;
    if (!data) return out;
    this.prepared.forEach((p, i) => {
      const ys = data[1 + 2 * i] as (number | null | undefined)[];
      const x: number[] = [];
      const y: number[] = [];
      ys.forEach((v, k) => {
        if (v !== null && v !== undefined) {
          x.push(data[0][k] as number);
          y.push(v);
        }
      });
      out[p.run] = { x, y };
    });
    return out;
  }

  destroy(): void {
    this.plot?.destroy();
    this.root.remove();
  }

  private width(): number {
    return Math.max(240, this.body.clientWidth);
  }

  private options(smoothed: boolean): uPlot.Options {
    const series: uPlot.Series[] = [{ label: this.xAxis }];
    for (const p of this.prepared) {
      series.push({ label: `${p.run} (raw)`, stroke: smoothed ? faded(p.color, 0.3) : p.color, width: smoothed ? 1 : 1.6, spanGaps: true, points: { show: false } });
      series.push({ label: p.run, stroke: p.color, width: 1.8, spanGaps: true, show: smoothed, points: { size: 5 } });
    }
    const xValues: uPlot.Axis["values"] =
      this.xAxis === "relative" ? (_u, ticks) => ticks.map(formatDuration) : this.xAxis === "step" ? (_u, ticks) => ticks.map((t) => formatNumber(t)) : undefined;
    return {
      width: this.width(),
      height: HEIGHT,
      legend: { show: false },
      scales: { x: { time: this.xAxis === "wall" } },
      series,
      axes: [
        { values: xValues, stroke: "#5f6b7a", grid: { stroke: "#eef1f5" }, ticks: { stroke: "#d5dbe3" } },
        { values: (_u, ticks) => ticks.map((t) => formatNumber(t)), size: 56, stroke: "#5f6b7a", grid: { stroke: "#eef1f5" }, ticks: { stroke: "#d5dbe3" } },
      ],
      cursor: { drag: { x: true, y: false }, points: { size: 7 } },
      hooks: { setCursor: [(u) => this.showTooltip(u)] },
    };
  }

  private showTooltip(u: uPlot): void {
    const left = u.cursor.left ?? -1;
    if (left < 0 || this.prepared.length === 0) {
      this.tooltip.hidden = true;
      return;
    }
    const x = u.posToVal(left, "x");
    const rows = this.prepared.map((p) => {
      const i = nearest(p.x, x);
      return el(
        "tr",
        {},
        el("td", {}, swatch(p.color)),
        el("td", { class: "run-cell" }, p.run),
        el("td", { class: "num" }, formatNumber(p.smooth[i], 5)),
        el("td", { class: "num" }, formatNumber(p.raw[i], 5)),
        el("td", { class: "num" }, String(p.step[i])),
        el("td", { class: "num" }, formatDuration(p.wall[i] - p.wall[0])),
      );
    });
    const head = el("tr", {}, ...["", "Run", "Smoothed", "Value", "Step", "Relative"].map((h) => el("th", {}, h)));
    const when = this.xAxis === "wall" ? formatTime(x) : this.xAxis === "relative" ? formatDuration(x) : `step ${Math.round(x)}`;
    replaceChildren(this.tooltip, el("div", { class: "tooltip-head" }, when), el("table", {}, head, ...rows));
    this.tooltip.hidden = false;
    // Beside the cursor, on the side with more room, so the curves under it stay visible.
    const card = this.root.getBoundingClientRect();
    const over = u.over.getBoundingClientRect();
    const cx = over.left - card.left + left;
    const cy = over.top - card.top + (u.cursor.top ?? 0);
    const below = (u.cursor.top ?? 0) < over.height / 2;
    this.tooltip.style.top = `${below ? cy + 14 : cy - this.tooltip.offsetHeight - 14}px`;
    const toRight = left < over.width / 2;
    this.tooltip.style.left = toRight ? `${cx + 14}px` : "";
    this.tooltip.style.right = toRight ? "" : `${card.width - cx + 14}px`;
  }
}

function prepare(s: RunSeries, smoothing: number, xAxis: XAxis): Prepared {
  const wall0 = Math.min(...s.points.map((p) => p[0]));
  const xOf = (p: [number, number, number]) => (xAxis === "step" ? p[1] : xAxis === "relative" ? p[0] - wall0 : p[0]);
  const byX = new Map<number, [number, number, number]>();
  for (const p of s.points) byX.set(xOf(p), p);
  const sorted = [...byX.entries()].sort((a, b) => a[0] - b[0]);
  const raw = sorted.map(([, p]) => p[2]);
  return {
    run: s.run,
    color: s.color,
    x: sorted.map(([x]) => x),
    step: sorted.map(([, p]) => p[1]),
    wall: sorted.map(([, p]) => p[0]),
    raw,
    smooth: smoothEma(raw, smoothing),
  };
}

/** Index of the value in sorted `xs` closest to `x`. */
function nearest(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}
