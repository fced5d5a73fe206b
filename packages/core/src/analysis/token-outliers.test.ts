import { describe, expect, it } from "vitest";
import type { LLMCall } from "../types.ts";
import { testCall } from "./test-call.ts";
import { tokenOutliers } from "./token-outliers.ts";

const call = (id: string, tokens: number, fingerprint = "f"): LLMCall =>
  testCall({ id, fingerprint, usage: { inputTokens: tokens, outputTokens: 0, source: "provider" } });

describe("tokenOutliers", () => {
  it("flags a call above 1.5× the median of the other calls with its fingerprint", () => {
    const spike = call("spike", 500);
    const result = tokenOutliers([call("a", 150), call("b", 140), call("c", 160), spike]);
    expect(result).toHaveLength(1);
    expect(result[0]!.call).toBe(spike);
    expect(result[0]!.median).toBe(150);
    expect(result[0]!.ratio).toBeCloseTo(500 / 150, 12);
  });

  it("does not flag a call exactly at the ratio, and honours a custom ratio", () => {
    const calls = [call("a", 100), call("b", 100), call("c", 100), call("d", 150)];
    expect(tokenOutliers(calls)).toEqual([]);
    expect(tokenOutliers(calls, 1.2).map((o) => o.call.id)).toEqual(["d"]);
  });

  it("compares only calls with the same fingerprint", () => {
    const calls = [call("a", 100, "x"), call("b", 100, "x"), call("c", 100, "x"), call("big", 1000, "y"), call("d", 100, "y")];
    expect(tokenOutliers(calls)).toEqual([]);
  });

  it("needs at least three other calls as a baseline", () => {
    expect(tokenOutliers([call("a", 100), call("b", 100), call("spike", 900)])).toEqual([]);
  });

  it("orders by ratio, ignores calls without tokens and handles empty input", () => {
    const calls = [call("a", 100), call("b", 100), call("c", 100), call("d", 100), call("x", 300), call("y", 600), testCall({ id: "none" })];
    expect(tokenOutliers(calls).map((o) => o.call.id)).toEqual(["y", "x"]);
    expect(tokenOutliers([])).toEqual([]);
  });
});
