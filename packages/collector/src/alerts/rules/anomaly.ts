// Anomalies as alerts: the whole app's day so far, and each of its finished
// hours, scored against their robust baselines (the insights' detector, read
// from the rollups), with the root cause sentence in the message: a two-hour
// error burst alerts when its first hour ends, not at midnight. Scoring a day
// reads its stats (a few ms), so a day is re-scored at most every 15 minutes
// of record time, whatever the batch size, and its hours (a month of hour
// rows) only once another hour has ended; the root cause is only computed for
// an anomaly not yet stored. Calls received long after they were made (a
// backfill of months, an outbox catching up) are not scored batch by batch:
// each of their days is scored once, whole (its hours included), when the
// calls have moved on to a later day, so a backfill ingests at live speed.
import { detectAnomalies } from "../../insights/detect-anomalies.ts";
import { analyzeRootCause } from "../../insights/root-cause.ts";
import type { CallStore } from "../../store/call-store.ts";
import type { IngestedCall } from "../../store/call-store.ts";
import { dayOf, dayStart, hourOf } from "../../store/time-buckets.ts";
import { METRICS, METRIC_SPECS } from "../../insights/metrics.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";

const ALERTED = METRICS.filter((m) => m !== "quality");
const RESCORE_MS = 15 * 60_000;
/** calls that started this long before they were received are catching up, not live */
export const CATCH_UP_MS = 3_600_000;
/** per store: the days a catch-up has delivered calls for and that are still to be scored once */
const pendingDays = new WeakMap<CallStore, Set<number>>();
/** per store, per day: the record time the day was last scored at, and the hours that had ended by then */
const lastScored = new WeakMap<CallStore, Map<number, { at: number; hoursEnded: number }>>();

/** anomaly alerts already stored are looked up among this many recent ones */
const RECENT_ALERTS = 200;

export const anomalyRule: AlertRule = {
  kind: "anomaly",
  async evaluate({ batch, store, thresholds: t, receivedAt }) {
    const drafts: AlertDraft[] = [];
    let pending = pendingDays.get(store);
    if (!pending) pendingDays.set(store, (pending = new Set()));
    const days = groupBy(batch, (c) => dayOf(c.call.startedAt));
    const reached = Math.max(...days.keys());
    const scoring: { day: number; calls: IngestedCall[]; now: number; hourly: boolean }[] = [];
    for (const [day, calls] of days) {
      const now = latestStart(calls);
      if (receivedAt - now > CATCH_UP_MS) {
        pending.add(day);
        continue;
      }
      const due = dueForScoring(store, day, now);
      if (due) scoring.push({ day, calls, now, hourly: due.hourly });
    }
    // a caught-up day is whole once calls of a later day arrive
    for (const day of [...pending].sort((a, b) => a - b)) {
      if (day >= reached) continue;
      pending.delete(day);
      scoring.push({ day, calls: days.get(day) ?? [], now: dayStart(day + 1) - 1, hourly: true });
    }
    for (const { day, calls, now, hourly } of scoring) {
      // only bad news alerts (a falling error rate or latency is good news),
      // and quality has its own quality_drop alert
      const query = { fromDay: day, toDay: day, dimensions: ["all"] as const, metrics: ALERTED, threshold: t.anomalyScore, now, hourly };
      const anomalies = (await detectAnomalies(store, query)).filter(
        (a) => a.score * METRIC_SPECS[a.metric].worse > 0,
      );
      // (a young store's days have no baseline yet: the detector skips them)
      if (!anomalies.length) continue;
      const stored = new Set((await store.listAlerts({ kind: "anomaly", limit: RECENT_ALERTS })).map((a) => a.dedupKey));
      for (const a of anomalies) {
        const dedupKey = `anomaly:${a.metric}:${a.dayLabel}`;
        if (stored.has(dedupKey)) continue;
        const rootCause = await analyzeRootCause(store, { metric: a.metric, day, ...(a.hour !== undefined ? { hour: a.hour } : {}) });
        drafts.push({
          kind: "anomaly",
          // the metric, so /v1/alerts/:id/rca knows what to decompose
          subject: a.metric,
          value: round(a.value),
          baseline: round(a.expected),
          threshold: t.anomalyScore,
          message: `${a.message}; ${rootCause.sentence}`,
          evidence: rootCause.firstCall ? [rootCause.firstCall.id, ...evidenceOf(calls)].slice(0, 20) : evidenceOf(calls),
          firedAt: now,
          dedupKey,
        });
      }
    }
    return drafts;
  },
};

/** undefined while the day was scored less than 15 minutes ago; hourly when an hour has ended since its hours were judged */
function dueForScoring(store: CallStore, day: number, at: number): { hourly: boolean } | undefined {
  let days = lastScored.get(store);
  if (!days) lastScored.set(store, (days = new Map()));
  const last = days.get(day);
  if (last !== undefined && at < last.at + RESCORE_MS) return undefined;
  const hoursEnded = hourOf(at);
  days.set(day, { at, hoursEnded });
  // only the recent days matter; forget the rest
  for (const d of days.keys()) if (d < day - 2) days.delete(d);
  return { hourly: last === undefined || hoursEnded > last.hoursEnded };
}
