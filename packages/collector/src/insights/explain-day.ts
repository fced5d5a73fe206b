// One explanation for a day's anomalies: the same incident usually shows in
// several measures and series, so one measure is chosen as the headline and
// analysed at the whole-app level: the one the whole app moved most in
// (robust z-score), counted only in the direction that measure's anomalies
// point. A model switch on a small feature barely moves the app's totals, and
// a quiet day's drop in requests must not head a story about rising cost.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import type { Metric } from "./metrics.ts";
import { analyzeRootCause, type RootCause } from "./root-cause.ts";

/** one series' weight in a measure's direction is capped: a series new today has an unbounded score */
const SCORE_CAP = 30;

export async function explainDay(store: CallStore, anomalies: readonly Anomaly[], historyDays = 28): Promise<RootCause | undefined> {
  const day = anomalies[0]?.day;
  if (day === undefined) return undefined;
  const direction = new Map<Metric, number>();
  for (const a of anomalies) {
    if (a.day === day) direction.set(a.metric, (direction.get(a.metric) ?? 0) + Math.max(-SCORE_CAP, Math.min(SCORE_CAP, a.score)));
  }
  let best: { rca: RootCause; agreement: number } | undefined;
  for (const [metric, pull] of direction) {
    const rca = await analyzeRootCause(store, { metric, day, historyDays });
    const agreement = Math.sign(pull) * rca.score;
    if (!best || agreement > best.agreement) best = { rca, agreement };
  }
  return best?.rca;
}
