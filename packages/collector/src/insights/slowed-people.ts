// Whether a slowdown matters: the requests it slowed, or the people it slowed.
// A provider slowed through an afternoon when few of its calls are made (a
// model the American engineers prefer, after Europe has gone home) slows
// thirty-odd requests, under the floor of the app's day, and yet every one
// of the sixteen people then at work on it waited four times as long: a fifth
// of the people a working day sees. So a percentile point is material when
// its calls slowed beyond chance pass the requests-affected floor, or the
// people slowed (a call slower than the usual p95 in an hour when most of
// the series' calls were: see slowedBeyondChance) pass the same floor of the
// app's usual people a day while the requests slowed pass half theirs. A day
// of more long calls than usual leaves most calls of each hour as fast as
// ever, and a dozen requests slowed is not a visible part of the app's day.
// The impact reported stays the requests slowed.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { DayRow, KeyDays } from "./daily-series.ts";
import { baselineOf, loadDailySeries } from "./daily-series.ts";
import { averageDay } from "./average-day.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { withAmount, type Impact } from "./materiality.ts";
import { PERSON_FLOOR, type ScanOptions } from "./scan-series.ts";
import { slowedBeyondChance } from "./slow-calls.ts";

/** the part of the requests floor a slowdown the people floor carries must still pass */
const PEOPLE_REQUESTS = 0.5;

/** the people with calls each day, as a series of their own; one per detection run (keyed by its app series) */
const peopleDays = new WeakMap<KeyDays, Promise<KeyDays>>();

async function peopleSeries(store: CallStore, scan: ScanOptions): Promise<KeyDays> {
  let days = peopleDays.get(scan.app);
  if (!days) peopleDays.set(scan.app, (days = countPeople(store, scan)));
  return days;
}

async function countPeople(store: CallStore, scan: ScanOptions): Promise<KeyDays> {
  const users = await loadDailySeries(store, "user", scan.fromDay - scan.historyDays, scan.toDay);
  const out: KeyDays = new Map();
  if (scan.app.dataFrom !== undefined) out.dataFrom = scan.app.dataFrom;
  for (const [key, days] of users) {
    if (key === "") continue;
    for (const [day, row] of days) {
      if (!(row.calls > 0)) continue;
      const n = out.get(day);
      out.set(day, n ? { ...n, calls: n.calls + 1 } : ({ period: "", key: "", calls: 1, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {} } satisfies DayRow));
    }
  }
  return out;
}

/** the app's usual people on a day: never below its average day, as for its requests (see appScaleOf) */
export async function usualPeople(store: CallStore, scan: ScanOptions, day: number): Promise<number> {
  const days = await peopleSeries(store, scan);
  return Math.max(baselineOf(days, "calls", day, scan.historyDays)?.expected ?? 0, averageDay(days, "calls", day, scan.historyDays));
}

/** a percentile point's impact, counted in the requests it slowed, when they or the people slowed are material; null when neither is; undefined for a measure that is no percentile */
export async function materialSlowdown(store: CallStore, dimension: StatsDimension, point: ScoredPoint, scan: ScanOptions): Promise<Impact | null | undefined> {
  const slowed = await slowedBeyondChance(store, dimension, point);
  if (slowed === undefined) return undefined;
  if (!(slowed.calls > 0)) return null;
  const impact = withAmount(point.impact, slowed.calls);
  const floor = scan.materiality.affected * (dimension === "user" ? PERSON_FLOOR : 1);
  if (impact.share >= floor) return impact;
  // one person's own series is hers alone; and the requests slowed must still be a visible part of the app's day
  if (dimension === "user" || impact.share < floor * PEOPLE_REQUESTS) return null;
  const people = await usualPeople(store, scan, point.day);
  return people > 0 && slowed.people / people >= floor ? impact : null;
}
