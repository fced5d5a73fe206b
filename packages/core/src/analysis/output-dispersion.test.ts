import { describe, expect, it } from "vitest";
import { outputDispersion, outliersOf } from "./output-dispersion.ts";
import { varianceScore } from "./variance-score.ts";

describe("outputDispersion", () => {
  it("is 0 on identical answers, with no outliers", () => {
    const d = outputDispersion(["Paris is the capital.", "Paris is the capital.", "Paris is the capital."]);
    expect(d).toEqual({ samples: 3, editDistance: 0, jaccardDistance: 0, score: 0, outliers: [] });
  });

  it("is 1 on answers sharing no word and no character position", () => {
    const d = outputDispersion(["aaaa", "bbbb", "cccc"]);
    expect(d.editDistance).toBe(1);
    expect(d.jaccardDistance).toBe(1);
    expect(d.score).toBe(1);
  });

  it("averages each distance over the pairs of a constructed set", () => {
    // pairs: (abcd, abcx) edit 1/4, words {abcd} vs {abcx} → 1; (abcd, abcd) 0, 0; (abcx, abcd) 1/4, 1
    const d = outputDispersion(["abcd", "abcx", "abcd"]);
    expect(d.editDistance).toBeCloseTo(1 / 6, 12);
    expect(d.jaccardDistance).toBeCloseTo(2 / 3, 12);
    expect(d.score).toBeCloseTo((1 / 6 + 2 / 3) / 2, 12);
    expect(d.jaccardDistance).toBeCloseTo(varianceScore(["abcd", "abcx", "abcd"]), 12);
  });

  it("names the one answer that wanders off", () => {
    const same = "The capital of France is Paris.";
    const d = outputDispersion([same, same, "Bananas are rich in potassium and grow in clusters.", same, same]);
    expect(d.outliers.map((o) => o.index)).toEqual([2]);
    expect(d.outliers[0]!.meanDistance).toBeGreaterThan(0.8);
  });

  it("finds no outlier in a group that wanders evenly", () => {
    expect(outputDispersion(["red apple", "blue sky", "green grass", "black night"]).outliers).toEqual([]);
  });

  it("gives 0 for fewer than two texts and reads at most 20", () => {
    expect(outputDispersion([]).score).toBe(0);
    expect(outputDispersion(["one"]).samples).toBe(1);
    expect(outputDispersion(Array.from({ length: 50 }, (_, i) => `t${i}`)).samples).toBe(20);
  });
});

describe("outliersOf", () => {
  it("uses the median and MAD, so the outlier does not hide itself", () => {
    expect(outliersOf([0.1, 0.1, 0.12, 0.9])).toEqual([{ index: 3, meanDistance: 0.9 }]);
    expect(outliersOf([0.1, 0.9])).toEqual([]);
  });
});
