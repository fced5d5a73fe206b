// A prompt's size per request is a day's mean over its calls, and where
// people now and then paste a whole log or contract (one call in two hundred,
// at fifteen to thirty-five times the usual size) the day means swing with
// those few calls: the baseline's spread is wide, a real change (an edited
// prompt tripling its input from mid-afternoon, a context growing a quarter a
// day) can stay inside it, and a day that one pasted log carried looks like a
// level the days after are judged against. So a prompt whose per-request
// measure is out by part of the threshold on some day is read again as a
// series of days each trimmed of its few largest calls (as carriedByFewCalls
// reads a flagged point), and that series is judged by the same rules as any:
// its baseline, a level held since the days before, a climb. A day of the
// trimmed series that they report stands, with its trimmed values.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { LLMCall } from "@llmscope/core";
import { dayOf, dayStart } from "../store/time-buckets.ts";
import { baselineOf, type DailySeries, type DayRow, type KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";

/** the measures a prompt's own shape moves, as each call's amount and the day row that carries their sum */
const MEASURES: Partial<Record<Metric, { amount: (c: LLMCall) => number; row: (sum: number) => Pick<DayRow, "inputTokens" | "outputTokens" | "costUSD"> }>> = {
  tokensPerRequest: { amount: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0), row: (sum) => ({ inputTokens: sum, outputTokens: 0, costUSD: 0 }) },
  outputTokensPerRequest: { amount: (c) => c.usage.outputTokens ?? 0, row: (sum) => ({ inputTokens: 0, outputTokens: sum, costUSD: 0 }) },
  costPerRequest: { amount: (c) => c.cost?.totalUSD ?? 0, row: (sum) => ({ inputTokens: 0, outputTokens: 0, costUSD: sum }) },
};
const PER_REQUEST = Object.keys(MEASURES) as Metric[];
/** the largest calls of each day left out: as many as carriedByFewCalls leaves out, or a tenth of a busy day's (a lawyer's afternoon of whole contracts) */
const FEW = 3;
const FEW_SHARE = 0.1;
/** days out by this part of the threshold are read again; below it even a trimmed reading rarely gets there */
const NEAR = 1 / 3;
/** a prompt's calls read at most, over its whole history */
const MAX_READ = 100_000;

export async function trimmedSizePoints(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<ScoredPoint[]> {
  if (dimension !== "prompt") return [];
  const found: ScoredPoint[] = [];
  for (const [key, days] of series) {
    const near = key === "" ? [] : nearDays(days, scan);
    if (!near.length) continue;
    const trimmed = await trimmedSeries(store, key, days, scan);
    for (const [metric, trimmedDays] of trimmed) {
      const points = scanSeries(new Map([[key, trimmedDays]]), "prompt", { ...scan, metrics: [metric] });
      found.push(...points.filter((p) => near.some((n) => n.day === p.day && n.metric === p.metric)));
    }
  }
  return found;
}

/** the days and measures whose untrimmed mean is out by part of the threshold and by a change worth attention */
function nearDays(days: KeyDays, scan: ScanOptions): { day: number; metric: Metric }[] {
  const near: { day: number; metric: Metric }[] = [];
  for (let day = scan.fromDay; day <= scan.toDay; day++) {
    const row = days.get(day);
    if (!row || row.calls < scan.minCalls) continue;
    for (const metric of PER_REQUEST.filter((m) => !scan.metrics || scan.metrics.includes(m))) {
      const spec = METRIC_SPECS[metric];
      const value = spec.value(row);
      const base = value === undefined ? undefined : baselineOf(days, metric, day, scan.historyDays);
      if (value === undefined || !base) continue;
      const delta = spec.worse * (value - base.expected);
      if (delta >= NEAR * scan.threshold * base.sigma && delta >= spec.minRelativeChange * Math.abs(base.expected)) near.push({ day, metric });
    }
  }
  return near;
}

/** each measure's series of the prompt's days, each day without its few largest calls by that measure */
async function trimmedSeries(store: CallStore, key: string, days: KeyDays, scan: ScanOptions): Promise<Map<Metric, KeyDays>> {
  const amounts = new Map<number, LLMCall[]>();
  const from = scan.fromDay - scan.historyDays;
  for (const filter of filtersOf("prompt", key)) {
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, from: dayStart(from), to: dayStart(scan.toDay + 1) })) {
      if (++read > MAX_READ) return new Map();
      const day = dayOf(call.startedAt);
      (amounts.get(day) ?? amounts.set(day, []).get(day)!).push(call);
    }
    if (read) break;
  }
  const out = new Map<Metric, KeyDays>();
  for (const metric of PER_REQUEST) {
    const measure = MEASURES[metric]!;
    const trimmed: KeyDays = Object.assign(new Map<number, DayRow>(), { dataFrom: days.dataFrom, firstSeen: days.firstSeen });
    for (const [day, calls] of amounts) {
      const row = days.get(day);
      const rest = calls.map(measure.amount).sort((a, b) => b - a).slice(Math.max(FEW, Math.ceil(FEW_SHARE * calls.length)));
      // the day's mean without them, over all its calls: a change moves the calls left out too, and its impact is theirs as well
      if (row && rest.length) trimmed.set(day, { ...row, ...measure.row((rest.reduce((s, v) => s + v, 0) / rest.length) * row.calls) });
    }
    out.set(metric, trimmed);
  }
  return out;
}
