import { describe, expect, it } from "vitest";
import type { StatsRowWithQuality } from "../api/types.ts";
import { withPrevious } from "./cost-rows.ts";

const row = (key: string, period: string, costUSD: number): StatsRowWithQuality => ({ key, period, costUSD, calls: 1, inputTokens: 0, outputTokens: 0, errors: 0, errorsByKind: {} });

describe("withPrevious", () => {
  it("pairs each key's period with its own period before, never another key's", () => {
    const rows = withPrevious([row("support", "2026-03", 30), row("sales", "2026-02", 5), row("support", "2026-02", 10), row("sales", "2026-03", 7)]);
    expect(rows.map((r) => [r.key, r.period, r.previousUSD])).toEqual([
      ["sales", "2026-02", undefined],
      ["sales", "2026-03", 5],
      ["support", "2026-02", undefined],
      ["support", "2026-03", 10],
    ]);
  });
});
