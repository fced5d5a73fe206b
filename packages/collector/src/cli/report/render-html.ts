// One self-contained HTML page: headline numbers, where the money goes, how
// tokens move day by day (input vs output), the prompts that cost most, alerts.
import type { StatsRow } from "../../store/call-store.ts";
import type { ReportData } from "./build-report.ts";
import { count, day, label, ms, usd } from "./format.ts";
import { areaLine, barChart, escapeHtml, stackedColumns } from "./svg-charts.ts";
import { REPORT_CSS } from "./report-css.ts";
import { QUALITY_HEADERS, qualityCells, type QualityReport } from "./quality-report.ts";
import { moreAnomalies, moreDaysLine, quietLine, signedScore, type AnomalyReport } from "./anomaly-report.ts";

const costBars = (rows: StatsRow[]) => rows.slice(0, 10).map((r) => ({ label: label(r.key), value: r.costUSD, text: usd(r.costUSD) }));

function card(title: string, body: string, wide = false): string {
  return `<section class="card${wide ? " wide" : ""}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function kpi(name: string, value: string, note = "", tone = ""): string {
  return `<div class="kpi ${tone}"><div class="kpi-name">${escapeHtml(name)}</div><div class="kpi-value">${escapeHtml(value)}</div><div class="kpi-note">${escapeHtml(note)}</div></div>`;
}

function promptTable(r: ReportData): string {
  if (!r.topPrompts.length) return `<p class="empty">No calls in this period.</p>`;
  const rows = r.topPrompts.map((p) => `<tr><td><code>${escapeHtml(p.key.slice(0, 28))}</code><div class="sample">${escapeHtml(p.sample ?? "")}</div></td>
    <td class="num">${count(p.calls)}</td><td class="num">${count(Math.round((p.inputTokens + p.outputTokens) / Math.max(1, p.calls)))}</td>
    <td class="num">${ms(p.latencyP95Ms)}</td><td class="num strong">${usd(p.costUSD)}</td></tr>`);
  return `<table><thead><tr><th>prompt</th><th class="num">calls</th><th class="num">tokens / call</th><th class="num">p95</th><th class="num">cost</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function alertList(r: ReportData): string {
  if (!r.alerts.length) return `<p class="empty ok">No alerts fired in this period.</p>`;
  return `<ul class="alerts">${r.alerts
    .map((a) => `<li><span class="badge ${a.kind.startsWith("cost") || a.kind.includes("cost") ? "cost" : "tokens"}">${escapeHtml(a.kind.replace(/_/g, " "))}</span>
      <span class="when">${escapeHtml(new Date(a.firedAt).toISOString().slice(0, 16).replace("T", " "))}</span>
      <div class="msg">${escapeHtml(a.message)}</div><div class="evidence">evidence: ${a.evidence.slice(0, 3).map((e) => `<code>${escapeHtml(e)}</code>`).join(" ")}${a.evidence.length > 3 ? ` +${a.evidence.length - 3}` : ""}</div></li>`)
    .join("")}</ul>`;
}

export function renderHtml(r: ReportData): string {
  const t = r.totals;
  const days = r.trend.map((d) => d.period);
  const avgCost = t.calls ? t.costUSD / t.calls : 0;
  const errorRate = t.calls ? (t.errors / t.calls) * 100 : 0;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>llmscope report ${day(r.from)} – ${day(r.to)}</title><style>${REPORT_CSS}</style></head><body>
<header><div><h1>llmscope report</h1><div class="sub">${day(r.from)} → ${day(r.to)} · generated ${escapeHtml(new Date(r.generatedAt).toISOString().slice(0, 16).replace("T", " "))} UTC</div></div></header>
<div class="kpis">${kpi("Total cost", usd(t.costUSD), `${usd(avgCost)} per call`)}${kpi("Calls", count(t.calls), `${errorRate.toFixed(1)}% errors`)}${kpi("Requests", count(r.requests.requests), `${usd(r.requests.costPerRequest)} per request`)}${kpi("Input tokens", count(t.inputTokens), t.calls ? `${count(Math.round(t.inputTokens / t.calls))} per call` : "")}${kpi("Output tokens", count(t.outputTokens), t.calls ? `${count(Math.round(t.outputTokens / t.calls))} per call` : "")}${kpi("Alerts", String(r.alerts.length), r.alerts.length ? "see below" : "all quiet", r.alerts.length ? "warn" : "")}</div>
<main>
${card("Tokens per day — input vs output", stackedColumns(days, [
    { name: "input tokens", color: "#4f46e5", values: r.trend.map((d) => d.inputTokens) },
    { name: "output tokens", color: "#f59e0b", values: r.trend.map((d) => d.outputTokens) },
  ], count), true)}
${card("Cost per day", areaLine(days, r.trend.map((d) => d.costUSD), "#10b981", usd), true)}
${card("Cost by department", barChart(costBars(r.byDepartment)))}
${card("Cost by feature", barChart(costBars(r.byFeature)))}
${card("Cost by user (top)", barChart(costBars(r.byUser)))}
${card("Cost by model", barChart(costBars(r.byModel)))}
${card("Top prompts by cost", promptTable(r), true)}
${r.quality ? card("Quality and satisfaction", qualityTables(r.quality), true) : ""}
${card("Anomalies", anomalyList(r.anomalies), true)}
${card("Alerts", alertList(r), true)}
</main></body></html>
`;
}

function qualityTables(q: QualityReport): string {
  const head = `<tr><th></th>${QUALITY_HEADERS.map((h) => `<th class="num">${escapeHtml(h)}</th>`).join("")}</tr>`;
  const part = (title: string, rows: QualityReport["byFeature"]) =>
    `<h3>${escapeHtml(title)}</h3>` + (rows.length
      ? `<table><thead>${head}</thead><tbody>${rows.map((r) => `<tr><td><code>${escapeHtml(label(r.key).slice(0, 28))}</code></td>${qualityCells(r).map((c) => `<td class="num">${escapeHtml(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`
      : `<p class="empty">Nothing scored or rated.</p>`);
  const dispersion = q.dispersion.length
    ? `<table><thead><tr><th>prompt</th><th class="num">answers</th><th class="num">dispersion</th><th class="num">outliers</th></tr></thead><tbody>${q.dispersion
        .map((d) => `<tr><td><code>${escapeHtml(d.key.slice(0, 28))}</code></td><td class="num">${d.samples}</td><td class="num">${d.score.toFixed(2)}</td><td class="num">${d.outliers}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p class="empty">No top prompt was answered twice.</p>`;
  return part("By feature", q.byFeature) + part("By model", q.byModel) + part("By prompt", q.byPrompt) + `<h3>Answer dispersion of the top prompts</h3>${dispersion}`;
}

function anomalyList(a: AnomalyReport): string {
  if (!a.days.length) return `<p class="empty ok">${escapeHtml(quietLine(a))}</p>`;
  const days = a.days.map((d) => `<li><span class="badge tokens">${escapeHtml(d.dayLabel)}</span>
    <div class="msg">${escapeHtml(d.sentence ?? `${d.anomalies} anomalies`)}</div>
    <table><tbody>${d.top.map((x) => `<tr><td class="num">${escapeHtml(signedScore(x.score))}</td><td>${escapeHtml(x.message)}</td></tr>`).join("")}</tbody></table>
    ${moreAnomalies(d) > 0 ? `<div class="evidence">… ${moreAnomalies(d)} more on this day</div>` : ""}</li>`);
  return `<ul class="alerts">${days.join("")}</ul>${a.moreDays ? `<p class="empty">${escapeHtml(moreDaysLine(a))}</p>` : ""}`;
}
