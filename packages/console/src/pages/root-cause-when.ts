// When a root cause was read: a whole day, or one hour of it (UTC) when the
// change was found in the hourly series, or a few hours in a row (a burst).
import type { RootCause } from "../api/types.ts";

const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function rootCauseWhen(rc: Pick<RootCause, "dayLabel" | "hour" | "hours">): string {
  return rc.hour === undefined ? `on ${rc.dayLabel}` : `${hh(rc.hour)}–${hh(rc.hour + (rc.hours ?? 1))} UTC on ${rc.dayLabel}`;
}
