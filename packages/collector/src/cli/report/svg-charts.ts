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

/** horizontal bars, longest first, labelled with their formatted values */
export function barChart(bars: Bar[], width = 520): string {
  if (!bars.length) return `<p class="empty">No calls in this period.</p>`;
  const rowH = 30;
  const labelW = 150;
  const valueW = 90;
  const max = Math.max(...bars.map((b) => b.value), 1e-12);
  const h = bars.length * rowH + 4;
  const rows = bars.map((b, i) => {
    const y = i * rowH + 4;
    const w = Math.max(2, ((width - labelW - valueW) * b.value) / max);
    return `<g><title>${escapeHtml(b.label)}: ${escapeHtml(b.text)}</title>
      <text x="${labelW - 10}" y="${y + 16}" text-anchor="end" class="lbl">${escapeHtml(truncate(b.label, 20))}</text>
      <rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 10}" rx="4" fill="${PALETTE[i % PALETTE.length]}"/>
      <text x="${(labelW + w + 8).toFixed(1)}" y="${y + 16}" class="val">${escapeHtml(b.text)}</text></g>`;
  });
  return `<svg viewBox="0 0 ${width} ${h}" width="100%" role="img">${rows.join("")}</svg>`;
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

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
