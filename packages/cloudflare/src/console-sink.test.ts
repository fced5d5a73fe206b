import type { LLMCall } from "@llmscope/core";
import { describe, expect, it } from "vitest";
import { consoleSink } from "./console-sink.ts";

const call = {
  id: "call-1",
  startedAt: 1_700_000_000_000,
  provider: "openai",
  operation: "chat",
  model: "gpt-4o-mini",
  responseModel: "gpt-4o-mini-2024-07-18",
  status: 200,
  stream: true,
  usage: { inputTokens: 12, outputTokens: 40, source: "provider" },
  cost: { totalUSD: 0.0001 },
  timing: { durationMs: 120, ttftMs: 30 },
  tags: { userId: "u1" },
  fingerprint: "fp",
  prompt: { messages: [], text: "hello ".repeat(300) },
  completion: { text: "hi there" },
} as unknown as LLMCall;

describe("consoleSink", () => {
  it("logs one parseable JSON line per call with the texts cut", () => {
    const lines: string[] = [];
    const sink = consoleSink({ log: (line) => lines.push(line), textLimit: 20 });
    sink.write(call);
    sink.write({ ...call, id: "call-2" });
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain("\n");
    const parsed = JSON.parse(lines[0]!);
    expect(parsed).toMatchObject({
      llmscope: 1,
      id: "call-1",
      model: "gpt-4o-mini-2024-07-18",
      usage: { inputTokens: 12, outputTokens: 40 },
      costUSD: 0.0001,
      tags: { userId: "u1" },
      completion: "hi there",
    });
    expect(parsed.prompt).toBe(`${"hello ".repeat(300).slice(0, 20)}…`);
    expect(JSON.parse(lines[1]!).id).toBe("call-2");
  });
});
