// One explanation for a day's anomalies: the same incident usually shows in
// several measures and series, so one measure is chosen as the headline and
// analysed at the whole-app level: the one the whole app moved most in
// (robust z-score), counted only in the direction that measure's anomalies
// point. A model switch on a small feature barely moves the app's totals, and
// a quiet day's drop in requests must not head a story about rising cost.
// A day whose anomalies are all in hourly series (a burst too short to move
// the day) is explained at its strongest hour instead.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import type { Metric } from "./metrics.ts";
import { analyzeRootCause, type RootCause } from "./root-cause.ts";

/** one series' weight in a measure's direction is capped: a series new today has an unbounded score */
const SCORE_CAP = 30;

export async function explainDay(store: CallStore, anomalies: readonly Anomaly[], historyDays = 28): Promise<RootCause | undefined> {
  const day = anomalies[0]?.day;
  if (day === undefined) return undefined;
  const sameDay = anomalies.filter((a) => a.day === day);
  const wholeDay = sameDay.filter((a) => a.hour === undefined);
  const hour = wholeDay.length ? undefined : strongestHour(sameDay);
  const counted = hour === undefined ? wholeDay : sameDay.filter((a) => a.hour === hour);
  const direction = new Map<Metric, number>();
  for (const a of counted) {
    direction.set(a.metric, (direction.get(a.metric) ?? 0) + capped(a.score));
  }
  let best: { rca: RootCause; agreement: number } | undefined;
  for (const [metric, pull] of direction) {
    const rca = await analyzeRootCause(store, { metric, day, historyDays, ...(hour !== undefined ? { hour } : {}) });
    const agreement = Math.sign(pull) * rca.score;
    if (!best || agreement > best.agreement) best = { rca, agreement };
  }
  return best?.rca;
}

const capped = (score: number) => Math.max(-SCORE_CAP, Math.min(SCORE_CAP, score));

/** the hour whose anomalies weigh most */
function strongestHour(anomalies: readonly Anomaly[]): number | undefined {
  const weight = new Map<number, number>();
  for (const a of anomalies) if (a.hour !== undefined) weight.set(a.hour, (weight.get(a.hour) ?? 0) + Math.abs(capped(a.score)));
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0];
}
