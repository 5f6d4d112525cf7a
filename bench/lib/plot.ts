import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RESULTS_DIR } from './suite';

/**
 * A small hand-written SVG line / bar chart for the results README (no plotting dependency): one or
 * more series over a numeric x axis, optional log scale, axis ticks and a legend.
 */
export interface Series {
  name: string;
  points: [number, number][];
  /** Draw as bars (one per point) instead of a line. */
  bars?: boolean;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  /** Horizontal reference lines, e.g. a target. */
  marks?: { y: number; label: string }[];
  /** Category labels for the x axis instead of numbers (bar charts). */
  xCategories?: string[];
}

const W = 720;
const H = 400;
const M = { left: 70, right: 20, top: 40, bottom: 60 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max * 1.0001 + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function fmt(v: number): string {
  if (Math.abs(v) >= 1e6) return `${(v / 1e6).toPrecision(3).replace(/\.?0+$/, '')}M`;
  if (Math.abs(v) >= 1e3) return `${(v / 1e3).toPrecision(3).replace(/\.?0+$/, '')}k`;
  return String(Number(v.toPrecision(3)));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderChart(o: ChartOptions): string {
  const pts = o.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const ys = [...pts.map(([, y]) => y), ...(o.marks ?? []).map((m) => m.y)];
  const yTicks = niceTicks(Math.max(...ys, 0) * 1.05);
  const yMax = yTicks[yTicks.length - 1];
  const xs = pts.map(([x]) => x);
  const cats = o.xCategories;
  const xMin = cats ? 0 : o.logX ? Math.min(...xs) : Math.min(0, ...xs);
  const linearTicks = niceTicks(Math.max(...xs));
  const xMax = cats ? cats.length - 1 : o.logX ? Math.max(...xs) : linearTicks[linearTicks.length - 1];
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => {
    if (cats) return M.left + ((x + 0.5) / cats.length) * pw;
    if (o.logX)
      return M.left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * pw;
    return M.left + ((x - xMin) / (xMax - xMin || 1)) * pw;
  };
  const sy = (y: number) => M.top + ph - (y / (yMax || 1)) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(o.title)}</text>`,
  );
  for (const t of yTicks) {
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${sy(t)}" y2="${sy(t)}" stroke="#e5e5e5"/>`,
      `<text x="${M.left - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    );
  }
  const xTicks = cats
    ? cats.map((_, i) => i)
    : o.logX
      ? [...new Set(xs)].sort((a, b) => a - b)
      : linearTicks.filter((t) => t >= xMin);
  for (const t of xTicks)
    out.push(
      `<text x="${sx(t)}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(cats ? cats[t] : fmt(t))}</text>`,
    );
  out.push(
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="black"/>`,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="black"/>`,
    `<text x="${W / 2}" y="${H - 18}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text x="18" y="${M.top + ph / 2}" text-anchor="middle" transform="rotate(-90 18 ${M.top + ph / 2})">${esc(o.yLabel)}</text>`,
  );
  for (const m of o.marks ?? [])
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${sy(m.y)}" y2="${sy(m.y)}" stroke="#888" stroke-dasharray="6 4"/>`,
      `<text x="${W - M.right - 4}" y="${sy(m.y) - 4}" text-anchor="end" fill="#555">${esc(m.label)}</text>`,
    );
  const barSeries = o.series.filter((s) => s.bars);
  o.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const valid = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (s.bars) {
      const k = barSeries.indexOf(s);
      const slot = (pw / (cats?.length ?? valid.length)) * 0.8;
      const bw = slot / barSeries.length;
      for (const [x, y] of valid)
        out.push(
          `<rect x="${sx(x) - slot / 2 + k * bw}" y="${sy(y)}" width="${bw - 2}" height="${M.top + ph - sy(y)}" fill="${colour}"/>`,
        );
    } else {
      const d = valid
        .map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
        .join(' ');
      out.push(
        `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
      for (const [x, y] of valid) out.push(`<circle cx="${sx(x)}" cy="${sy(y)}" r="3" fill="${colour}"/>`);
    }
    out.push(
      `<rect x="${M.left + 10}" y="${M.top + 6 + i * 16}" width="10" height="10" fill="${colour}"/>`,
      `<text x="${M.left + 26}" y="${M.top + 15 + i * 16}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Writes bench/results/<name>.svg (bench/results/tmp/ in smoke runs) and returns its path. */
export function writeChart(name: string, options: ChartOptions, smoke: boolean): string {
  const dir = smoke ? join(RESULTS_DIR, 'tmp') : RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.svg`);
  writeFileSync(file, renderChart(options));
  return file;
}
