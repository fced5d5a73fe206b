import { describe, expect, it } from "vitest";
import { PRICE_DATE, PRICE_TABLE } from "./price-table.ts";

describe("PRICE_TABLE", () => {
  it("is dated", () => {
    expect(PRICE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini",
    "o3", "o4-mini", "o1", "gpt-3.5-turbo", "text-embedding-3-small", "text-embedding-3-large",
    "claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-3-7-sonnet", "claude-3-5-sonnet", "claude-3-5-haiku",
    "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash",
  ])("prices %s with finite, non-negative rates", (model) => {
    const price = PRICE_TABLE[model];
    expect(price).toBeDefined();
    for (const rate of Object.values(price!)) {
      expect(Number.isFinite(rate)).toBe(true);
      expect(rate).toBeGreaterThanOrEqual(0);
    }
  });

  it("holds the published list prices", () => {
    expect(PRICE_TABLE["gpt-4o"]).toEqual({ input: 2.5, output: 10, cachedInput: 1.25 });
    expect(PRICE_TABLE["gpt-5-mini"]).toEqual({ input: 0.25, output: 2, cachedInput: 0.025 });
    expect(PRICE_TABLE["text-embedding-3-small"]).toEqual({ input: 0.02, output: 0 });
    expect(PRICE_TABLE["gemini-2.5-flash"]).toEqual({ input: 0.3, output: 2.5, cachedInput: 0.03 });
  });

  it("derives Anthropic cache rates: reads 0.1×, writes 1.25× input", () => {
    const sonnet = PRICE_TABLE["claude-sonnet-4-5"]!;
    expect(sonnet.input).toBe(3);
    expect(sonnet.output).toBe(15);
    expect(sonnet.cachedInput).toBeCloseTo(0.3, 10);
    expect(sonnet.cacheWrite).toBeCloseTo(3.75, 10);
    // Haiku 3 is listed with its own cache rates
    expect(PRICE_TABLE["claude-3-haiku"]).toEqual({ input: 0.25, output: 1.25, cachedInput: 0.03, cacheWrite: 0.3 });
  });

  it("never charges less for output than input except for embeddings", () => {
    for (const [model, price] of Object.entries(PRICE_TABLE)) {
      if (model.startsWith("text-embedding")) continue;
      expect(price.output, model).toBeGreaterThanOrEqual(price.input);
      if (price.cachedInput !== undefined) expect(price.cachedInput, model).toBeLessThan(price.input);
    }
  });
});
