// The hourly rollups seen one hour of the day at a time: for hour h, each
// key's row at h on each day, as a DailySeries. The day machinery (weekday-
// seasonal medians over the previous weeks, the chance floors, the shift-share
// split) then gives hour-of-day × day-of-week baselines with no code of its
// own: 14:00 on a Monday is judged against the 14:00s of the weeks before it.
import type { CallStore } from "../store/call-store.ts";
import type { HourlyDimension } from "../store/rollup.ts";
import { dayOf, dayStart, hourOf, HOUR_MS } from "../store/time-buckets.ts";
import { markDataFrom, type DailySeries } from "./daily-series.ts";

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
