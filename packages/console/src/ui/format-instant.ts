// The console's one way of writing a moment: the browser's local time, short
// month, day and seconds ("Dec 05, 14:02:07"), the same in every list.
export function formatInstant(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
