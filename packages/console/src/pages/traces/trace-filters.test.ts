import { describe, expect, it } from "vitest";
import { traceQueryOf } from "./trace-filters.ts";

describe("traces page filters", () => {
  it("passes on names, tags, text and the minimums, and turns local times into epoch ms", () => {
    const from = new Date("2026-12-05T14:00").getTime();
    const query = traceQueryOf(new URLSearchParams({ name: " chat-turn ", feature: "search", minDurationMs: "500", minCostUSD: "0.01", from: "2026-12-05T14:00", q: "refund" }));
    expect(query).toEqual({ name: "chat-turn", feature: "search", minDurationMs: "500", minCostUSD: "0.01", from, q: "refund" });
  });

  it("asks for failed traces only when the box is ticked", () => {
    expect(traceQueryOf(new URLSearchParams({ hasError: "true" }))).toEqual({ hasError: "true" });
    expect(traceQueryOf(new URLSearchParams({ hasError: "on" }))).toEqual({});
  });

  it("drops minimums that are not non-negative numbers, and unknown fields", () => {
    expect(traceQueryOf(new URLSearchParams({ minDurationMs: "soon", minCostUSD: "-1", model: "gpt" }))).toEqual({});
  });
});
