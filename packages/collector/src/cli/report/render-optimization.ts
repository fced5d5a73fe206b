// The optimisation report as terminal text and as one self-contained HTML page.
import type { OptimizationReport } from "../../insights/optimize/build-optimization.ts";
import type { Finding } from "../../insights/optimize/findings.ts";
import { day, truncate, usd } from "./format.ts";
import { REPORT_CSS } from "./report-css.ts";
import { barChart, escapeHtml } from "./svg-charts.ts";

const KIND_TITLE: Record<string, string> = {
  cheaper_model: "Cheaper model at equal measured quality",
  repeated_prompt: "Repeated identical prompts (a cache would have served them)",
  context_bloat: "Context bloat (input growing within sessions)",
  verbose_output: "Verbose outputs",
  top_spender: "Top spenders",
};

/** the finding's detail, led by what its subject spends where that is known */
function describe(f: Finding): string {
  return f.monthlyCostUSD === undefined ? f.detail : `${usd(f.monthlyCostUSD)} a month ${f.detail}`;
}

export function renderOptimizationTerminal(r: OptimizationReport, perKind = 5): string {
  const lines = [`Cost optimization ${day(r.from)} → ${day(r.to)}: ${r.calls} calls in ${r.requests} requests (${usd(r.costPerRequest)} a request), ${usd(r.costUSD)}; estimated savings ${usd(r.monthlySavingsUSD)} a month`, ""];
  for (const [kind, title] of Object.entries(KIND_TITLE)) {
    const found = r.findings.filter((f) => f.kind === kind);
    lines.push(`${title}${found.length > perKind ? ` (top ${perKind} of ${found.length})` : ""}`);
    if (!found.length) lines.push("  none found");
    for (const f of found.slice(0, perKind)) lines.push(`  ${(f.monthlySavingsUSD ? `${usd(f.monthlySavingsUSD)}/month` : "").padEnd(15)} ${truncate(f.subject, 70)} — ${describe(f)}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function renderOptimizationHtml(r: OptimizationReport, perKind = 10): string {
  const savingsByKind = Object.entries(KIND_TITLE)
    .filter(([k]) => k !== "top_spender")
    .map(([k, title]) => {
      const value = r.findings.filter((f) => f.kind === k).reduce((s, f) => s + f.monthlySavingsUSD, 0);
      return { label: title.split(" (")[0]!, value, text: usd(value) };
    });
  const sections = Object.entries(KIND_TITLE).map(([kind, title]) => {
    const found = r.findings.filter((f) => f.kind === kind).slice(0, perKind);
    const rows = found.map((f) => `<tr><td><code>${escapeHtml(f.subject)}</code></td><td>${escapeHtml(describe(f))}</td><td class="num strong">${f.monthlySavingsUSD ? usd(f.monthlySavingsUSD) : "—"}</td></tr>`);
    const body = rows.length ? `<table><thead><tr><th>subject</th><th>finding</th><th class="num">savings / month</th></tr></thead><tbody>${rows.join("")}</tbody></table>` : `<p class="empty ok">None found.</p>`;
    return `<section class="card wide"><h2>${escapeHtml(title)}</h2>${body}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>llmscope cost optimization ${day(r.from)} – ${day(r.to)}</title><style>${REPORT_CSS}</style></head><body>
<header><div><h1>llmscope cost optimization</h1><div class="sub">${day(r.from)} → ${day(r.to)} · ${r.calls} calls in ${r.requests} requests (${escapeHtml(usd(r.costPerRequest))} a request) · ${escapeHtml(usd(r.costUSD))} · estimated savings ${escapeHtml(usd(r.monthlySavingsUSD))} a month</div></div></header>
<main><section class="card wide"><h2>Estimated monthly savings by finding</h2>${barChart(savingsByKind)}</section>
${sections.join("\n")}</main></body></html>
`;
}
