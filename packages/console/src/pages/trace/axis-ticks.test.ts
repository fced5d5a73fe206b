import { describe, expect, it } from "vitest";
import { axisTicks } from "./axis-ticks.ts";

describe("waterfall axis ticks", () => {
  it("steps by 1, 2 or 5 × a power of ten and never passes the span", () => {
    expect(axisTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(1730)).toEqual([0, 500, 1000, 1500]);
    expect(axisTicks(7.5)).toEqual([0, 2, 4, 6]);
  });

  it("has one tick at zero for an empty trace", () => {
    expect(axisTicks(0)).toEqual([0]);
    expect(axisTicks(Number.NaN)).toEqual([0]);
  });
});
