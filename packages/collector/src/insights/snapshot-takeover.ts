// A provider that starts serving a new snapshot under a model's alias changes
// every call of that alias from then on (answers' length, speed, behaviour):
// a categorical change, news on the day it appears however late in the day it
// came. Its first afternoon is a few dozen calls, under the floors the day's
// totals are held to, so a served snapshot new that day is judged by what it
// took over instead: when, from its first call on, it serves most of the
// calls of the models asked for, those models' usual day is what it answers
// from now on, and that is held to the floor of requests affected.
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import type { Impact } from "./materiality.ts";
import { judged, scanSeries, type ScanOptions } from "./scan-series.ts";
import { windowOf } from "./time-window.ts";

/** the share of a model's calls after the snapshot's first one that it must serve to have replaced the one before */
const TAKEOVER = 0.5;
const NO_FLOORS = { calls: 0, tokens: 0, cost: 0, affected: 0, errors: 0, newKey: 0 };
const MAX_READ = 20_000;

/** a new served snapshot's first day, as a point whose impact is the usual day of the models it took over */
export async function snapshotTakeovers(store: CallStore, served: DailySeries, models: DailySeries, scan: ScanOptions): Promise<ScoredPoint[]> {
  const found: ScoredPoint[] = [];
  for (const [key, days] of served) {
    const day = days.firstSeen;
    if (key === "" || day === undefined || day < scan.fromDay || day > scan.toDay || !(day > (days.dataFrom ?? Infinity))) continue;
    // its calls far outside its (empty) past: the point the floors of the day's totals held back
    const [point] = scanSeries(new Map([[key, days]]), "responseModel", { ...scan, fromDay: day, toDay: day, metrics: ["calls"], materiality: NO_FLOORS });
    if (!point) continue;
    const affected = await takenOver(store, key, day, models, scan.historyDays);
    const usual = baselineOf(scan.app, "calls", day, scan.historyDays)?.expected ?? 0;
    const share = usual > 0 ? affected / usual : Infinity;
    const impact: Impact = { floor: "affected", amount: affected, share, dayShare: share };
    if (affected > 0 && share >= scan.materiality.affected) found.push({ ...point, impact });
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
    if (all > 0 && mine / all >= TAKEOVER) affected += baselineOf(days!, "calls", day, historyDays)?.expected ?? 0;
  }
  return affected;
}
