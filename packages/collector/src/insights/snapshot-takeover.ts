// A provider that starts serving a new snapshot under a model's alias changes
// every call of that alias from then on (answers' length, speed, behaviour):
// a categorical change, news on the day it appears however late in the day it
// came. Its first evening is a few calls, or a few dozen, under the floors
// the day's totals are held to, so a served snapshot new that day is judged
// by what it took over instead: when, from its first call on, it serves most
// of the calls of the models asked for, those models' usual day is what it
// answers from now on, and that is held to the floor of requests affected.
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import type { Impact } from "./materiality.ts";
import { judged, type ScanOptions } from "./scan-series.ts";
import { windowOf } from "./time-window.ts";

/** the share of a model's calls after the snapshot's first one that it must serve to have replaced the one before */
const TAKEOVER = 0.5;
/** and the fewest of them that show it: one call at midnight, or a canary's first, show nothing */
const MIN_SERVED = 5;
const MAX_READ = 20_000;

/** a new served snapshot's first day, as a point whose impact is the usual day of the models it took over */
export async function snapshotTakeovers(store: CallStore, served: DailySeries, models: DailySeries, scan: ScanOptions): Promise<ScoredPoint[]> {
  const found: ScoredPoint[] = [];
  for (const [key, days] of served) {
    const day = days.firstSeen;
    if (key === "" || day === undefined || day < scan.fromDay || day > scan.toDay || !(day > (days.dataFrom ?? Infinity))) continue;
    // its calls against its (empty) past, however few came before midnight
    const row = days.get(day);
    const base = baselineOf(days, "calls", day, scan.historyDays);
    if (!row || !base) continue;
    const affected = await takenOver(store, key, day, models, scan.historyDays);
    const usual = baselineOf(scan.app, "calls", day, scan.historyDays)?.expected ?? 0;
    const share = usual > 0 ? affected / usual : Infinity;
    const impact: Impact = { floor: "affected", amount: affected, share, dayShare: share };
    const score = (row.calls - base.expected) / base.sigma;
    if (affected > 0 && share >= scan.materiality.affected) found.push({ key, metric: "calls", day, value: row.calls, expected: base.expected, sigma: base.sigma, score, impact, usualCalls: 0 });
  }
  return found;
}

/** the usual calls a day of the models the snapshot took over from its first call on (0 when it took over none) */
async function takenOver(store: CallStore, key: string, day: number, models: DailySeries, historyDays: number): Promise<number> {
  let first: number | undefined;
  const asked = new Set<string>();
  let read = 0;
  for await (const call of store.iterateCalls({ responseModel: key, ...windowOf(day) })) {
    first ??= call.startedAt;
    if (call.model) asked.add(call.model);
    if (++read >= MAX_READ) break;
  }
  if (first === undefined) return 0;
  let affected = 0;
  for (const model of asked) {
    const days = models.get(model);
    // a model new itself is its own news; the snapshot it is served by is no change of it
    if (!judged(days, "calls", day, historyDays)) continue;
    const since = { model, from: first, to: dayStart(day + 1) };
    const [all, mine] = await Promise.all([store.count(since), store.count({ ...since, responseModel: key })]);
    if (mine >= MIN_SERVED && mine / all >= TAKEOVER) affected += baselineOf(days!, "calls", day, historyDays)?.expected ?? 0;
  }
  return affected;
}
