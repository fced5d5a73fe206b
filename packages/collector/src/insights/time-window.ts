// The stretch of time a root cause is read over: a whole UTC day, or the hours
// of it (one, or a few in a row) when only the hourly series moved.
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";

/** epoch ms, `to` exclusive (the shape of a call filter's range) */
export interface TimeWindow {
  from: number;
  to: number;
}

export function windowOf(day: number, hour?: number, hours = 1): TimeWindow {
  return hour === undefined ? { from: dayStart(day), to: dayStart(day + 1) } : { from: dayStart(day) + hour * HOUR_MS, to: dayStart(day) + (hour + hours) * HOUR_MS };
}

/** "14:00–15:00" (UTC), or "14:00–17:00" for three hours from 14:00 */
export const hourSpan = (hour: number, hours = 1): string => `${String(hour).padStart(2, "0")}:00–${String(hour + hours).padStart(2, "0")}:00`;
