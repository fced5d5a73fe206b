import { describe, expect, it } from "vitest";
import { MAX_RUN, splitLongRuns } from "./split-long-runs.ts";

describe("splitLongRuns", () => {
  it("leaves ordinary text whole", () => {
    const text = "Hello, world! これは普通の文章です。 const x = 1;\n".repeat(50);
    expect(splitLongRuns(text)).toEqual([text]);
  });

  it("cuts a long letter run into slices no longer than the cap", () => {
    const pieces = splitLongRuns("a".repeat(200));
    expect(pieces.join("")).toBe("a".repeat(200));
    expect(pieces.map((p) => p.length)).toEqual([MAX_RUN, MAX_RUN, MAX_RUN, 200 - 3 * MAX_RUN]);
  });

  it("keeps the text around a long run attached to the first and last slice", () => {
    const text = "start " + "x".repeat(130) + " end";
    const pieces = splitLongRuns(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces).toHaveLength(3);
    expect(pieces[0]).toBe("start " + "x".repeat(MAX_RUN));
    expect(pieces[2]!.endsWith(" end")).toBe(true);
  });

  it("cuts long punctuation and whitespace runs too", () => {
    expect(splitLongRuns("=".repeat(129))).toHaveLength(3);
    expect(splitLongRuns(" ".repeat(129))).toHaveLength(3);
    expect(splitLongRuns("1".repeat(1000))).toHaveLength(1); // digits already split into threes
  });

  it("cuts unpunctuated Japanese", () => {
    const text = "日本語".repeat(100);
    const pieces = splitLongRuns(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBe(Math.ceil(300 / MAX_RUN));
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(100); // 200 UTF-16 units, one punctuation-class run
    const pieces = splitLongRuns(text, 5);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) expect(piece.length % 2).toBe(0);
  });

  it("accepts a custom cap and rejects a nonsensical one", () => {
    expect(splitLongRuns("abcdefghij", 3)).toEqual(["abc", "def", "ghi", "j"]);
    expect(() => splitLongRuns("abc", 0)).toThrow(RangeError);
  });

  it("handles empty text", () => {
    expect(splitLongRuns("")).toEqual([""]);
  });
});
