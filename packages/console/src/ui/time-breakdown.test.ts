import { describe, expect, it } from "vitest";
import { segmentsTotal, timeSegments } from "./time-breakdown.ts";

describe("time breakdown segments", () => {
  it("keeps the kinds that took time in a fixed order, LLM first and the app's own last", () => {
    const segments = timeSegments({ selfMs: 40, toolMs: 0, llmMs: 700, retrievalMs: 180, httpMs: Number.NaN });
    expect(segments.map((s) => [s.label, s.ms])).toEqual([["LLM", 700], ["retrieval", 180], ["app's own", 40]]);
    expect(segmentsTotal(segments)).toBe(920);
  });

  it("has nothing to draw for a trace without a summary", () => {
    expect(timeSegments(undefined)).toEqual([]);
    expect(segmentsTotal([])).toBe(0);
  });
});
