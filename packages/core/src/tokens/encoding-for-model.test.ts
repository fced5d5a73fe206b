import { describe, expect, it } from "vitest";
import { encodingForModel } from "./encoding-for-model.ts";

describe("encodingForModel", () => {
  it.each([
    "gpt-4o",
    "gpt-4o-mini-2024-07-18",
    "gpt-4.1-nano",
    "gpt-4.5-preview",
    "gpt-5",
    "gpt-5-mini",
    "o1",
    "o3-mini",
    "o4-mini-2025-04-16",
    "chatgpt-4o-latest",
    "some-unknown-model",
    "claude-sonnet-4-5",
  ])("%s → o200k_base", (model) => {
    expect(encodingForModel(model)).toBe("o200k_base");
  });

  it.each([
    "gpt-4",
    "gpt-4-0613",
    "gpt-4-turbo",
    "gpt-4-32k",
    "gpt-3.5-turbo",
    "gpt-35-turbo",
    "GPT-3.5-Turbo-0125",
    "text-embedding-3-small",
    "text-embedding-3-large",
    "text-embedding-ada-002",
    "ft:gpt-3.5-turbo:acme::abc123",
    "openai/gpt-4",
  ])("%s → cl100k_base", (model) => {
    expect(encodingForModel(model)).toBe("cl100k_base");
  });

  it("defaults to o200k_base without a model", () => {
    expect(encodingForModel()).toBe("o200k_base");
    expect(encodingForModel("")).toBe("o200k_base");
  });
});
