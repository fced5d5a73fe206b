import { describe, expect, it } from "vitest";
import { testCall } from "./test-call.ts";
import { totalTokens } from "./total-tokens.ts";

describe("totalTokens", () => {
  it("prefers the provider's total, else sums input and output", () => {
    expect(totalTokens(testCall({ usage: { inputTokens: 10, outputTokens: 5, totalTokens: 20, source: "provider" } }))).toBe(20);
    expect(totalTokens(testCall({ usage: { inputTokens: 10, outputTokens: 5, source: "provider" } }))).toBe(15);
    expect(totalTokens(testCall({ usage: { inputTokens: 10, source: "estimated" } }))).toBe(10);
  });

  it("is undefined without counts", () => {
    expect(totalTokens(testCall())).toBeUndefined();
  });
});
