import { describe, expect, it } from "vitest";
import { cosine, embedText } from "./embedding.ts";
import { topicWords } from "./words.ts";

describe("embedText", () => {
  it("is a unit vector, equal for equal texts", () => {
    const v = embedText("The weather in Oslo", 512);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(embedText("The weather in Oslo", 512)).toEqual(v);
  });

  it("puts texts that share topic words closer than texts that share none", () => {
    const question = embedText("What is the weather in Oslo today?", 1536);
    const related = embedText("Oslo weather is mild with rain", 1536);
    const unrelated = embedText("Prompt caching cuts input tokens", 1536);
    expect(cosine(question, related)).toBeGreaterThan(0.4);
    expect(Math.abs(cosine(question, unrelated))).toBeLessThan(0.15);
  });

  it("gives a text without topic words a vector of its own", () => {
    expect(cosine(embedText("the and of", 256), embedText("what is it", 256))).toBeLessThan(0.5);
  });
});

describe("topicWords", () => {
  it("drops function words, stems plurals and pairs CJK characters", () => {
    expect(topicWords("What are the capitals of France?")).toEqual(["capital", "france"]);
    expect(topicWords("東京の天気")).toEqual(["東京", "京の", "の天", "天気"]);
  });
});
