import { describe, expect, it } from "vitest";
import { addToHistogram, histogramPercentile, mergeHistograms, type Histogram } from "./histogram.ts";

describe("latency histogram", () => {
  it("reads percentiles within the bucket resolution", () => {
    const h: Histogram = {};
    for (let ms = 1; ms <= 1000; ms++) addToHistogram(h, ms);
    const p50 = histogramPercentile(h, 0.5)!;
    const p95 = histogramPercentile(h, 0.95)!;
    expect(Math.abs(p50 - 500) / 500).toBeLessThan(0.035);
    expect(Math.abs(p95 - 950) / 950).toBeLessThan(0.035);
  });

  it("merges counts and ignores missing or negative values", () => {
    const a: Histogram = {};
    const b: Histogram = {};
    addToHistogram(a, 100);
    addToHistogram(b, 100);
    addToHistogram(b, undefined);
    addToHistogram(b, -5);
    const merged = mergeHistograms(a, b);
    expect(Object.values(merged).reduce((s, n) => s + n, 0)).toBe(2);
    expect(histogramPercentile({}, 0.5)).toBeUndefined();
  });
});
