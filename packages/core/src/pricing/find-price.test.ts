import { describe, expect, it } from "vitest";
import { findPrice, normalizeModelName } from "./find-price.ts";
import { PRICE_TABLE } from "./price-table.ts";

describe("findPrice", () => {
  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4o-mini", "gpt-4o-mini"],
    ["gpt-4.1-2025-04-14", "gpt-4.1"],
    ["gpt-5-mini-2025-08-07", "gpt-5-mini"],
    ["gpt-5.1-codex", "gpt-5.1"],
    ["o4-mini-2025-04-16", "o4-mini"],
    ["o3-2025-04-16", "o3"],
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
    ["claude-sonnet-4-20250514", "claude-sonnet-4"],
    ["claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["claude-3-5-haiku-20241022", "claude-3-5-haiku"],
    ["claude-3-7-sonnet-latest", "claude-3-7-sonnet"],
    ["claude-sonnet-4-5@20250929", "claude-sonnet-4-5"],
    ["us.anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet"],
    ["models/gemini-2.5-flash-001", "gemini-2.5-flash"],
    ["models/gemini-2.5-flash-lite", "gemini-2.5-flash-lite"],
    ["gemini-2.5-pro-preview-06-05", "gemini-2.5-pro"],
    ["GPT-4o", "gpt-4o"],
    ["ft:gpt-4o-mini-2024-07-18:acme::abc", "gpt-4o-mini"],
  ])("%s prices as %s", (model, family) => {
    expect(findPrice(model)).toBe(PRICE_TABLE[family]);
  });

  it("does not let a shorter family swallow a different model", () => {
    // "gpt-4.1" must not fall back to "gpt-4", nor "gpt-5.3-codex" to "gpt-5"
    expect(findPrice("gpt-4.1")).not.toBe(PRICE_TABLE["gpt-4"]);
    expect(findPrice("gpt-5.3-codex")).toBeUndefined();
    expect(findPrice("gpt-4o-mini")).not.toBe(PRICE_TABLE["gpt-4o"]);
  });

  it("returns undefined for unknown or missing models", () => {
    expect(findPrice("llama3.2")).toBeUndefined();
    expect(findPrice(undefined)).toBeUndefined();
    expect(findPrice("")).toBeUndefined();
  });

  it("lets overrides win, by exact name or by family", () => {
    const mine = { input: 1, output: 2 };
    expect(findPrice("gpt-4o-2024-08-06", { "gpt-4o": mine })).toBe(mine);
    expect(findPrice("my-local-model", { "my-local-model": mine })).toBe(mine);
    expect(findPrice("llama3.2:8b", { "llama3.2": mine })).toBe(mine);
    expect(findPrice("gpt-4o-2024-08-06", { "gpt-4o-2024-08-06": mine })).toBe(mine);
  });

  it("compares override keys in normalized form", () => {
    const mine = { input: 1, output: 2 };
    expect(findPrice("my-model-v2", { "My-Model": mine })).toBe(mine);
    expect(findPrice("acme/My-Model@3", { "vendor/my-model": mine })).toBe(mine);
  });

  it("finds nothing for names of Object.prototype members", () => {
    expect(findPrice("constructor")).toBeUndefined();
    expect(findPrice("__proto__")).toBeUndefined();
    expect(findPrice("constructor", {})).toBeUndefined();
  });

  it("keeps a more specific built-in family over a broader override", () => {
    const broad = { input: 1, output: 2 };
    expect(findPrice("gpt-4o-mini-2024-07-18", { "gpt-4o": broad })).toBe(PRICE_TABLE["gpt-4o-mini"]);
  });
});

describe("normalizeModelName", () => {
  it("drops paths, fine-tune and vendor prefixes", () => {
    expect(normalizeModelName("publishers/google/models/Gemini-2.5-Pro")).toBe("gemini-2.5-pro");
    expect(normalizeModelName("eu.anthropic.claude-haiku-4-5")).toBe("claude-haiku-4-5");
    expect(normalizeModelName("gpt-4.1")).toBe("gpt-4.1");
    expect(normalizeModelName(" openai/ft:gpt-4o-mini:acme ")).toBe("gpt-4o-mini:acme");
    expect(normalizeModelName("a.b.1x")).toBe("b.1x");
  });
});
