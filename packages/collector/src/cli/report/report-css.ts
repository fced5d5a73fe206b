export const REPORT_CSS = `
:root { color-scheme: light; --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 28px 32px 8px; }
h1 { margin: 0; font-size: 24px; letter-spacing: -0.01em; }
.sub { color: var(--muted); margin-top: 4px; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 14px; padding: 16px 32px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
.kpi.warn { border-color: #fcd34d; background: #fffbeb; }
.kpi-name { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
.kpi-value { font-size: 26px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
.kpi-note { color: var(--muted); font-size: 12px; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 0 32px 32px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
h2 { font-size: 15px; margin: 0 0 10px; }
svg text { font: 12px system-ui, sans-serif; }
svg .lbl { fill: var(--ink); } svg .val { fill: var(--muted); } svg .axis { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); stroke-width: 1; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 500; font-size: 12px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.strong { font-weight: 650; }
.sample { color: var(--muted); font-size: 12px; margin-top: 2px; max-width: 640px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f5f9; padding: 1px 5px; border-radius: 4px; }
.empty { color: var(--muted); } .empty.ok { color: #059669; }
.alerts { list-style: none; margin: 0; padding: 0; }
.alerts li { padding: 10px 0; border-bottom: 1px solid var(--line); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 2px 8px; border-radius: 999px; text-transform: uppercase; letter-spacing: .03em; }
.badge.tokens { background: #eef2ff; color: #4338ca; } .badge.cost { background: #fef3c7; color: #b45309; }
.when { color: var(--muted); margin-left: 8px; font-size: 12px; }
.msg { margin-top: 4px; } .evidence { color: var(--muted); font-size: 12px; margin-top: 2px; }
@media (max-width: 900px) { main, .kpis { grid-template-columns: 1fr; } }
`;
