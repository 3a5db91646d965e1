/**
 * Class statistics for summary.md and summary.svg, over graded submissions only (a grader
 * failure is not a score). Percentages of the maximum, so re-weighted manifests compare.
 */
import type { GradeRecord } from "../engine/types";

export interface ClassStats {
  count: number;
  mean: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  /** Students per bin of percent: 0–9, 10–19, …, 90–99, then exactly 100. */
  histogram: { label: string; count: number }[];
  exercises: { id: number; title: string; passRate: number; meanPercent: number; graded: number }[];
}

export const HISTOGRAM_LABELS = [...Array.from({ length: 10 }, (_, i) => `${i * 10}–${i * 10 + 9}`), "100"];

export function percentOf(r: Pick<GradeRecord, "score" | "max_score">): number {
  return r.max_score > 0 ? (100 * r.score) / r.max_score : 0;
}

/** Quantile by linear interpolation between order statistics (NumPy's default, R's type 7). */
export function quantile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function histogramBin(percent: number): number {
  return percent >= 100 ? 10 : Math.max(0, Math.min(9, Math.floor(percent / 10)));
}

export function classStats(records: GradeRecord[]): ClassStats {
  const graded = records.filter((r) => r.status !== "error");
  const pct = graded.map(percentOf).sort((a, b) => a - b);
  const histogram = HISTOGRAM_LABELS.map((label) => ({ label, count: 0 }));
  for (const p of pct) histogram[histogramBin(p)].count++;
  const byEx = new Map<number, { title: string; passed: number; sum: number; graded: number }>();
  for (const r of graded)
    for (const e of r.exercises) {
      const s = byEx.get(e.id) ?? { title: e.title, passed: 0, sum: 0, graded: 0 };
      s.graded++;
      if (e.max_score > 0 && e.score >= e.max_score) s.passed++;
      s.sum += e.max_score > 0 ? (100 * e.score) / e.max_score : 0;
      byEx.set(e.id, s);
    }
  return {
    count: pct.length,
    mean: pct.length ? pct.reduce((a, b) => a + b, 0) / pct.length : 0,
    median: quantile(pct, 0.5),
    q1: quantile(pct, 0.25),
    q3: quantile(pct, 0.75),
    min: pct[0] ?? 0,
    max: pct[pct.length - 1] ?? 0,
    histogram,
    exercises: [...byEx.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, s]) => ({
        id,
        title: s.title,
        graded: s.graded,
        passRate: (100 * s.passed) / s.graded,
        meanPercent: s.sum / s.graded,
      })),
  };
}
