// Wall-clock time covered by a set of intervals, overlaps counted once: two
// retrievals running side by side for the same 100 ms took 100 ms of the
// request, not 200.

/** [start, end], any unit, start ≤ end expected (a reversed one covers nothing) */
export type Interval = readonly [start: number, end: number];

/** length of the union of `intervals`, each clipped to [from, to] */
export function unionMs(intervals: readonly Interval[], from: number, to: number): number {
  const clipped: [number, number][] = [];
  for (const [start, end] of intervals) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) clipped.push([s, e]);
  }
  clipped.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let runStart = -Infinity;
  let runEnd = -Infinity;
  for (const [s, e] of clipped) {
    if (s > runEnd) {
      total += runEnd - runStart > 0 ? runEnd - runStart : 0;
      runStart = s;
      runEnd = e;
    } else if (e > runEnd) runEnd = e;
  }
  return total + (runEnd - runStart > 0 ? runEnd - runStart : 0);
}
