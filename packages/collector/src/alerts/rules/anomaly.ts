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
// calls have moved on to a later day, so a backfill ingests at live speed
// (../day-schedule.ts, which the trace anomaly alerts share).
import { detectAnomalies } from "../../insights/detect-anomalies.ts";
import { analyzeRootCause } from "../../insights/root-cause.ts";
import { dayOf } from "../../store/time-buckets.ts";
import { METRICS, METRIC_SPECS } from "../../insights/metrics.ts";
import { evidenceOf, groupBy, latestStart, round, type AlertDraft, type AlertRule } from "../alert-rule.ts";
import { createDaySchedule } from "../day-schedule.ts";

const ALERTED = METRICS.filter((m) => m !== "quality");
const schedule = createDaySchedule();

/** anomaly alerts already stored are looked up among this many recent ones */
const RECENT_ALERTS = 200;

export const anomalyRule: AlertRule = {
  kind: "anomaly",
  async evaluate({ batch, store, thresholds: t, receivedAt }) {
    const drafts: AlertDraft[] = [];
    const days = groupBy(batch, (c) => dayOf(c.call.startedAt));
    const latest = new Map([...days].map(([day, calls]) => [day, latestStart(calls)]));
    for (const { day, now, hourly } of schedule.due(store, latest, receivedAt)) {
      const calls = days.get(day) ?? [];
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
        const rootCause = await analyzeRootCause(store, { metric: a.metric, day, ...(a.hour !== undefined ? { hour: a.hour, hours: a.hours ?? 1 } : {}) });
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
