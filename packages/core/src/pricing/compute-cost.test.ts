import { describe, expect, it } from "vitest";
import { computeCost } from "./compute-cost.ts";
import { PRICE_DATE } from "./price-table.ts";

describe("computeCost", () => {
  it("prices OpenAI usage with cached input (gpt-4o: 2.5 / 1.25 cached / 10)", () => {
    // prompt_tokens 10,000 of which cached 4,000; completion 1,000 incl. reasoning
    const cost = computeCost("gpt-4o-2024-08-06", {
      inputTokens: 10_000,
      cachedInputTokens: 4_000,
      outputTokens: 1_000,
      reasoningTokens: 300,
      source: "provider",
    })!;
    expect(cost.inputUSD).toBeCloseTo(0.015, 12); // 6,000 × 2.5 / 1M
    expect(cost.cachedInputUSD).toBeCloseTo(0.005, 12); // 4,000 × 1.25 / 1M
    expect(cost.cacheWriteUSD).toBe(0);
    expect(cost.outputUSD).toBeCloseTo(0.01, 12); // reasoning already inside output
    expect(cost.totalUSD).toBeCloseTo(0.03, 12);
    expect(cost.priceDate).toBe(PRICE_DATE);
  });

  it("prices Anthropic usage with cache reads and writes (sonnet 4.5: 3 / 0.3 / 3.75 / 15)", () => {
    // input_tokens 1,000 + cache_read 20,000 + cache_creation 5,000, folded into one total
    const cost = computeCost("claude-sonnet-4-5-20250929", {
      inputTokens: 26_000,
      cachedInputTokens: 20_000,
      cacheWriteTokens: 5_000,
      outputTokens: 500,
      source: "provider",
    })!;
    expect(cost.inputUSD).toBeCloseTo(0.003, 12);
    expect(cost.cachedInputUSD).toBeCloseTo(0.006, 12);
    expect(cost.cacheWriteUSD).toBeCloseTo(0.01875, 12);
    expect(cost.outputUSD).toBeCloseTo(0.0075, 12);
    expect(cost.totalUSD).toBeCloseTo(0.03525, 12);
  });

  it("prices Gemini usage with cached content (2.5 flash: 0.3 / 0.03 / 2.5)", () => {
    const cost = computeCost("models/gemini-2.5-flash", {
      inputTokens: 100_000,
      cachedInputTokens: 50_000,
      outputTokens: 2_000,
      source: "provider",
    })!;
    expect(cost.inputUSD).toBeCloseTo(0.015, 12);
    expect(cost.cachedInputUSD).toBeCloseTo(0.0015, 12);
    expect(cost.outputUSD).toBeCloseTo(0.005, 12);
    expect(cost.totalUSD).toBeCloseTo(0.0215, 12);
  });

  it("bills cached tokens at the input rate when a model has no cached rate", () => {
    const cost = computeCost("gpt-3.5-turbo", { inputTokens: 1_000_000, cachedInputTokens: 500_000, source: "provider" })!;
    expect(cost.inputUSD).toBeCloseTo(0.25, 12);
    expect(cost.cachedInputUSD).toBeCloseTo(0.25, 12);
    expect(cost.outputUSD).toBe(0);
  });

  it("uses overrides", () => {
    const cost = computeCost("gpt-4o", { inputTokens: 1_000_000, outputTokens: 1_000_000, source: "estimated" }, {
      "gpt-4o": { input: 1, output: 3 },
    })!;
    expect(cost.totalUSD).toBeCloseTo(4, 12);
  });

  it("prices embeddings on input only", () => {
    expect(computeCost("text-embedding-3-large", { inputTokens: 1_000_000, source: "provider" })!.totalUSD).toBeCloseTo(0.13, 12);
  });

  it("is undefined for unknown models and calls without tokens", () => {
    expect(computeCost("no-such-model", { inputTokens: 10, outputTokens: 10, source: "provider" })).toBeUndefined();
    expect(computeCost(undefined, { inputTokens: 10, source: "provider" })).toBeUndefined();
    expect(computeCost("gpt-4o", { source: "provider" })).toBeUndefined();
    expect(computeCost("gpt-4o", { inputTokens: 0, outputTokens: 0, source: "provider" })).toBeUndefined();
  });

  it("clamps inconsistent or invalid counts instead of billing negative or NaN", () => {
    const cost = computeCost("gpt-4o", {
      inputTokens: 100,
      cachedInputTokens: 500,
      cacheWriteTokens: 50,
      outputTokens: Number.NaN,
      source: "provider",
    })!;
    expect(cost.inputUSD).toBe(0);
    expect(cost.cacheWriteUSD).toBe(0);
    expect(cost.cachedInputUSD).toBeCloseTo((100 * 1.25) / 1e6, 15);
    expect(cost.outputUSD).toBe(0);
    expect(Number.isNaN(cost.totalUSD)).toBe(false);
  });
});
