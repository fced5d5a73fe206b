// A workload's extra calls (a prompt's, a feature's, a department's), or the
// tokens and dollars they add, that one person made are hers: a client
// looping on one prompt shows in the prompt,
// its feature and its department as much as in the person, and the person is
// the narrowest key that carries it, whether or not her own series was
// flagged. So does the model and provider she loops on, and the whole app: a
// loop on the one prompt of a small provider is the person's, not the
// provider's, though the provider's usual share of the day was small. She is named when her own day rose, against her usual level on
// that weekday, by most of the workload's rise; a power user's ordinary busy
// day does not, and a rise many people make together (a department
// onboarding, a busy Monday) is no one's.
import type { LLMCall } from "@llmscope/core";
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { baselineOf } from "./daily-series.ts";
import { filtersOf } from "./few-calls.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { AMOUNT } from "./one-person.ts";
import { seriesOf } from "./slowed-across-models.ts";
import { windowOf } from "./time-window.ts";

/** the busiest people of the workload in the window looked at */
const BUSIEST = 3;
const MAX_READ = 20_000;

/** the keys a rise can be made by: a person, or a feature (a retry storm's retries are the feature's) */
export type MakerDimension = "user" | "feature";
const MAKER: Record<MakerDimension, (c: LLMCall) => string | undefined> = { user: (c) => c.tags.userId, feature: (c) => c.tags.feature };

/** the person who made at least `carries` of a series' rise in a total (calls, tokens, cost), as her own point, and the part she made */
export async function madeByOnePerson(store: CallStore, a: Anomaly, carries: number, historyDays: number): Promise<{ anomaly: Anomaly; part: number } | undefined> {
  return madeByOne(store, a, carries, historyDays, "user");
}

/** the key of `by` (a person, a feature) that made at least `carries` of a series' rise in a total, as its own point, and the part it made */
export async function madeByOne(store: CallStore, a: Anomaly, carries: number, historyDays: number, by: MakerDimension): Promise<{ anomaly: Anomaly; part: number } | undefined> {
  const rise = a.value - a.expected;
  // a key new today is its own news (a department onboarding), however few people bring it
  const amount = AMOUNT[a.metric];
  if (!amount || a.dimension === "user" || a.dimension === by || !(a.usualCalls > 0) || !(rise > 0)) return undefined;
  const byKey = new Map<string, number>();
  let read = 0;
  for (const filter of filtersOf(a.dimension, a.key)) {
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(a.day, a.hour, a.hours) })) {
      const maker = MAKER[by](call);
      if (maker) byKey.set(maker, (byKey.get(maker) ?? 0) + amount(call));
      if (++read >= MAX_READ) return undefined;
    }
    if (read) break;
  }
  const keys = await seriesOf(store, by, a, historyDays);
  for (const [key, inWorkload] of [...byKey].sort((x, y) => y[1] - x[1]).slice(0, BUSIEST)) {
    const days = keys?.get(key);
    const row = days?.get(a.day);
    const today = (row && METRIC_SPECS[a.metric].value(row)) ?? inWorkload;
    const usual = (days && baselineOf(days, a.metric, a.day, historyDays)?.expected) ?? 0;
    // her rise inside the workload: what she made in it, at most by how much her own day rose
    const made = Math.min(inWorkload, today - usual);
    if (made >= carries * rise) {
      const usualCalls = (days && baselineOf(days, "calls", a.day, historyDays)?.expected) ?? 0;
      return { anomaly: { ...a, dimension: by, key, value: today, expected: usual, change: usual > 0 ? (today - usual) / usual : Infinity, usualCalls }, part: Math.min(1, made / rise) };
    }
  }
  return undefined;
}
