// The LLM-as-judge against the mock LLM on 127.0.0.1, in every wire protocol it
// speaks, with a recorder installed the way an app installs it: the judge's
// own requests must never show up as recorded calls.
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecorder, memorySink, type LLMCall, type MemorySink, type Recorder } from "../src/index.ts";
import { evaluateCall, llmJudgeEvaluator, SCORES_TOOL, type JudgeProtocol } from "../src/quality/index.ts";
import { testCall } from "../src/analysis/test-call.ts";

let mock: MockLLMServer;
let recorder: Recorder;
let sink: MemorySink;
let uninstall: () => void;
let directFetch: typeof fetch;

beforeAll(async () => {
  mock = await startMockLLM({ firstChunkDelayMs: 1, chunkDelayMs: 0 });
  directFetch = globalThis.fetch;
  sink = memorySink();
  recorder = createRecorder({ sinks: [sink], estimateTokens: false });
  uninstall = recorder.install();
});
afterAll(async () => {
  uninstall();
  await mock.close();
});

const base = (p: JudgeProtocol) => (p === "openai" ? `${mock.url}/v1` : mock.url);
const MODELS: Record<JudgeProtocol, string> = { openai: "gpt-4o-mini", anthropic: "claude-haiku-4-5", google: "gemini-2.5-flash", ollama: "llama3.2" };

const judged: LLMCall = testCall({
  id: "app-call",
  prompt: { messages: [{ role: "user", content: "What is the capital of France?" }], text: "What is the capital of France?" },
  completion: { text: "Paris is the capital of France.", finishReason: "stop" },
  tags: { promptId: "capital" },
});

describe.each(["openai", "anthropic", "google", "ollama"] as const)("judge over %s", (protocol) => {
  it("reads the scores from the model's forced tool call, and is not recorded", async () => {
    const judge = llmJudgeEvaluator({ protocol, baseUrl: base(protocol), model: MODELS[protocol], apiKey: "judge-key", references: () => ["Paris."] });
    const scores = await judge.evaluate(judged);
    await recorder.flush();
    expect(Object.keys(scores!).sort()).toEqual(["accuracy", "coherence", "relevance", "safety"]);
    for (const v of Object.values(scores!)) expect(Number.isInteger(v) && v >= 0 && v <= 100).toBe(true);
    expect(sink.calls()).toEqual([]);
  });
});

describe("judge failures", () => {
  it("an error answer is reported by evaluateCall, never thrown, and not recorded", async () => {
    const judge = llmJudgeEvaluator({ protocol: "openai", baseUrl: `${mock.url}/v1`, model: "gpt-4o-mini", headers: { "x-mock-scenario": "rate_limit" } });
    const failures: string[] = [];
    expect(await evaluateCall(judged, [judge], (_name, err) => failures.push(String(err)))).toBeUndefined();
    expect(failures[0]).toMatch(/judge answered 429/);
    await recorder.flush();
    expect(sink.calls()).toEqual([]);
  });

  it("the recorder does record the app's own call to the same server", async () => {
    await fetch(`${mock.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
    }).then((r) => r.text());
    await recorder.flush();
    expect(sink.calls()).toHaveLength(1);
    expect(sink.calls()[0]!.completion.toolCalls ?? []).toEqual([]);
    sink.clear();
  });
});

it("scores match a direct request's tool-call arguments", async () => {
  const judge = llmJudgeEvaluator({ protocol: "openai", baseUrl: `${mock.url}/v1`, model: "gpt-4o-mini" });
  const scores = await judge.evaluate(judged);
  // what the judge sends, replayed without the recorder: the mock answers a prompt deterministically
  let sent: { url: string; init: RequestInit } | undefined;
  await llmJudgeEvaluator({
    protocol: "openai", baseUrl: `${mock.url}/v1`, model: "gpt-4o-mini",
    fetch: async (url, init) => {
      sent = { url: String(url), init: init! };
      return directFetch(url, init);
    },
  }).evaluate(judged);
  const body = await (await directFetch(sent!.url, { ...sent!.init, signal: null })).json();
  const call = body.choices[0].message.tool_calls[0].function;
  expect(call.name).toBe(SCORES_TOOL);
  expect(scores).toEqual(JSON.parse(call.arguments));
});
