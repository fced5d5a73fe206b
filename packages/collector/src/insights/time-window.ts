// The stretch of time a root cause is read over: a whole UTC day, or one hour
// of it when only the hourly series moved.
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";

/** epoch ms, `to` exclusive (the shape of a call filter's range) */
export interface TimeWindow {
  from: number;
  to: number;
}

export function windowOf(day: number, hour?: number): TimeWindow {
  return hour === undefined ? { from: dayStart(day), to: dayStart(day + 1) } : { from: dayStart(day) + hour * HOUR_MS, to: dayStart(day) + (hour + 1) * HOUR_MS };
}

/** "14:00–15:00" (UTC) */
export const hourSpan = (hour: number): string => `${String(hour).padStart(2, "0")}:00–${String(hour + 1).padStart(2, "0")}:00`;
