import { describe, expect, it } from "vitest";
import { axisTicks } from "./axis-ticks.ts";

describe("waterfall axis ticks", () => {
  it("steps by 1, 2 or 5 × a power of ten and never passes the span", () => {
    expect(axisTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(1730)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600]);
    expect(axisTicks(1730, 4)).toEqual([0, 1000]);
    expect(axisTicks(7.5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(axisTicks(42_000)).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000]);
  });

  it("has one tick at zero for an empty trace", () => {
    expect(axisTicks(0)).toEqual([0]);
    expect(axisTicks(Number.NaN)).toEqual([0]);
  });
});
