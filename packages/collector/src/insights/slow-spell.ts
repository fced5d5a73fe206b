// A provider slowed for an afternoon when it has a handful of calls an hour:
// no hour holds calls enough for its p95 to be judged, and the day's p95 (its
// fourth-slowest call of eighty, say) hangs on the day's longest answers, so
// twenty calls waiting three times as long for their first token move neither.
// Counted, they are plain: on an ordinary day one call in twenty is slower
// than the usual p95; here most are, hour after hour. The hours' rollups say
// where to look (an hour whose median passed the usual p95 had half its calls
// above it); the calls of the likeliest run of hours are then read and counted,
// a person's own run of long calls counting as little as it does for any
// slowdown (see slow-calls.ts). Where the same hours of the day before were
// slow beyond chance too, the series holds a new level (a slower snapshot
// took over yesterday), told then. What passes chance still has to pass the
// floors of any slowdown: requests or people slowed (see slowed-people.ts).
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { DailySeries, DayRow } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import type { Metric } from "./metrics.ts";
import { poissonTail } from "./poisson-tail.ts";
import { appScaleOf, judgedBaseline, type ScanOptions } from "./scan-series.ts";
import { ABOVE_P95, countedSlow, SLOW_CALL_TIME } from "./slow-calls.ts";
import { windowOf } from "./time-window.ts";
import { appCallsIn, usualCallsIn, type HoursRun } from "./window-scale.ts";
import { leastLikelyRun } from "./least-likely-run.ts";

/** the series a slowdown is a provider's in */
export const SPELL_DIMENSIONS: readonly StatsDimension[] = ["provider", "model"];
/** the longest run of hours read as one slowdown: a provider's bad afternoon */
const MAX_HOURS = 8;
/** the chance the run's slow calls must fall below: as for a burst of failures (see failure-burst.ts) */
const CHANCE = 1e-9;
/** the chance the rollups' lower bound must fall below before the run's calls are read */
const WORTH_READING = 1e-4;
const MAX_READ = 5_000;

/** each percentile measure, with the median beside its p95 in an hour's row and the calls it is over */
interface Measure {
  median: (r: DayRow) => number | undefined;
  measured: (r: DayRow) => number;
}
const MEASURES: Partial<Record<Metric, Measure>> = {
  ttftP95: { median: (r) => r.ttftP50Ms, measured: (r) => r.streamed ?? r.calls },
  latencyP95: { median: (r) => r.latencyP50Ms, measured: (r) => r.calls },
};

/** one series' slowdowns over a few hours, a point for each day and measure, its impact still to be confirmed */
export async function slowSpells(store: CallStore, dimension: StatsDimension, days: DailySeries, slices: readonly DailySeries[], appHours: readonly DailySeries[], scan: ScanOptions): Promise<ScoredPoint[]> {
  if (!SPELL_DIMENSIONS.includes(dimension)) return [];
  const found: ScoredPoint[] = [];
  for (const [key, keyDays] of days) {
    if (key === "") continue;
    for (let day = scan.fromDay; day <= scan.toDay; day++) {
      if (!keyDays.get(day)) continue;
      for (const [metric, measure] of Object.entries(MEASURES) as [Metric, Measure][]) {
        const usual = judgedBaseline(keyDays, metric, day, scan.historyDays);
        if (!usual) continue;
        const run = leastLikelyRun(MAX_HOURS, ABOVE_P95, (h) => slowAtLeast(slices[h]!.get(key)?.get(day), measure, usual.expected), day, scan.now);
        if (!run || run.chance > WORTH_READING) continue;
        const read = await slowCallsIn(store, dimension, key, day, run, metric, usual.expected);
        if (!read || poissonTail(read.counted, ABOVE_P95 * read.measured) > CHANCE) continue;
        // the same hours of the day before were slow beyond chance too: the series' new level (a slower snapshot
        // that took over yesterday), told then, not news today
        const before = await slowCallsIn(store, dimension, key, day - 1, run, metric, usual.expected);
        if (before && poissonTail(before.counted, ABOVE_P95 * before.measured) <= WORTH_READING) continue;
        const appCalls = appCallsIn(scan, appHours, day, run);
        const dayCalls = appScaleOf(scan, day, false).calls;
        found.push({
          key,
          metric,
          day,
          hour: run.hour,
          hours: run.hours,
          value: read.p95,
          expected: usual.expected,
          sigma: usual.sigma,
          score: (read.p95 - usual.expected) / usual.sigma,
          impact: { floor: "affected", amount: read.measured, share: read.measured / appCalls, dayShare: dayCalls > 0 ? read.measured / dayCalls : Infinity },
          usualCalls: usualCallsIn(slices, key, day, run, scan.historyDays),
        });
      }
    }
  }
  return found;
}

/** an hour's calls, and those its median says were slower than the usual p95 at the least: half of them where it passed it */
function slowAtLeast(row: DayRow | undefined, measure: Measure, usualP95: number) {
  const calls = row ? measure.measured(row) : 0;
  return row && { calls, events: calls > 0 && (measure.median(row) ?? 0) > usualP95 ? Math.ceil(calls / 2) : 0 };
}

/** the run's calls slower than the usual p95, each person's counted as for any slowdown, and the run's own p95 */
async function slowCallsIn(store: CallStore, dimension: StatsDimension, key: string, day: number, run: HoursRun, metric: Metric, usualP95: number) {
  const time = SLOW_CALL_TIME[metric]!;
  for (const filter of filtersOf(dimension, key)) {
    const times: number[] = [];
    const people = new Map<string, { measured: number; slow: number }>();
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(day, run.hour, run.hours) })) {
      const t = time(call);
      if (t === undefined) continue;
      times.push(t);
      const person = call.tags.userId ?? `session:${call.sessionId}`;
      const own = people.get(person) ?? { measured: 0, slow: 0 };
      people.set(person, { measured: own.measured + 1, slow: own.slow + (t > usualP95 ? 1 : 0) });
      if (times.length >= MAX_READ) break;
    }
    if (!times.length) continue;
    times.sort((a, b) => a - b);
    const counted = [...people.values()].reduce((n, own) => n + countedSlow(own), 0);
    return { measured: times.length, counted, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]! };
  }
  return undefined;
}
