import { describe, expect, it } from "vitest";
import { answerFor, asksForDetail } from "./answer.ts";
import { estimateTokens } from "./tokens.ts";

describe("answerFor", () => {
  it("gives the same answer to the same prompt and another with a salt", () => {
    expect(answerFor("Why is the sky blue?")).toBe(answerFor("Why is the sky blue?"));
    expect(answerFor("Why is the sky blue?", 7)).not.toBe(answerFor("Why is the sky blue?"));
  });

  it("answers a request for background at several times the length", () => {
    const question = "東京の人口は？";
    const short = estimateTokens("質問に答えて" + answerFor(`質問に答えて\n${question}`));
    const long = estimateTokens("詳しく背景を説明した上で、質問に答えて" + answerFor(`詳しく背景を説明した上で、質問に答えて\n${question}`));
    expect(asksForDetail("詳しく背景を説明した上で、質問に答えて")).toBe(true);
    expect(asksForDetail("質問に答えて")).toBe(false);
    expect(long / short).toBeGreaterThan(2.5);
  });
});
