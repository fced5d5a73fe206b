import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unionMs, type Interval } from "./union-ms.ts";

/** the same union counted the slow way: every millisecond of [from, to) some interval covers */
function gridMs(intervals: readonly Interval[], from: number, to: number): number {
  let covered = 0;
  for (let ms = from; ms < to; ms++) if (intervals.some(([s, e]) => s <= ms && ms + 1 <= e)) covered++;
  return covered;
}

const interval = fc.tuple(fc.integer({ min: -50, max: 400 }), fc.integer({ min: 0, max: 200 })).map(([s, len]): Interval => [s, s + len]);

describe("unionMs", () => {
  it("counts overlaps once", () => {
    expect(unionMs([[0, 100], [50, 150], [200, 210]], 0, 1000)).toBe(160);
  });

  it("clips to the window and ignores empty and reversed intervals", () => {
    expect(unionMs([[-10, 10], [90, 120], [5, 5], [30, 20]], 0, 100)).toBe(20);
  });

  it("agrees with a brute-force millisecond grid on any integer intervals", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.integer({ min: -20, max: 100 }), fc.integer({ min: 0, max: 500 }), (intervals, from, length) => {
        expect(unionMs(intervals, from, from + length)).toBe(gridMs(intervals, from, from + length));
      }),
      { numRuns: 500 },
    );
  });
});
