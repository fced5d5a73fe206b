import { describe, expect, it } from "vitest";
import { summarize } from "./summarize.ts";

describe("summarize", () => {
  it("summarizes values", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.std).toBe(2);
    expect(s.cv).toBeCloseTo(0.4, 12);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.p50).toBe(4.5);
    expect(s.p95).toBeCloseTo(8.3, 12);
  });

  it("does not need sorted input", () => {
    expect(summarize([9, 2, 5]).p50).toBe(5);
  });

  it("gives zeros for empty input and ignores non-finite values", () => {
    expect(summarize([])).toEqual({ count: 0, mean: 0, std: 0, cv: 0, min: 0, max: 0, p50: 0, p95: 0 });
    const s = summarize([Number.NaN, 3, Number.POSITIVE_INFINITY]);
    expect(s).toEqual({ count: 1, mean: 3, std: 0, cv: 0, min: 3, max: 3, p50: 3, p95: 3 });
  });

  it("never divides by a zero mean", () => {
    const s = summarize([-1, 1]);
    expect(s.mean).toBe(0);
    expect(s.cv).toBe(0);
    expect(s.std).toBe(1);
  });
});
