import { describe, expect, it } from "vitest";
import { tokenJaccard } from "./token-jaccard.ts";

describe("tokenJaccard", () => {
  it("measures shared words, ignoring case and punctuation", () => {
    expect(tokenJaccard("The cat sat.", "the CAT sat!")).toBe(1);
    expect(tokenJaccard("a b c", "b c d")).toBe(0.5);
    expect(tokenJaccard("red apple", "blue sky")).toBe(0);
  });

  it("compares Japanese by character", () => {
    expect(tokenJaccard("猫が好き", "猫が嫌い")).toBeCloseTo(2 / 6, 12);
  });

  it("treats two empty texts as identical and one empty as disjoint", () => {
    expect(tokenJaccard("", "")).toBe(1);
    expect(tokenJaccard("", "word")).toBe(0);
  });
});
