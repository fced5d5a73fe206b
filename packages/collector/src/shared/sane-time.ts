// The window of instants the collector accepts: a record from before 2000 or
// more than a day ahead of the collector's clock is a broken clock or a forged
// record, and one such row would otherwise poison every day and month read.
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
export const MAX_AHEAD_MS = 86_400_000;

/** undefined when epoch ms `t` is inside the window, else what is wrong with it */
export function insaneTime(t: number, now: number): string | undefined {
  if (t < EARLIEST_MS) return "is before 2000-01-01 (epoch ms expected)";
  if (t > now + MAX_AHEAD_MS) return "is more than a day ahead of the collector's clock (epoch ms expected)";
  return undefined;
}
