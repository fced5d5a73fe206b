// The hourly rollups seen one hour of the day at a time: for hour h, each
// key's row at h on each day, as a DailySeries. The day machinery (weekday-
// seasonal medians over the previous weeks, the chance floors, the shift-share
// split) then gives hour-of-day × day-of-week baselines with no code of its
// own: 14:00 on a Monday is judged against the 14:00s of the weeks before it.
import type { CallStore } from "../store/call-store.ts";
import type { HourlyDimension } from "../store/rollup.ts";
import { dayOf, dayStart, hourOf, HOUR_MS } from "../store/time-buckets.ts";
import { markDataFrom, type DailySeries, type DayRow } from "./daily-series.ts";

/** the 24 hour-of-day series (index 0 = 00:00–01:00 UTC) of one dimension over fromDay..toDay */
export async function loadHourSlices(store: CallStore, dimension: HourlyDimension, fromDay: number, toDay: number): Promise<DailySeries[]> {
  const rows = await store.stats({ groupBy: dimension, period: "hour", from: dayStart(fromDay), to: dayStart(toDay + 1) });
  const slices: DailySeries[] = Array.from({ length: 24 }, () => new Map());
  let dataFrom = Infinity;
  for (const row of rows) {
    // hour labels are UTC without the zone ("2026-03-04T14:00")
    const hour = hourOf(Date.parse(`${row.period}:00Z`));
    const day = dayOf(hour * HOUR_MS);
    const slice = slices[hour - day * 24]!;
    let days = slice.get(row.key);
    if (!days) slice.set(row.key, (days = new Map()));
    days.set(day, { ...row });
    dataFrom = Math.min(dataFrom, day);
  }
  for (const slice of slices) markDataFrom(slice, dataFrom);
  return slices;
}

/**
 * Hours `hour`..`hour + hours − 1` of each day as one series (a burst of a few
 * hours read whole): counts, tokens, dollars and failures add up; percentiles
 * do not, so they are left out.
 */
export function hoursTogether(slices: readonly DailySeries[], hour: number, hours: number): DailySeries {
  if (hours === 1) return slices[hour]!;
  const together: DailySeries = new Map();
  for (let h = hour; h < hour + hours; h++) {
    for (const [key, days] of slices[h]!) {
      let into = together.get(key);
      if (!into) together.set(key, (into = new Map()));
      for (const [day, row] of days) into.set(day, added(into.get(day), row));
    }
  }
  markDataFrom(together, Math.min(...[...slices[hour]!.values()].map((d) => d.dataFrom ?? Infinity)));
  return together;
}

function added(sum: DayRow | undefined, row: DayRow): DayRow {
  const optional = (a?: number, b?: number) => (a === undefined && b === undefined ? {} : { value: (a ?? 0) + (b ?? 0) });
  const byKind = { ...sum?.errorsByKind };
  for (const [kind, n] of Object.entries(row.errorsByKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
  const cached = optional(sum?.cachedInputTokens, row.cachedInputTokens);
  const written = optional(sum?.cacheWriteTokens, row.cacheWriteTokens);
  const streamed = optional(sum?.streamed, row.streamed);
  return {
    period: sum?.period ?? row.period,
    key: row.key,
    calls: (sum?.calls ?? 0) + row.calls,
    inputTokens: (sum?.inputTokens ?? 0) + row.inputTokens,
    outputTokens: (sum?.outputTokens ?? 0) + row.outputTokens,
    costUSD: (sum?.costUSD ?? 0) + row.costUSD,
    errors: (sum?.errors ?? 0) + row.errors,
    errorsByKind: byKind,
    ...("value" in cached ? { cachedInputTokens: cached.value } : {}),
    ...("value" in written ? { cacheWriteTokens: written.value } : {}),
    ...("value" in streamed ? { streamed: streamed.value } : {}),
  };
}
