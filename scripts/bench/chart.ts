/**
 * A small SVG line chart for docs/benchmarks.md: one or more series over a logarithmic x axis
 * (journal sizes grow by tens), each y axis from zero. Dependency-free on purpose: GitHub renders
 * the SVG as an image, and no chart library is worth a dependency for four lines.
 */

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
}

export interface Chart {
  title: string;
  x: string;
  y: string;
  series: readonly Series[];
}

const W = 560;
const H = 300;
const M = { left: 64, right: 16, top: 36, bottom: 48 };
const COLOURS = ['#03a9f4', '#ff9800', '#4caf50', '#e91e63'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt = (n: number) =>
  n >= 1000 ? `${n / 1000}k` : Number.isInteger(n) ? String(n) : String(round1(n));

/** Round `max` up to a tidy axis end (1, 2 or 5 times a power of ten). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p;
}

export function lineChart(chart: Chart): string {
  const xs = chart.series.flatMap((s) => s.points.map(([x]) => x));
  const lx = xs.map((x) => Math.log10(x));
  const [x0, x1] = [Math.min(...lx), Math.max(...lx)];
  const yMax = niceMax(Math.max(...chart.series.flatMap((s) => s.points.map(([, y]) => y))));
  const px = (x: number) =>
    M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - (y / yMax) * (H - M.top - M.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="13">${esc(chart.title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const y = (yMax * i) / 5;
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${M.left - 6}" y="${py(y) + 4}" text-anchor="end">${fmt(y)}</text>`,
    );
  }
  for (const x of [...new Set(xs)]) {
    out.push(`<text x="${px(x)}" y="${H - M.bottom + 16}" text-anchor="middle">${fmt(x)}</text>`);
  }
  out.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle">${esc(chart.x)}</text>`,
    `<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(chart.y)}</text>`,
  );
  chart.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#000';
    const d = s.points.map(([x, y], k) => `${k ? 'L' : 'M'}${px(x)},${py(y)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of s.points) {
      out.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${colour}"/>`);
    }
    out.push(
      `<rect x="${M.left + 8 + i * 150}" y="${M.top - 4}" width="10" height="10" fill="${colour}"/>`,
      `<text x="${M.left + 22 + i * 150}" y="${M.top + 5}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
