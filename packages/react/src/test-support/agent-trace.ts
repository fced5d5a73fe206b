import type { LLMCall, Step, Trace } from "@llmscope/core";
import { makeCall } from "./make-call.ts";

export const agentStart = 1_700_000_100_000;

/**
 * A recorded agent request as the recorder hands it over: preprocess, a vector
 * search, then a model asking for the same tool twice before it answers.
 */
export function agentTrace(options: { id?: string; live?: boolean } = {}): { trace: Trace; calls: LLMCall[] } {
  const id = options.id ?? "4bf92f3577b34da6a3ce929d0e0e4736";
  const t = agentStart;
  const step = (sid: string, name: string, kind: Step["kind"], from: number, to: number, attributes?: Step["attributes"]): Step => ({
    id: sid, traceId: id, name, kind, startedAt: t + from, durationMs: to - from, ...(attributes ? { attributes } : {}),
  });
  const weather = (sid: string, from: number) =>
    step(sid, "get_weather", "tool", from, from + 100, { "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.arguments": '{"city":"Paris"}', "gen_ai.tool.call.result": '{"tempC":18}', "gen_ai.tool.call.id": `call_${sid}` });
  const call = (cid: string, from: number, to: number, extra: Partial<LLMCall>) =>
    makeCall({
      id: cid, traceId: id, sessionId: "session-a", startedAt: t + from, endedAt: t + to, stream: true,
      timing: { durationMs: to - from, ttfbMs: 120, ttftMs: 250 }, usage: { inputTokens: 100, outputTokens: 40, source: "provider" },
      cost: { inputUSD: 0.0001, cachedInputUSD: 0, outputUSD: 0.0002, totalUSD: 0.0003, priceDate: "2026-11-01" }, ...extra,
    });
  const ask = (args: string) => ({ text: "", finishReason: "tool_calls", toolCalls: [{ name: "get_weather", arguments: args }] });
  const calls = [
    call("c1", 300, 900, { prompt: { messages: [{ role: "user", content: "What is the weather in Paris?" }], text: "What is the weather in Paris?" }, completion: ask('{"city":"Paris"}') }),
    call("c2", 1000, 1500, { completion: ask('{ "city": "Paris" }') }),
    call("c3", 1600, 2300, { completion: { text: "It is 18 °C in Paris.", finishReason: "stop" } }),
  ];
  const steps = [
    step("s1", "normalize-input", "preprocess", 0, 180),
    step("s2", "vector-search", "retrieval", 180, 300, { query: "weather in Paris", topK: 4, docs: 4 }),
    weather("s3", 900),
    weather("s4", 1500),
  ];
  const trace: Trace = { id, name: "answer-question", sessionId: "session-a", tags: { feature: "agent" }, startedAt: t, steps, callIds: calls.map((c) => c.id) };
  if (!options.live) {
    trace.durationMs = 2400;
    trace.summary = {
      calls: 3, inputTokens: 300, outputTokens: 120, costUSD: 0.0009, errors: 0,
      llmMs: 1800, retrievalMs: 120, toolMs: 200, preprocessMs: 180, httpMs: 0, selfMs: 100, firstTokenMs: 1850,
    };
  }
  return { trace, calls };
}
