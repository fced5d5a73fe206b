// Plain-text tables for a terminal.
import type { StatsRow } from "../../store/call-store.ts";
import type { ReportData } from "./build-report.ts";
import type { RequestSummary } from "../../traces/request-summary.ts";
import { count, day, label, ms, usd } from "./format.ts";
import { QUALITY_HEADERS, qualityCells, type QualityReport } from "./quality-report.ts";
import { moreAnomalies, moreDaysLine, quietLine, signedScore, type AnomalyReport } from "./anomaly-report.ts";

export function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function costTable(title: string, rows: StatsRow[], totalCost: number): string {
  if (!rows.length) return `${title}\n  (no calls)`;
  const body = rows.map((r) => [
    label(r.key), count(r.calls), count(r.inputTokens), count(r.outputTokens), usd(r.costUSD),
    totalCost > 0 ? `${((r.costUSD / totalCost) * 100).toFixed(1)}%` : "–", count(r.errors), ms(r.latencyP50Ms), ms(r.latencyP95Ms),
  ]);
  return `${title}\n${table(["", "calls", "in tok", "out tok", "cost", "share", "errors", "p50", "p95"], body, [false, true, true, true, true, true, true, true, true])}`;
}

function requestLine(q: RequestSummary): string {
  return `${count(q.requests)} requests (${count(q.traces)} traced, the rest single calls) · ${usd(q.costPerRequest)} per request`;
}

function requestTable(q: RequestSummary): string {
  if (!q.byFeature.length) return "Cost per request by feature\n  (no calls)";
  const rows = q.byFeature.map((f) => [label(f.key), count(f.requests), count(f.traces), usd(f.costUSD), usd(f.costPerRequest)]);
  return `Cost per request by feature\n${table(["", "requests", "traced", "cost", "per request"], rows, [false, true, true, true, true])}`;
}

export function renderTerminal(r: ReportData): string {
  const t = r.totals;
  const parts = [
    `llmscope report  ${day(r.from)} → ${day(r.to)}`,
    `${count(t.calls)} calls · ${count(t.inputTokens)} input + ${count(t.outputTokens)} output tokens · ${usd(t.costUSD)} · ${count(t.errors)} errors`,
    requestLine(r.requests),
    costTable("Cost by department", r.byDepartment, t.costUSD),
    costTable("Cost by feature", r.byFeature, t.costUSD),
    requestTable(r.requests),
    costTable("Cost by user (top)", r.byUser, t.costUSD),
    costTable("Cost by model", r.byModel, t.costUSD),
    `Top prompts by cost\n${table(
      ["prompt", "calls", "tok/call", "cost", "sample"],
      r.topPrompts.map((p) => [p.key.slice(0, 24), count(p.calls), count(Math.round((p.inputTokens + p.outputTokens) / Math.max(1, p.calls))), usd(p.costUSD), (p.sample ?? "").replace(/\s+/g, " ").slice(0, 60)]),
      [false, true, true, true, false],
    )}`,
    `Token trend (per day)\n${table(
      ["day", "calls", "in tok", "out tok", "cost"],
      r.trend.map((d) => [d.period, count(d.calls), count(d.inputTokens), count(d.outputTokens), usd(d.costUSD)]),
      [false, true, true, true, true],
    )}`,
    ...(r.quality ? [qualityText(r.quality)] : []),
    anomalyText(r.anomalies),
    r.alerts.length
      ? `Alerts (${r.alerts.length})\n${r.alerts.map((a) => `  ${new Date(a.firedAt).toISOString().slice(0, 16).replace("T", " ")}  ${a.kind.padEnd(22)} ${a.message}`).join("\n")}`
      : "Alerts\n  none",
  ];
  return parts.join("\n\n") + "\n";
}

function qualityText(q: QualityReport): string {
  const right = [false, ...QUALITY_HEADERS.map(() => true)];
  const part = (title: string, rows: QualityReport["byFeature"]) =>
    rows.length ? `${title}\n${table(["", ...QUALITY_HEADERS], rows.map((r) => [label(r.key).slice(0, 24), ...qualityCells(r)]), right)}` : `${title}\n  (nothing scored or rated)`;
  const dispersion = q.dispersion.length
    ? `Answer dispersion of the top prompts (0 alike … 1 nothing shared)\n${table(
        ["prompt", "answers", "dispersion", "outliers"],
        q.dispersion.map((d) => [d.key.slice(0, 24), String(d.samples), d.score.toFixed(2), String(d.outliers)]),
        [false, true, true, true],
      )}`
    : "Answer dispersion of the top prompts\n  (no prompt answered twice)";
  return [part("Quality and satisfaction by feature", q.byFeature), part("Quality and satisfaction by model", q.byModel), part("Quality and satisfaction by prompt", q.byPrompt), dispersion].join("\n\n");
}

function anomalyText(a: AnomalyReport): string {
  if (!a.days.length) return `Anomalies\n  none. ${quietLine(a)}`;
  const days = a.days.map((d) => {
    const rows = d.top.map((x) => `    ${signedScore(x.score).padStart(6)}  ${x.message}`);
    const more = moreAnomalies(d) > 0 ? [`    … ${moreAnomalies(d)} more`] : [];
    return [`  ${d.dayLabel}  ${d.sentence ?? `${d.anomalies} anomalies`}`, ...rows, ...more].join("\n");
  });
  return [`Anomalies (${a.days.length + a.moreDays} days, newest first; score = robust z)`, ...days, ...(a.moreDays ? [`  ${moreDaysLine(a)}`] : [])].join("\n");
}
