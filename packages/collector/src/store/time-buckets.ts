// Aggregates are bucketed by UTC day; a day number is days since the epoch so
// range queries stay integer comparisons.
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

export function dayStart(day: number): number {
  return day * DAY_MS;
}

/** hours since the epoch: the hourly rollups' bucket */
export function hourOf(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS);
}

// Ingest refuses instants outside a sane window, but a row stored before it did
// (or written by hand) may lie past the largest Date: label it rather than
// let one row throw for every reader.
export const OUT_OF_RANGE = "out-of-range";
const iso = (ms: number, length: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().slice(0, length) : OUT_OF_RANGE);

/** "2026-03-04T14:00" for an hour number */
export function hourLabel(hour: number): string {
  return iso(hour * HOUR_MS, 16);
}

/** "2026-03-04" for a day number */
export function dayLabel(day: number): string {
  return iso(day * DAY_MS, 10);
}

/** "2026-03" for a day number */
export function monthLabel(day: number): string {
  return iso(day * DAY_MS, 7);
}

/** first and last day numbers of the month containing `day` */
export function monthRange(day: number): { first: number; last: number } {
  const d = new Date(day * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
  return { first, last: next - 1 };
}

export { DAY_MS, HOUR_MS };
