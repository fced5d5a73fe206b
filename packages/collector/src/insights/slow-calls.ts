// A p95 over a few dozen calls is the fourth-slowest of them: in a window of
// mixed calls (a long contract next to an embedding, streamed and not) a
// handful of slow ones can double it with nothing slowed at all. A slowdown
// moves many calls: so a percentile point counts the calls slower than the
// usual p95 and keeps the point only when they are beyond what chance gives
// (about 5% of the calls, binomially). Those excess calls are what the
// slowdown affected, and what its materiality is judged on. Calls are not
// drawn one by one, though: a person works in runs (a lawyer's contracts on the
// dearest model, someone's afternoon of code reviews), each call as long as it
// always is, and in a quiet hour two such runs are a handful of "slow" calls
// with nothing slowed. A slowdown slows everyone's calls; so no person's slow
// calls count toward what must be beyond chance for more than two calls, or
// than three times her chance share where she made many.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { filtersOf } from "./few-calls.ts";
import type { Metric } from "./metrics.ts";
import { windowOf } from "./time-window.ts";
import { HOUR_MS } from "../store/time-buckets.ts";

/** the share of calls above a p95 on an ordinary day */
export const ABOVE_P95 = 0.05;
/** binomial deviations the count above the usual p95 must pass */
const SLOW_SIGMAS = 3;
/** the slow calls one person's run counts for, or this many times her chance share (ABOVE_P95 of her calls) */
const RUN = 2;
const RUN_SHARES = 3;

/** a person's slow calls as many as count toward a slowdown: a run of her own long calls is her work, not a slowdown */
export const countedSlow = (own: { measured: number; slow: number }): number => Math.min(own.slow, Math.max(RUN, RUN_SHARES * ABOVE_P95 * own.measured));
const MAX_READ = 20_000;

export const SLOW_CALL_TIME: Partial<Record<Metric, (c: LLMCall) => number | undefined>> = {
  latencyP95: (c) => c.timing.durationMs,
  // a non-streamed call's first token arrives with its whole body
  ttftP95: (c) => (c.stream === false ? undefined : c.timing.ttftMs),
};

export interface PercentilePoint {
  key: string;
  metric: Metric;
  day: number;
  hour?: number;
  /** the hours in a row from `hour` read, where more than one */
  hours?: number;
  /** the usual p95 */
  expected: number;
}

/** the calls slower than the usual p95 beyond the usual 5%, when beyond chance; 0 when not; undefined for a measure that is no percentile */
export async function excessSlowCalls(store: CallStore, dimension: StatsDimension, point: PercentilePoint): Promise<number | undefined> {
  return (await slowedBeyondChance(store, dimension, point))?.calls;
}

/**
 * the calls slowed beyond chance (see excessSlowCalls), and the people slowed: those with a call slower than the usual
 * p95 in an hour when most of the series' calls (of two or more) were. A slowdown slows everyone's calls while it
 * lasts, where a mix of longer calls (a day of more code reviews) leaves most calls of each hour as fast as ever,
 * and an hour of two calls both slower than the usual p95 comes by chance once in four hundred. Both 0 when the
 * calls are within chance
 */
export async function slowedBeyondChance(store: CallStore, dimension: StatsDimension, point: PercentilePoint): Promise<{ calls: number; people: number } | undefined> {
  const time = SLOW_CALL_TIME[point.metric];
  if (!time) return undefined;
  for (const filter of filtersOf(dimension, point.key)) {
    let measured = 0;
    let slow = 0;
    /** person → her measured and slow calls (one person's own series is hers alone) */
    const people = new Map<string, { measured: number; slow: number }>();
    /** hour → its measured and slow calls, and the people of its slow calls */
    const hours = new Map<number, { measured: number; slow: number; slowedPeople: Set<string> }>();
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day, point.hour, point.hours) })) {
      const t = time(call);
      if (t === undefined) continue;
      measured++;
      if (t > point.expected) slow++;
      const user = dimension === "user" ? undefined : call.tags.userId;
      const hour = hours.get(Math.floor(call.startedAt / HOUR_MS)) ?? { measured: 0, slow: 0, slowedPeople: new Set<string>() };
      hours.set(Math.floor(call.startedAt / HOUR_MS), hour);
      hour.measured++;
      if (t > point.expected) hour.slow++;
      if (user !== undefined) {
        const own = people.get(user) ?? { measured: 0, slow: 0 };
        people.set(user, { measured: own.measured + 1, slow: own.slow + (t > point.expected ? 1 : 0) });
        if (t > point.expected) hour.slowedPeople.add(user);
      }
      if (measured >= MAX_READ) break;
    }
    if (!measured) continue;
    const excess = excessOverChance(measured, slow);
    const capped = [...people.values()].reduce((n, own) => n - (own.slow - countedSlow(own)), slow);
    if (!(excess > 0 && excessOverChance(measured, capped) > 0)) return { calls: 0, people: 0 };
    const slowed = new Set<string>();
    for (const h of hours.values()) if (h.measured >= 2 && h.slow > h.measured / 2) for (const user of h.slowedPeople) slowed.add(user);
    return { calls: excess, people: slowed.size };
  }
  return undefined;
}

/** of `measured` calls or requests, `slow` were slower than the usual p95: how many beyond chance's 5%, or 0 within chance */
export function excessOverChance(measured: number, slow: number): number {
  const usual = ABOVE_P95 * measured;
  const excess = slow - usual;
  return excess >= SLOW_SIGMAS * Math.sqrt(usual * (1 - ABOVE_P95)) ? excess : 0;
}
