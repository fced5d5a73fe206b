import { describe, expect, it } from "vitest";
import { percentile } from "./percentile.ts";

describe("percentile", () => {
  it("interpolates linearly between ranks", () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40], 100)).toBe(40);
    expect(percentile([0, 100], 95)).toBeCloseTo(95, 12);
    expect(percentile([1, 2, 3, 4, 5], 25)).toBe(2);
  });

  it("handles one value and no values", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("clamps p and never returns NaN", () => {
    expect(percentile([1, 2], 150)).toBe(2);
    expect(percentile([1, 2], -5)).toBe(1);
    expect(percentile([1, 2], Number.NaN)).toBe(1);
  });
});
