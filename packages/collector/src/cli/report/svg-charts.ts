// Small inline SVG charts: no script, no external assets, so the report is one
// file that opens anywhere and prints.
export const PALETTE = ["#4f46e5", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#f97316", "#64748b", "#ec4899"];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface Bar {
  label: string;
  value: number;
  text: string;
}

/** a 12px system-ui character is narrower than this, so a label given this much room is never cut */
const CHAR_W = 7;
const LINE_H = 15;

/** horizontal bars, longest first, labelled with their formatted values; a long label wraps rather than being cut */
export function barChart(bars: Bar[], width = 520): string {
  if (!bars.length) return `<p class="empty">No calls in this period.</p>`;
  const valueW = 90;
  // the label column takes what its longest line needs, up to 40 % of the chart; longer labels wrap
  const maxChars = Math.floor((width * 0.4 - 16) / CHAR_W);
  const labels = bars.map((b) => wrapWords(b.label, maxChars));
  const labelW = Math.max(80, Math.max(...labels.flat().map((l) => l.length)) * CHAR_W + 16);
  const max = Math.max(...bars.map((b) => b.value), 1e-12);
  let y = 4;
  const rows = bars.map((b, i) => {
    const lines = labels[i]!;
    const rowH = Math.max(30, lines.length * LINE_H + 14);
    const mid = y + rowH / 2 - 1;
    const w = Math.max(2, ((width - labelW - valueW) * b.value) / max);
    const first = mid + 4 - ((lines.length - 1) * LINE_H) / 2;
    const tspans = lines.map((l, j) => `<tspan x="${labelW - 10}" y="${(first + j * LINE_H).toFixed(1)}">${escapeHtml(l)}</tspan>`).join("");
    const row = `<g><title>${escapeHtml(b.label)}: ${escapeHtml(b.text)}</title>
      <text text-anchor="end" class="lbl">${tspans}</text>
      <rect x="${labelW}" y="${(mid - 10).toFixed(1)}" width="${w.toFixed(1)}" height="20" rx="4" fill="${PALETTE[i % PALETTE.length]}"/>
      <text x="${(labelW + w + 8).toFixed(1)}" y="${(mid + 4).toFixed(1)}" class="val">${escapeHtml(b.text)}</text></g>`;
    y += rowH;
    return row;
  });
  return `<svg viewBox="0 0 ${width} ${y + 4}" width="100%" role="img">${rows.join("")}</svg>`;
}

/** words onto lines of at most n characters; a word longer than a line is split, never dropped */
export function wrapWords(text: string, n: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    for (; word.length > n; word = word.slice(n)) {
      if (line) lines.push(line), (line = "");
      lines.push(word.slice(0, n));
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= n) line += ` ${word}`;
    else lines.push(line), (line = word);
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

export interface Series {
  name: string;
  color: string;
  values: number[];
}

/** stacked columns per day (e.g. input under output tokens) */
export function stackedColumns(labels: string[], series: Series[], format: (n: number) => string, width = 1040, height = 260): string {
  if (!labels.length) return `<p class="empty">No calls in this period.</p>`;
  const pad = { l: 64, r: 16, t: 16, b: 44 };
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(...totals, 1));
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const slot = plotW / labels.length;
  const colW = Math.max(2, Math.min(40, slot * 0.7));
  const y = (v: number) => pad.t + plotH - (v / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const gy = y(max * f);
    return `<line x1="${pad.l}" x2="${width - pad.r}" y1="${gy}" y2="${gy}" class="grid"/><text x="${pad.l - 8}" y="${gy + 4}" text-anchor="end" class="axis">${escapeHtml(format(max * f))}</text>`;
  });
  const every = Math.ceil(labels.length / 12);
  const cols = labels.map((lab, i) => {
    const x = pad.l + i * slot + (slot - colW) / 2;
    let base = 0;
    const rects = series.map((s) => {
      const v = s.values[i] ?? 0;
      const r = `<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${colW.toFixed(1)}" height="${Math.max(0, y(base) - y(base + v)).toFixed(1)}" fill="${s.color}"/>`;
      base += v;
      return r;
    });
    const tick = i % every === 0 ? `<text x="${(x + colW / 2).toFixed(1)}" y="${height - pad.b + 18}" text-anchor="middle" class="axis">${escapeHtml(lab.slice(5))}</text>` : "";
    const tip = series.map((s) => `${s.name} ${format(s.values[i] ?? 0)}`).join(", ");
    return `<g><title>${escapeHtml(lab)}: ${escapeHtml(tip)}</title>${rects.join("")}${tick}</g>`;
  });
  const legend = series.map((s, i) => `<rect x="${pad.l + i * 130}" y="${height - 14}" width="12" height="12" rx="2" fill="${s.color}"/><text x="${pad.l + i * 130 + 18}" y="${height - 4}" class="axis">${escapeHtml(s.name)}</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img">${grid.join("")}${cols.join("")}${legend.join("")}</svg>`;
}

/** a line with a soft area under it (e.g. cost per day) */
export function areaLine(labels: string[], values: number[], color: string, format: (n: number) => string, width = 1040, height = 200): string {
  if (!labels.length) return `<p class="empty">No calls in this period.</p>`;
  const pad = { l: 64, r: 16, t: 16, b: 28 };
  const max = niceMax(Math.max(...values, 1e-9));
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const x = (i: number) => pad.l + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => pad.t + plotH - (v / max) * plotH;
  const pts = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const area = `M${x(0).toFixed(1)},${y(0)} L${pts.join(" L")} L${x(values.length - 1).toFixed(1)},${y(0)} Z`;
  const grid = [0, 0.5, 1].map((f) => `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(max * f)}" y2="${y(max * f)}" class="grid"/><text x="${pad.l - 8}" y="${y(max * f) + 4}" text-anchor="end" class="axis">${escapeHtml(format(max * f))}</text>`);
  const every = Math.ceil(labels.length / 12);
  const ticks = labels.map((l, i) => (i % every === 0 ? `<text x="${x(i).toFixed(1)}" y="${height - 8}" text-anchor="middle" class="axis">${escapeHtml(l.slice(5))}</text>` : ""));
  const dots = values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"><title>${escapeHtml(labels[i]!)}: ${escapeHtml(format(v))}</title></circle>`);
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img">${grid.join("")}<path d="${area}" fill="${color}" opacity="0.12"/><polyline points="${pts.join(" ")}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>${dots.join("")}${ticks.join("")}</svg>`;
}

function niceMax(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
