import { describe, expect, it } from "vitest";
import { poissonTail } from "./poisson-tail.ts";

describe("poissonTail", () => {
  it("gives the chance of at least k events", () => {
    // 1 − e⁻¹(1 + 1 + ½)
    expect(poissonTail(3, 1)).toBeCloseTo(0.0803014, 6);
    expect(poissonTail(10, 0.5) / 1.70967e-10).toBeCloseTo(1, 4);
  });

  it("keeps a far tail's digits", () => {
    expect(poissonTail(40, 2) / 1.917158e-37).toBeCloseTo(1, 4);
  });

  it("is certain for nothing asked and impossible where nothing is expected", () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(2, 0)).toBe(0);
    // tails past the mean are not asked about: they are given as certain
    expect(poissonTail(2, 5)).toBe(1);
  });
});
