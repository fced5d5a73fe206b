// Why a request-time anomaly happened, in the steps: which part of the time
// moved (retrieval, tools, preprocessing, HTTP, the model, the app's own
// code), which named step of that kind moved most, from what to what, and
// since when — "p95 request time +120 % — retrieval step `vector-search`
// 180 ms → 1.9 s in feature=search, since 14:05" (for the whole app, the
// feature carrying the change: carrying-feature.ts). Read from a sample of the
// day's traces against the week before.
import type { StepKind, Trace } from "@llmscope/core";
import { median } from "../store/median.ts";
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import type { TraceStepCause, TraceTimeComponent } from "./api-types.ts";
import type { TraceAnomaly } from "./detect-trace-anomalies.ts";
import { componentOf, formatMs, TRACE_MEASURE_SPECS } from "./trace-measures.ts";
import { carryingFeature } from "./carrying-feature.ts";
import { filterOf, partMs, stepMs } from "./trace-parts.ts";

export type StepCause = TraceStepCause;

const SAMPLE = 2000;
const PARTS: TraceTimeComponent[] = ["llmMs", "retrievalMs", "toolMs", "preprocessMs", "httpMs", "selfMs"];
const KIND_OF: Partial<Record<TraceTimeComponent, StepKind>> = { retrievalMs: "retrieval", toolMs: "tool", preprocessMs: "preprocess", httpMs: "http" };
const PART_LABEL: Record<TraceTimeComponent, string> = {
  durationMs: "request time", llmMs: "LLM calls", retrievalMs: "retrieval", toolMs: "tools", preprocessMs: "preprocessing", httpMs: "HTTP calls", selfMs: "the app's own code",
};

const medianOf = (values: number[]) => (values.length ? median(values) : 0);
const p95Of = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
};

/**
 * The first request past the midpoint of before and high from which such
 * requests stay common (2 in 5 of those after it: the change may hit only
 * part of the traffic of a wider cut); a stray slow request earlier does not count.
 */
function onset(points: { at: number; v: number }[], before: number, high: number): number | undefined {
  const mid = (before + high) / 2;
  let highAfter = 0;
  let since: number | undefined;
  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i]!.v < mid) continue;
    highAfter++;
    if (highAfter >= 0.4 * (points.length - i)) since = points[i]!.at;
  }
  return since;
}

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * A p95 moves when part of the day's requests change: the usual level is the
 * week before's median, the new one the median of the day's requests from the
 * change's onset on (found against the day's p95), so a change since 14:05
 * reads as its full size, not diluted by the morning.
 */
function moved(day: Trace[], past: Trace[], value: (t: Trace) => number | undefined): { before: number; after: number; since?: number } {
  const before = medianOf(past.flatMap((t) => value(t) ?? []));
  const points = day.flatMap((t) => {
    const v = value(t);
    return v === undefined ? [] : [{ at: t.startedAt, v }];
  }).sort((a, b) => a.at - b.at);
  const high = p95Of(points.map((p) => p.v));
  const since = onset(points, before, high);
  if (since === undefined) return { before, after: medianOf(points.map((p) => p.v)) };
  // the changed requests' level: those past the midpoint since the onset
  return { before, after: medianOf(points.filter((p) => p.at >= since && p.v >= (before + high) / 2).map((p) => p.v)), since };
}

export async function explainTraceAnomaly(store: CallStore, a: TraceAnomaly): Promise<StepCause | undefined> {
  const measured = componentOf(a.measure);
  if (!measured || !store.traces) return undefined;
  const filter = filterOf(a);
  const [day, past] = await Promise.all([
    store.traces.sample({ ...filter, from: dayStart(a.day), to: dayStart(a.day + 1) }, SAMPLE),
    store.traces.sample({ ...filter, from: dayStart(a.day - 7), to: dayStart(a.day) }, SAMPLE),
  ]);
  if (!day.length || !past.length) return undefined;
  // the part that moved: the measured one, or for the whole request the part whose p95 grew most
  const grew = (c: TraceTimeComponent) => p95Of(day.map((t) => partMs(t, c))) - p95Of(past.map((t) => partMs(t, c)));
  const component = measured === "durationMs" ? PARTS.reduce((best, c) => (grew(c) > grew(best) ? c : best)) : measured;
  const kind = KIND_OF[component];
  let value = (t: Trace): number | undefined => partMs(t, component);
  let cause: Omit<StepCause, "sentence"> = { component, ...moved(day, past, value) };
  let what = PART_LABEL[component];
  if (kind) {
    const names = new Set(day.flatMap((t) => t.steps.filter((s) => s.kind === kind).map((s) => s.name)));
    for (const name of names) {
      const ofStep = (t: Trace) => stepMs(t, kind, name);
      const m = moved(day, past, ofStep);
      if (what === PART_LABEL[component] || m.after - m.before > cause.after - cause.before) {
        cause = { component, stepKind: kind, stepName: name, ...m };
        what = `${kind} step \`${name}\``;
        value = ofStep;
      }
    }
  }
  const since = cause.since;
  const feature = a.dimension === "all" ? carryingFeature(day, value, cause) : undefined;
  const where = a.dimension === "all" ? (feature ? ` in feature=${feature}` : "") : ` in ${a.dimension}=${a.key}`;
  const change = `${a.change >= 0 ? "+" : ""}${Math.round(a.change * 100)} %`;
  const sentence = `${TRACE_MEASURE_SPECS[a.measure].label} ${change} — ${what} ${formatMs(cause.before)} → ${formatMs(cause.after)}${where}${since !== undefined ? `, since ${clock(since)}` : ""}`;
  return { ...cause, sentence };
}
