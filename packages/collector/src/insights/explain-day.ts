// One explanation for a day's anomalies: the same incident usually shows in
// several measures and series, so each flagged measure is analysed at the
// whole-app level and the measure the whole app moved most in (robust
// z-score) is the headline.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { analyzeRootCause, type RootCause } from "./root-cause.ts";

export async function explainDay(store: CallStore, anomalies: readonly Anomaly[], historyDays = 28): Promise<RootCause | undefined> {
  const day = anomalies[0]?.day;
  if (day === undefined) return undefined;
  let best: RootCause | undefined;
  for (const metric of new Set(anomalies.filter((a) => a.day === day).map((a) => a.metric))) {
    const rca = await analyzeRootCause(store, { metric, day, historyDays });
    if (!best || clearer(rca, best)) best = rca;
  }
  return best;
}

const clearer = (a: RootCause, b: RootCause): boolean => Math.abs(a.score) > Math.abs(b.score);
