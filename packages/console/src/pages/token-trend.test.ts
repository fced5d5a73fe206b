import { describe, expect, it } from "vitest";
import type { StatsRow } from "../api/types.ts";
import { tokenTrend } from "./token-trend.ts";

const row = (period: string, calls: number, inputTokens: number, outputTokens: number): StatsRow => ({ period, key: "triage", calls, inputTokens, outputTokens, costUSD: 0, errors: 0, errorsByKind: {} });

describe("tokenTrend", () => {
  it("compares each day with the 7 days before and names the side that grew", () => {
    const [first, second, bloat] = tokenTrend([row("2026-03-02", 10, 1000, 500), row("2026-03-01", 10, 1000, 500), row("2026-03-03", 10, 4000, 500)]).get("triage")!;
    expect(first!.weekAvg).toBeUndefined();
    expect(second).toMatchObject({ weekAvg: 150, inPerCall: 100 });
    expect(second!.diagnosis).toBeUndefined();
    expect(bloat).toMatchObject({ inPerCall: 400, outPerCall: 50, weekAvg: 150, diagnosis: "context bloat" });
  });

  it("says verbose answers when the output grew more", () => {
    const days = tokenTrend([row("2026-03-01", 5, 500, 100), row("2026-03-02", 5, 500, 2000)]).get("triage")!;
    expect(days[1]!.diagnosis).toBe("verbose answers");
  });
});
