import { describe, expect, it } from "vitest";
import { MAX_EDIT_CHARS, normalizedEditDistance } from "./edit-distance.ts";

describe("normalizedEditDistance", () => {
  it("is the Levenshtein distance over the longer length", () => {
    expect(normalizedEditDistance("kitten", "sitting")).toBeCloseTo(3 / 7, 12);
    expect(normalizedEditDistance("same", "same")).toBe(0);
    expect(normalizedEditDistance("abc", "xyz")).toBe(1);
    expect(normalizedEditDistance("", "abcd")).toBe(1);
  });

  it("is 0 for two empty strings", () => {
    expect(normalizedEditDistance("", "")).toBe(0);
  });

  it("compares only the first 2,000 characters", () => {
    const a = "x".repeat(MAX_EDIT_CHARS) + "tail one";
    const b = "x".repeat(MAX_EDIT_CHARS) + "a completely different tail";
    expect(normalizedEditDistance(a, b)).toBe(0);
  });

  it("is symmetric", () => {
    expect(normalizedEditDistance("flaw", "lawn")).toBe(normalizedEditDistance("lawn", "flaw"));
  });
});
