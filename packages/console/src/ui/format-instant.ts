// The console's one way of writing a moment: the browser's local time, short
// month, day and seconds ("Dec 05, 14:02:07"), the same in every list.
export function formatInstant(ms: number): string {
  // a stored time past what a Date holds (a row from before ingest checked) must not break its page
  if (!Number.isFinite(new Date(ms).getTime())) return "out of range";
  return new Date(ms).toLocaleString(undefined, { month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** the exact instant for a tooltip; "" where a Date cannot hold it (toISOString would throw) */
export function isoInstant(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : "";
}
