import { describe, expect, it } from "vitest";
import { testCall } from "./test-call.ts";
import { tokensPerSecond } from "./tokens-per-second.ts";

describe("tokensPerSecond", () => {
  it("uses the streaming time after the first token", () => {
    const call = testCall({ stream: true, usage: { outputTokens: 100, source: "provider" }, timing: { durationMs: 2500, ttftMs: 500 } });
    expect(tokensPerSecond(call)).toBe(50);
  });

  it("falls back to the whole duration", () => {
    const call = testCall({ usage: { outputTokens: 100, source: "provider" }, timing: { durationMs: 4000 } });
    expect(tokensPerSecond(call)).toBe(25);
  });

  it("is undefined without output tokens or time", () => {
    expect(tokensPerSecond(testCall({ timing: { durationMs: 1000 } }))).toBeUndefined();
    expect(tokensPerSecond(testCall({ usage: { outputTokens: 5, source: "provider" } }))).toBeUndefined();
    expect(tokensPerSecond(testCall({ usage: { outputTokens: 5, source: "provider" }, timing: { durationMs: 0 } }))).toBeUndefined();
  });
});
