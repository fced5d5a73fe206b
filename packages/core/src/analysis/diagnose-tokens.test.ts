import { describe, expect, it } from "vitest";
import type { LLMCall } from "../types.ts";
import { diagnoseTokens } from "./diagnose-tokens.ts";
import { testCall } from "./test-call.ts";

const call = (startedAt: number, inputTokens: number, outputTokens: number): LLMCall =>
  testCall({ startedAt, usage: { inputTokens, outputTokens, source: "provider" } });

describe("diagnoseTokens", () => {
  it("sees context bloat: input dominates and grows over time", () => {
    // given out of order: time order is 1000, 2000, 3000, 4000
    const d = diagnoseTokens([call(3, 3000, 100), call(1, 1000, 100), call(4, 4000, 100), call(2, 2000, 100)]);
    expect(d.kind).toBe("context_bloat");
    expect(d.inputShare).toBeCloseTo(10000 / 10400, 12);
    expect(d.inputTrend).toBeCloseTo(3000 / 2500, 12); // slope 1000 × span 3, over mean 2500
    expect(d.message).toMatch(/context bloat/i);
  });

  it("does not call steady heavy input bloat", () => {
    const d = diagnoseTokens([call(1, 3000, 100), call(2, 3000, 100), call(3, 3000, 100)]);
    expect(d.kind).toBe("balanced");
    expect(d.inputTrend).toBe(0);
  });

  it("sees verbose output", () => {
    const d = diagnoseTokens([call(1, 200, 900), call(2, 210, 1200), call(3, 190, 1500)]);
    expect(d.kind).toBe("verbose_output");
    expect(d.inputShare).toBeLessThan(0.5);
    expect(d.message).toMatch(/verbose/i);
  });

  it("needs three calls with counts", () => {
    const d = diagnoseTokens([call(1, 100, 10), testCall(), call(2, 100, 10)]);
    expect(d.kind).toBe("insufficient_data");
    expect(d.inputTrend).toBe(0);
    expect(d.message.length).toBeGreaterThan(0);
    const empty = diagnoseTokens([]);
    expect(empty).toMatchObject({ kind: "insufficient_data", inputShare: 0, inputTrend: 0 });
  });

  it("never returns NaN for zero tokens", () => {
    const d = diagnoseTokens([call(1, 0, 0), call(2, 0, 0), call(3, 0, 0)]);
    expect(d.kind).toBe("insufficient_data");
    expect(Number.isNaN(d.inputShare)).toBe(false);
  });
});
