/**
 * `summary.svg`: the score histogram and the per-exercise pass rate as two bar charts, written
 * as plain SVG text (no fonts or scripts to load) so GitHub renders it beside summary.md.
 */
import type { ClassStats } from "./stats";

const BAR = 36;
const GAP = 8;
const HEIGHT = 160;
const LEFT = 40;

export function summarySvg(stats: ClassStats, title = ""): string {
  const histo = stats.histogram.map((b) => ({ label: b.label, value: b.count, text: String(b.count) }));
  const rates = stats.exercises.map((e) => ({
    label: `ex${e.id}`,
    value: e.passRate,
    text: `${Math.round(e.passRate)}%`,
  }));
  const peak = Math.max(1, ...histo.map((b) => b.value));
  const panels = [
    panel(`Students per score (% of maximum), n = ${stats.count}`, histo, peak, 0),
    panel("Students with full marks per exercise (%)", rates, 100, HEIGHT + 90),
  ];
  const width = LEFT + Math.max(histo.length, rates.length, 1) * (BAR + GAP) + 20;
  const height = 2 * (HEIGHT + 90) + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${xml(title ? `Grading summary: ${title}` : "Grading summary")}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...panels,
    "</svg>",
    "",
  ].join("\n");
}

function panel(
  heading: string,
  bars: { label: string; value: number; text: string }[],
  peak: number,
  top: number,
): string {
  const base = top + 44 + HEIGHT;
  const out = [`<text x="${LEFT}" y="${top + 16}" font-size="13" font-weight="bold">${xml(heading)}</text>`];
  out.push(
    `<line x1="${LEFT}" y1="${base}" x2="${LEFT + bars.length * (BAR + GAP)}" y2="${base}" stroke="#555"/>`,
  );
  bars.forEach((b, i) => {
    const h = Math.round((HEIGHT * b.value) / peak);
    const x = LEFT + i * (BAR + GAP);
    out.push(
      `<rect x="${x}" y="${base - h}" width="${BAR}" height="${h}" fill="#4c78a8"><title>${xml(`${b.label}: ${b.text}`)}</title></rect>`,
    );
    out.push(`<text x="${x + BAR / 2}" y="${base - h - 4}" text-anchor="middle">${xml(b.text)}</text>`);
    out.push(`<text x="${x + BAR / 2}" y="${base + 14}" text-anchor="middle">${xml(b.label)}</text>`);
  });
  return out.join("\n");
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f]/g, "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
