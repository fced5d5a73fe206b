// The sentence a person acts on: what moved, how much, which key explains most
// of it, how that key itself changed, and where to start reading.
import type { RootCause } from "./root-cause.ts";
import { METRIC_SPECS, metricLabel } from "./metrics.ts";
import { hourSpan } from "./time-window.ts";

const pct = (x: number) => `${x >= 0 ? "+" : ""}${Math.round(x * 100)}%`;
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

export function rootCauseSentence(r: RootCause): string {
  const spec = METRIC_SPECS[r.metric];
  const label = metricLabel(r.metric, r.hour);
  const when = r.hour !== undefined ? `at ${hourSpan(r.hour, r.hours)} on ${r.dayLabel}` : `on ${r.dayLabel}`;
  const head = `${label} ${pct(r.change)} ${when} (${spec.format(r.before)} → ${spec.format(r.after)})`;
  const top = r.causes[0];
  if (!top || top.share < 0.3) return `${head} — spread evenly, no single dimension explains it`;
  let s = `${head} — ${Math.round(Math.min(1, top.share) * 100)}% from ${top.dimension}=${top.key}`;
  if (top.before !== undefined && top.after !== undefined) {
    s += `, whose ${label} went ${spec.format(top.before)} → ${spec.format(top.after)}`;
  }
  if (r.firstCall) s += ` from ${stamp(r.firstCall.startedAt)} (first call: id ${r.firstCall.id})`;
  const next = r.causes[1];
  if (next && next.share >= 0.5) s += `; also concentrated in ${next.dimension}=${next.key}`;
  return s;
}
