// `llmscope report --optimize`: top spenders, context bloat, verbose outputs,
// repeated identical prompts a cache would have served, and calls a cheaper
// model could serve at equal measured quality, each with monthly savings.
import type { CallStore } from "../../store/call-store.ts";
import { median } from "../../store/median.ts";
import { CallDigest, type Finding } from "./findings.ts";
import { repeatedPrompts } from "./repeated-prompts.ts";
import { requestSummary } from "../../traces/request-summary.ts";

export interface OptimizationReport {
  from: number;
  to: number;
  calls: number;
  /** user requests: a trace each where traces are recorded, a call each otherwise */
  requests: number;
  costPerRequest: number;
  costUSD: number;
  findings: Finding[];
  monthlySavingsUSD: number;
}

const MONTH_MS = 30 * 86_400_000;
/** a session counts as bloated when its last input is this many times its first */
const BLOAT_RATIO = 2;
/** outputs above this multiple of the prompt's median are "verbose" */
const VERBOSE_RATIO = 2;
/** a cheaper model qualifies within this many quality points (0..100) */
const QUALITY_TOLERANCE = 2;
const MIN_SCORED = 10;

export async function buildOptimization(store: CallStore, from: number, to: number, top = 5): Promise<OptimizationReport> {
  const digest = new CallDigest();
  let calls = 0;
  let costUSD = 0;
  for await (const call of store.iterateCalls({ from, to })) {
    digest.add(call);
    calls++;
    costUSD += call.cost?.totalUSD ?? 0;
  }
  const monthly = MONTH_MS / Math.max(1, to - from);
  // unrounded: a saving of a fraction of a cent is still a saving, and the renderers choose the digits
  const money = (usd: number) => usd * monthly;
  const findings: Finding[] = [];
  for (const dim of ["user", "feature", "prompt"] as const) {
    for (const row of (await store.stats({ groupBy: dim, period: "all", from, to })).filter((r) => r.key).sort((a, b) => b.costUSD - a.costUSD).slice(0, top)) {
      findings.push({ kind: "top_spender", subject: `${dim}=${row.key}`, detail: `over ${row.calls} calls in the period`, monthlyCostUSD: money(row.costUSD), monthlySavingsUSD: 0 });
    }
  }
  for (const [session, s] of digest.sessions) {
    if (s.calls < 3 || s.lastInput < BLOAT_RATIO * s.first || s.excessInputUSD <= 0) continue;
    // trimming or summarizing history would keep at least half of the growth away
    findings.push({ kind: "context_bloat", subject: `session=${session}`, detail: `input grew ${s.first} → ${s.lastInput} tokens over ${s.calls} calls on ${[...s.models].join(", ")}`, monthlySavingsUSD: money(s.excessInputUSD / 2) });
  }
  for (const { prompt, model, ...o } of digest.outputs.values()) {
    if (o.outputs.length < 10) continue;
    const usual = median(o.outputs);
    const excess = o.outputs.reduce((sum, n) => sum + (n > VERBOSE_RATIO * usual ? n - usual : 0), 0);
    if (excess <= 0) continue;
    const verbose = o.outputs.filter((n) => n > VERBOSE_RATIO * usual).length;
    findings.push({ kind: "verbose_output", subject: `model=${model} prompt=${prompt}`, model, detail: `${verbose} answers over ${VERBOSE_RATIO}× the usual ${usual} output tokens`, monthlySavingsUSD: money(excess * o.outputUSDPerToken) });
  }
  findings.push(...repeatedPrompts(digest, money));
  for (const [prompt, byModel] of digest.models) {
    const scored = [...byModel.entries()].filter(([, m]) => m.scored >= MIN_SCORED).map(([model, m]) => ({ model, ...m, perCall: m.costUSD / m.calls, q: m.quality / m.scored }));
    for (const dear of scored) {
      const cheaper = scored.filter((c) => c.perCall < dear.perCall && c.q >= dear.q - QUALITY_TOLERANCE).sort((a, b) => a.perCall - b.perCall)[0];
      if (!cheaper) continue;
      findings.push({
        kind: "cheaper_model",
        subject: `model=${dear.model} prompt=${prompt}`,
        model: dear.model,
        detail: `${dear.model} → ${cheaper.model}: quality ${dear.q.toFixed(1)} vs ${cheaper.q.toFixed(1)}, $${dear.perCall.toPrecision(3)} vs $${cheaper.perCall.toPrecision(3)} a call`,
        monthlySavingsUSD: money(dear.calls * (dear.perCall - cheaper.perCall)),
      });
    }
  }
  findings.sort((a, b) => b.monthlySavingsUSD - a.monthlySavingsUSD || a.kind.localeCompare(b.kind));
  const actionable = findings.filter((f) => f.kind !== "top_spender");
  const { requests, costPerRequest } = await requestSummary(store, from, to, []);
  return { from, to, calls, requests, costPerRequest, costUSD, findings, monthlySavingsUSD: actionable.reduce((s, f) => s + f.monthlySavingsUSD, 0) };
}
