import { describe, expect, it } from "vitest";
import { varianceScore } from "./variance-score.ts";

describe("varianceScore", () => {
  it("is 0 for identical answers and 1 for answers sharing nothing", () => {
    expect(varianceScore(["Paris is the capital.", "paris is the capital", "Paris is the capital!"])).toBe(0);
    expect(varianceScore(["alpha beta", "gamma delta", "epsilon zeta"])).toBe(1);
  });

  it("is the mean pairwise dissimilarity", () => {
    // pairs: (a b c, b c d) → 0.5, (a b c, a b c) → 0, (b c d, a b c) → 0.5
    expect(varianceScore(["a b c", "b c d", "a b c"])).toBeCloseTo(1 / 3, 12);
  });

  it("is 0 for fewer than two texts", () => {
    expect(varianceScore([])).toBe(0);
    expect(varianceScore(["only one"])).toBe(0);
  });

  it("stays bounded and finite on many texts", () => {
    const texts = Array.from({ length: 500 }, (_, i) => `answer number ${i % 7}`);
    const score = varianceScore(texts);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
  });
});
