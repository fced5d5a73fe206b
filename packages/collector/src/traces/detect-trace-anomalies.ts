// Trace measures (cost and LLM calls per request, the p95 of each part of a
// request's time) per day, for the whole app and by trace name, feature and
// department, scored against the 28 days before with the robust baseline the
// call anomalies use; only rises far outside it (score ≥ threshold) and large
// enough to matter are kept: by the measure's smallest change, by the call
// anomalies' materiality floors against the whole app's usual day
// (trace-materiality.ts), for a p95 only when the requests slower than the
// usual p95 are more than chance gives, and for cost or LLM calls per request
// only when not carried by three requests (few-requests.ts). A series too
// small to judge is not judged, as the call anomalies' rule goes: it needs
// enough traces on the day and on a usual day of the weeks before, and half
// of those weeks' days judged. Read from the trace rollups.
import { robustBaseline } from "../insights/robust-baseline.ts";
import { DEFAULT_MATERIALITY, type Materiality } from "../insights/materiality.ts";
import { median } from "../store/median.ts";
import type { CallStore } from "../store/call-store.ts";
import { dayLabel, dayStart, DAY_MS } from "../store/time-buckets.ts";
import type { TraceAnomalyItem, TraceStatsDimension, TraceStatsRow } from "./api-types.ts";
import { componentOf, TRACE_MEASURES, TRACE_MEASURE_SPECS, type TraceMeasure } from "./trace-measures.ts";
import { excessSlowTraces, traceImpact, usualAppDay, type AppDay } from "./trace-materiality.ts";
import { carriedByFewRequests } from "./few-requests.ts";

export type TraceAnomaly = Omit<TraceAnomalyItem, "rootCause" | "measure"> & { measure: TraceMeasure };

export interface TraceAnomalyQuery {
  fromDay: number;
  toDay: number;
  historyDays?: number;
  threshold?: number;
  /** the floors an anomaly's impact must pass, as shares of the app's usual day (see DEFAULT_MATERIALITY) */
  materiality?: Partial<Materiality>;
}

/** narrowest first: where two cuts hold the very same traces, the anomaly is reported for the first */
const DIMENSIONS: TraceStatsDimension[] = ["feature", "name", "department", "all"];
const dayOfLabel = (label: string) => Math.floor(Date.parse(`${label}T00:00:00Z`) / DAY_MS);
const pct = (change: number) => `${change >= 0 ? "+" : ""}${Math.round(change * 100)} %`;

export async function detectTraceAnomalies(store: CallStore, q: TraceAnomalyQuery): Promise<TraceAnomaly[]> {
  const traces = store.traces;
  if (!traces) return [];
  const historyDays = q.historyDays ?? 28;
  const threshold = q.threshold ?? 6;
  const materiality = { ...DEFAULT_MATERIALITY, ...q.materiality };
  const appDays = new Map<number, Promise<AppDay>>();
  const appDay = (day: number) => appDays.get(day) ?? appDays.set(day, usualAppDay(store, day, historyDays)).get(day)!;
  const out: TraceAnomaly[] = [];
  for (const dimension of DIMENSIONS) {
    const rows = await traces.stats({ groupBy: dimension, period: "day", from: dayStart(q.fromDay - historyDays), to: dayStart(q.toDay + 1) });
    const byKey = new Map<string, TraceStatsRow[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    for (const [key, series] of byKey) {
      // traces without the tag are the whole app's business, not a cut of it
      if (key === "" && dimension !== "all") continue;
      for (const measure of TRACE_MEASURES) {
        const spec = TRACE_MEASURE_SPECS[measure];
        const points = series.flatMap((r) => {
          const value = spec.value(r);
          return value !== undefined && r.traces >= spec.minTraces ? [{ day: dayOfLabel(r.period), value, traces: r.traces }] : [];
        });
        for (const p of points) {
          if (p.day < q.fromDay || p.day > q.toDay) continue;
          const history = points.filter((h) => h.day < p.day && h.day >= p.day - historyDays);
          if (history.length < historyDays / 2) continue;
          const usualTraces = median(series.filter((r) => dayOfLabel(r.period) < p.day && dayOfLabel(r.period) >= p.day - historyDays).map((r) => r.traces));
          if (usualTraces < spec.minTraces) continue;
          const base = robustBaseline(history, p.day, { seasonal: false, relativeFloor: 0.05, absoluteFloor: spec.minAbsoluteChange / 3 });
          if (!base || base.expected <= 0) continue;
          const score = (p.value - base.expected) / base.sigma;
          const change = (p.value - base.expected) / base.expected;
          if (score < threshold || change < spec.minRelativeChange || p.value - base.expected < spec.minAbsoluteChange) continue;
          const component = componentOf(measure);
          const slowed = component ? await excessSlowTraces(store, { dimension, key }, p.day, component, base.expected) : p.traces;
          if (!slowed) continue;
          const impact = traceImpact(measure, p.value - base.expected, slowed, await appDay(p.day));
          if (impact.share < materiality[impact.floor]) continue;
          const point = { measure, day: p.day, value: p.value, expected: base.expected, sigma: base.sigma };
          if (!component && (await carriedByFewRequests(store, { dimension, key }, point, threshold))) continue;
          const where = dimension === "all" ? "" : ` in ${dimension}=${key}`;
          out.push({
            dimension, key, measure, day: p.day, dayLabel: dayLabel(p.day), value: p.value, expected: base.expected, score, change, traces: p.traces,
            message: `${spec.label} ${pct(change)}${where} on ${dayLabel(p.day)}: ${spec.format(base.expected)} → ${spec.format(p.value)}`,
          });
        }
      }
    }
  }
  return withoutRepeats(out).sort((a, b) => b.day - a.day || b.score - a.score);
}

/** the same measure moving the same way over the same traces under two cuts (feature=search and name=search) is one anomaly */
function withoutRepeats(found: TraceAnomaly[]): TraceAnomaly[] {
  const seen = new Set<string>();
  return found.filter((a) => {
    const id = `${a.measure}\u0000${a.day}\u0000${a.traces}\u0000${a.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
