// Of a day's hours, the run of a few in a row whose events (failures, slow
// calls) are least likely where each call has a usual chance of one: the
// Poisson tail of the run's events at that chance, over every finished run of
// up to `maxHours` hours. A burst is then one run, however its hours split it.
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { poissonTail } from "./poisson-tail.ts";
import type { HoursRun } from "./window-scale.ts";

export interface LikelyRun extends HoursRun {
  calls: number;
  events: number;
  /** the chance of as many events or more in as many calls */
  chance: number;
}

/** the hour's calls and events; undefined for an hour without calls */
export type HourCounts = (hour: number) => { calls: number; events: number } | undefined;

export function leastLikelyRun(maxHours: number, usualChance: number, countsAt: HourCounts, day: number, now: number): LikelyRun | undefined {
  let best: LikelyRun | undefined;
  for (let hour = 0; hour < 24; hour++) {
    let calls = 0;
    let events = 0;
    for (let hours = 1; hours <= maxHours && hour + hours <= 24; hours++) {
      if (dayStart(day) + (hour + hours) * HOUR_MS > now) break;
      const counts = countsAt(hour + hours - 1);
      (calls += counts?.calls ?? 0), (events += counts?.events ?? 0);
      if (!events) continue;
      const chance = poissonTail(events, usualChance * calls);
      if (!best || chance < best.chance) best = { hour, hours, calls, events, chance };
    }
  }
  return best;
}
