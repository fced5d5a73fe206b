import { describe, expect, it } from "vitest";
import { capPieces, estimateTokens, splitIntoPieces } from "./tokens.ts";

describe("estimateTokens", () => {
  it("counts ~4 Latin characters per token and 1 per CJK character", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcd".repeat(25))).toBe(25);
    expect(estimateTokens("日本語テキスト")).toBe(7);
    expect(estimateTokens("ab日本")).toBe(3);
  });
});

describe("splitIntoPieces", () => {
  it("splits into word pieces that join back to the text", () => {
    const text = "Hello there, world. Again!";
    const pieces = splitIntoPieces(text);
    expect(pieces).toEqual(["Hello", " there,", " world.", " Again!"]);
    expect(pieces.join("")).toBe(text);
  });

  it("splits CJK runs into two-character pieces", () => {
    const pieces = splitIntoPieces("ご質問ありがとうございます。");
    expect(pieces.join("")).toBe("ご質問ありがとうございます。");
    expect(pieces.every((p) => Array.from(p).length <= 2)).toBe(true);
  });
});

describe("capPieces", () => {
  it("keeps the longest prefix within the cap and says whether it cut", () => {
    const pieces = splitIntoPieces("one two three four five six seven eight");
    const capped = capPieces(pieces, 3);
    expect(estimateTokens(capped.pieces.join(""))).toBeLessThanOrEqual(3);
    expect(capped.capped).toBe(true);
    expect(capPieces(pieces, 1000)).toEqual({ pieces, capped: false });
    expect(capPieces(pieces, undefined).capped).toBe(false);
  });
});
