/**
 * The Scalars tab: a chart per tag over the checked runs. Series are fetched again only when the
 * server reports more points for them.
 */
import type { RunInfo } from "../shared/apiTypes";
import { fetchScalars } from "./api";
import { el } from "./dom";
import { ScalarChart, type XAxis } from "./scalarChart";

export interface ScalarsSettings {
  selected: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  smoothing: number;
  xAxis: XAxis;
}

export class ScalarsView {
  readonly root: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly charts = new Map<string, ScalarChart>();
  /** `run \0 tag` -> the points fetched so far. */
  private readonly cache = new Map<string, [number, number, number][]>();
  private runs: RunInfo[] = [];

  constructor() {
    this.grid = el("div", { class: "chart-grid" });
    this.empty = el("div", { class: "empty", hidden: true }, "No scalars yet. Log some with tf.summary.scalar and FileWriter.add_summary; new points appear here while training runs.");
    this.root = el("div", { class: "scalars" }, this.empty, this.grid);
  }

  /** Fetches what changed since the last call, then redraws. */
  async refresh(runs: RunInfo[], settings: ScalarsSettings): Promise<void> {
    this.runs = runs;
    const wanted = runs.filter((r) => settings.selected.has(r.name)).flatMap((r) => r.tags.map((t) => ({ run: r.name, ...t })));
    await Promise.all(
      wanted
        .filter((w) => this.cache.get(key(w.run, w.tag))?.length !== w.points)
        .map(async (w) => this.cache.set(key(w.run, w.tag), (await fetchScalars(w.run, w.tag)).points)),
    );
    this.redraw(settings);
  }

  /** Redraws from the cache (smoothing, axis or run selection changed). */
  redraw(settings: ScalarsSettings): void {
    const tags = [...new Set(this.runs.flatMap((r) => r.tags.map((t) => t.tag)))].sort();
    for (const [tag, chart] of this.charts) {
      if (!tags.includes(tag)) {
        chart.destroy();
        this.charts.delete(tag);
      }
    }
    this.empty.hidden = tags.length > 0;
    tags.forEach((tag, i) => {
      let chart = this.charts.get(tag);
      if (!chart) this.charts.set(tag, (chart = new ScalarChart(tag)));
      if (this.grid.children[i] !== chart.root) this.grid.insertBefore(chart.root, this.grid.children[i] ?? null);
      const series = this.runs
        .filter((r) => settings.selected.has(r.name) && this.cache.has(key(r.name, tag)))
        .map((r) => ({ run: r.name, color: settings.colors.get(r.name) ?? "#333", points: this.cache.get(key(r.name, tag))! }));
      chart.update(series, settings.smoothing, settings.xAxis);
    });
  }

  /** For tests and debugging: per tag and run, the points the chart holds. */
  plotted(): Record<string, Record<string, { x: number[]; y: number[] }>> {
    return Object.fromEntries([...this.charts].map(([tag, chart]) => [tag, chart.plottedPoints()]));
  }
}

function key(run: string, tag: string): string {
  return `${run}\u0000${tag}`;
}
