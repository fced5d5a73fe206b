import { describe, expect, it } from "vitest";
import { robustBaseline, weekdayOf } from "./robust-baseline.ts";

const monday = Date.UTC(2026, 0, 5) / 86_400_000;
const options = { seasonal: true, relativeFloor: 0, absoluteFloor: 0 };

describe("robustBaseline", () => {
  it("expects a weekday's own level: weekends low, weekdays high", () => {
    const history = Array.from({ length: 28 }, (_, i) => ({ day: monday + i, value: weekdayOf(monday + i) >= 5 ? 30 : 100 }));
    expect(weekdayOf(monday)).toBe(0);
    expect(robustBaseline(history, monday + 28, options)!.expected).toBeCloseTo(100);
    expect(robustBaseline(history, monday + 33, options)!.expected).toBeCloseTo(30);
  });

  it("is not dragged by an incident day inside the history", () => {
    const history = Array.from({ length: 14 }, (_, i) => ({ day: monday + i, value: i === 3 ? 10_000 : 100 + (i % 3) }));
    const base = robustBaseline(history, monday + 14, { ...options, seasonal: false })!;
    expect(base.expected).toBeGreaterThan(99);
    expect(base.expected).toBeLessThan(103);
    expect(base.sigma).toBeLessThan(3);
  });

  it("keeps sigma at its floors when the history is flat", () => {
    const history = Array.from({ length: 14 }, (_, i) => ({ day: monday + i, value: 50 }));
    expect(robustBaseline(history, monday + 14, { seasonal: false, relativeFloor: 0.1, absoluteFloor: 1 })!.sigma).toBe(5);
    expect(robustBaseline([], monday, options)).toBeUndefined();
  });

  it("expects a weekday's usual level when two of its four in the history were public holidays", () => {
    // Fridays (weekday 4) of the third and fourth weeks at a tenth of the usual
    const holiday = (day: number) => weekdayOf(day) === 4 && day >= monday + 14;
    const history = Array.from({ length: 28 }, (_, i) => ({ day: monday + i, value: weekdayOf(monday + i) >= 5 ? 30 : holiday(monday + i) ? 10 : 100 + (i % 3) }));
    const friday = monday + 32;
    expect(weekdayOf(friday)).toBe(4);
    expect(robustBaseline(history, friday, options)!.expected).toBeGreaterThan(95);
  });

  it("reads a weekday's level from the longer profile when three of its four in the history were holidays", () => {
    // eight weeks; Tuesdays (weekday 1) of weeks 5, 7 and 8 at a twentieth of the usual
    const holiday = (day: number) => weekdayOf(day) === 1 && [4, 6, 7].includes(Math.floor((day - monday) / 7));
    const days = Array.from({ length: 56 }, (_, i) => ({ day: monday + i, value: weekdayOf(monday + i) >= 5 ? 5 : holiday(monday + i) ? 10 : 200 + (i % 5) * 20 }));
    const tuesday = monday + 57;
    expect(weekdayOf(tuesday)).toBe(1);
    const history = days.slice(28);
    // from its last four weeks alone, Tuesday looks like a weekend (its factor at the floor, a fifth)
    expect(robustBaseline(history, tuesday, options)!.expected).toBeLessThan(50);
    expect(robustBaseline(history, tuesday, { ...options, profile: days })!.expected).toBeGreaterThan(180);
    // and a weekend stays what it was
    const saturday = monday + 61;
    expect(robustBaseline(history, saturday, { ...options, profile: days })!.expected / robustBaseline(history, saturday, options)!.expected).toBeCloseTo(1, 1);
  });
});
