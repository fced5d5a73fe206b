// Trace anomalies as alerts: cost and LLM calls per request and each part of
// a request's time, per day and cut (../../traces/detect-trace-anomalies.ts,
// with the call anomalies' materiality floors and "too small to judge"
// rules), each explained down to the step that moved. One change shows under
// several cuts and measures (feature=search and the whole app, request time
// and retrieval time): those naming the same cause are one alert, told for
// the narrowest cut, with the others listed, and it links an example request.
// Days are scored on the anomaly alerts' schedule (../day-schedule.ts): a live
// day every 15 minutes of record time at most, a caught-up day once, whole.
import type { Trace } from "@llmscope/core";
import type { CallStore } from "../../store/call-store.ts";
import { dayOf } from "../../store/time-buckets.ts";
import type { TraceAnomalyItem } from "../../traces/api-types.ts";
import { exampleTrace } from "../../traces/example-trace.ts";
import { explainedTraceAnomalies } from "../../traces/explained-trace-anomalies.ts";
import { MAX_EVIDENCE, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";
import { createDaySchedule } from "../day-schedule.ts";

const schedule = createDaySchedule();
/** trace anomaly alerts already stored are looked up among this many recent ones */
const RECENT_ALERTS = 200;
const NARROWEST_FIRST = ["feature", "name", "department", "all"];

/** what moved: the step (or part of the time) the root cause names, else the measure */
function causeOf(a: TraceAnomalyItem): string {
  const c = a.rootCause;
  if (!c) return a.measure;
  return c.stepKind && c.stepName ? `${c.stepKind}:${c.stepName}` : c.component;
}

const cutOf = (a: TraceAnomalyItem) => (a.dimension === "all" ? "the whole app" : `${a.dimension}=${a.key}`);

/** the narrowest cut first, then the request time (what users feel) before its parts, then the strongest */
function tellFirst(a: TraceAnomalyItem, b: TraceAnomalyItem): number {
  const rank = (x: TraceAnomalyItem) => NARROWEST_FIRST.indexOf(x.dimension) * 2 + (x.measure === "p95.durationMs" ? 0 : 1);
  return rank(a) - rank(b) || b.score - a.score;
}

function latestByDay(traces: Trace[]): Map<number, number> {
  const latest = new Map<number, number>();
  for (const t of traces) {
    const day = dayOf(t.startedAt);
    latest.set(day, Math.max(latest.get(day) ?? -Infinity, t.startedAt));
  }
  return latest;
}

export const traceAnomalyRule: AlertRule = {
  kind: "trace_anomaly",
  async evaluate({ traces, store, thresholds: t, receivedAt }) {
    if (!store.traces || !traces.length) return [];
    const drafts: AlertDraft[] = [];
    for (const { day, now } of schedule.due(store, latestByDay(traces), receivedAt)) {
      const found = await explainedTraceAnomalies(store, day, day, t.anomalyScore);
      if (!found.length) continue;
      const stored = new Set((await store.listAlerts({ kind: "trace_anomaly", limit: RECENT_ALERTS })).map((a) => a.dedupKey));
      const byCause = new Map<string, TraceAnomalyItem[]>();
      for (const a of found) byCause.set(causeOf(a), [...(byCause.get(causeOf(a)) ?? []), a]);
      for (const [cause, group] of byCause) {
        const [a, ...rest] = group.sort(tellFirst);
        const dedupKey = `trace_anomaly:${cause}:${a!.dayLabel}`;
        if (stored.has(dedupKey)) continue;
        drafts.push(await draftOf(store, a!, rest, t.anomalyScore, now, dedupKey));
      }
    }
    return drafts;
  },
};

async function draftOf(
  store: CallStore, a: TraceAnomalyItem, rest: TraceAnomalyItem[], threshold: number, firedAt: number, dedupKey: string,
): Promise<AlertDraft> {
  const example = await exampleTrace(store, a);
  const also = [...new Set(rest.map(cutOf))].filter((c) => c !== cutOf(a));
  const what = a.rootCause ? `${a.rootCause.sentence} on ${a.dayLabel}` : a.message;
  return {
    kind: "trace_anomaly",
    subject: `${a.dimension === "all" ? "all" : `${a.dimension}=${a.key}`} ${a.measure}`,
    value: round(a.value),
    baseline: round(a.expected),
    threshold,
    message: `${what}${also.length ? ` (also in ${also.join(", ")})` : ""}${example ? `; example request: trace ${example.id} (/v1/traces/${example.id})` : ""}`,
    evidence: (example?.callIds ?? []).slice(0, MAX_EVIDENCE),
    firedAt,
    dedupKey,
  };
}
