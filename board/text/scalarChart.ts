/**
 * One scalar tag as a small terminal chart (asciichart), every run a line over a shared step axis,
 * with a legend giving each run's last value.
 */
import type chalk from "chalk";
import { smoothEma } from "../shared/smoothing";
import { makeChalk } from "./colors";

// asciichart ships no types; this is the part used here.
const asciichart: {
  plot(series: number[][], cfg: { height?: number; colors?: string[]; format?: (x: number) => string }): string;
  blue: string;
  red: string;
  green: string;
  magenta: string;
  cyan: string;
  yellow: string;
} = require("asciichart");

export interface ChartSeries {
  run: string;
  points: { step: number; value: number }[];
}

export interface ScalarChartOptions {
  /** Plot columns (steps are resampled to fit). Default 60. */
  width?: number;
  /** Plot rows. Default 8. */
  height?: number;
  /** TensorBoard's smoothing weight in [0, 1). Default 0 (raw values). */
  smoothing?: number;
  color?: boolean;
}

const LABEL_WIDTH = 10;

export function renderScalarChart(tag: string, series: ChartSeries[], options: ScalarChartOptions = {}): string {
  const c = makeChalk(options.color);
  const palette = [asciichart.blue, asciichart.red, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.yellow];
  const paint = [c.blue, c.red, c.green, c.magenta, c.cyan, c.yellow];
  const withData = series.filter((s) => s.points.some((p) => Number.isFinite(p.value)));
  const lines = [c.bold(tag)];
  if (withData.length === 0) return [...lines, c.dim("  (no finite values)")].join("\n");

  const smoothed = withData.map((s) => {
    const values = smoothEma(s.points.map((p) => p.value), options.smoothing ?? 0);
    return s.points.map((p, i) => ({ step: p.step, value: values[i] })).filter((p) => Number.isFinite(p.value));
  });
  const steps = smoothed.flatMap((pts) => pts.map((p) => p.step));
  const [first, last] = [Math.min(...steps), Math.max(...steps)];
  const width = Math.max(2, options.width ?? 60);
  const plotted = smoothed.map((pts) => resample(pts, first, last, width));
  const height = options.height ?? 8;
  const label = axisLabeller(plotted.flat(), height);
  const colored = !(options.color === false || c.level === 0);
  const chart = asciichart
    .plot(plotted, {
      height,
      colors: colored ? withData.map((_, i) => palette[i % palette.length]) : undefined,
      format: (x) => label(x).padStart(LABEL_WIDTH),
    })
    .split("\n");
  // Without colour every line looks alike: each run's letter marks the end of its line instead.
  if (!colored && plotted.length > 1) markLineEnds(chart, plotted, height);
  lines.push(chart.map((line) => line.trimEnd()).join("\n"));
  const axisPad = " ".repeat(LABEL_WIDTH + 1);
  const lastLabel = `step ${last}`;
  lines.push(c.dim(`${axisPad}step ${first}`.padEnd(LABEL_WIDTH + 1 + width - lastLabel.length + 1) + lastLabel));
  withData.forEach((s, i) => {
    const pts = smoothed[i];
    const end = pts[pts.length - 1];
    const swatch = colored ? (paint[i % paint.length] as chalk.Chalk)("━━") : `${runLetter(i)} ─`;
    lines.push(`${axisPad}${swatch} ${s.run}  ${c.dim(`last ${formatValue(end.value)} at step ${end.step}, ${s.points.length} points`)}`);
  });
  return lines.join("\n");
}

/** A, B, C, … Z, then a, b, … for the runs of a chart. */
function runLetter(i: number): string {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  return letters[i % letters.length];
}

/**
 * Writes each series' letter just right of its last point, on the row asciichart drew it (the
 * same rounding as asciichart's plot). Rows are plain text here: one character per cell.
 */
function markLineEnds(chart: string[], series: number[][], height: number): void {
  const values = series.flat();
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const range = Math.abs(max - min);
  const ratio = range !== 0 ? height / range : 1;
  const min2 = Math.round(min * ratio);
  const rows = Math.abs(Math.round(max * ratio) - min2);
  // asciichart puts the whole label in its first cell, so the segment ending at point x is drawn at
  // column x + LABEL_WIDTH; the letter goes one column further.
  series.forEach((s, i) => {
    if (s.length === 0) return;
    const row = rows - (Math.round(s[s.length - 1] * ratio) - min2);
    let col = LABEL_WIDTH + 1 + s.length;
    const line = [...chart[row]];
    while (line.length < col) line.push(" ");
    while (line[col] !== undefined && line[col] !== " ") col++;
    line[col] = runLetter(i);
    chart[row] = line.join("");
  });
}

/**
 * One value per column: column k stands for step `first + k·(last-first)/(width-1)`, its value
 * interpolated linearly between the run's points around it. The line stops after the run's last
 * step (asciichart draws shorter series shorter); columns before its first step repeat its first value.
 */
function resample(points: { step: number; value: number }[], first: number, last: number, width: number): number[] {
  const sorted = [...points].sort((a, b) => a.step - b.step);
  const end = sorted[sorted.length - 1].step;
  const out: number[] = [];
  let j = 0;
  for (let k = 0; k < width; k++) {
    const step = first + ((last - first) * k) / (width - 1);
    if (step > end + 1e-9) break;
    while (j + 1 < sorted.length && sorted[j + 1].step <= step) j++;
    const [a, b] = [sorted[j], sorted[Math.min(j + 1, sorted.length - 1)]];
    const t = b.step > a.step ? Math.min(1, Math.max(0, (step - a.step) / (b.step - a.step))) : 0;
    out.push(a.value + t * (b.value - a.value));
  }
  return out;
}

/** Axis labels with as many decimals as the distance between two rows needs, all alike. */
function axisLabeller(values: number[], height: number): (x: number) => string {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const big = Math.max(Math.abs(min), Math.abs(max));
  if (big >= 1e6 || (big > 0 && big < 1e-4)) return (x) => x.toExponential(2);
  const row = (max - min) / Math.max(1, height);
  const decimals = row > 0 ? Math.min(8, Math.max(0, Math.ceil(-Math.log10(row)))) : 2;
  return (x) => x.toFixed(decimals);
}

/** 4 significant digits, exponent form for very large or small magnitudes. */
export function formatValue(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  return abs >= 1e5 || abs < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}
