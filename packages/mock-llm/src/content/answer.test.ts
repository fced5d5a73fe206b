import { describe, expect, it } from "vitest";
import { answerFor, asksForDetail } from "./answer.ts";
import { estimateTokens } from "./tokens.ts";
import { topicOf } from "./topic.ts";
import { topicWords } from "./words.ts";

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

describe("answers relate to the question", () => {
  const share = (question: string, answer: string) => {
    const said = new Set(topicWords(answer));
    const asked = topicWords(question);
    return asked.filter((w) => said.has(w)).length / asked.length;
  };

  it("uses at least half of the question's topic words", () => {
    const questions = ["What is the capital of France?", "Why is the sky blue?", "How do I reduce token costs?", "Write a haiku about autumn leaves", "What's the weather in Oslo?"];
    for (const question of questions) expect(share(question, answerFor(`Be brief.\n${question}`, 0, { question }))).toBeGreaterThanOrEqual(0.5);
  });

  it("prefers the canned sentence that shares the question's words", () => {
    expect(answerFor("q", 0, { question: "What is the capital of France?" })).toContain("Paris is the capital of France");
  });

  it("quotes the tool result it was given back", () => {
    const answer = answerFor("p", 0, { question: "Weather in Oslo?", toolResult: '{"temperature":12}' });
    expect(answer).toContain('The tool returned {"temperature":12}.');
    expect(answer).toContain("Oslo");
  });

  it("echoes a CJK question's topic", () => {
    expect(answerFor("東京の天気は？", 0, { question: "東京の天気は？" })).toMatch(/^「東京の天気は」について/);
  });
});

describe("topicOf", () => {
  it("drops the asking words and the end punctuation", () => {
    expect(topicOf("What's the weather in Oslo?")).toBe("the weather in Oslo");
    expect(topicOf("Context first.\nHow do I reduce token costs?")).toBe("reduce token costs");
  });
});
