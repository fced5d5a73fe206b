// Real request traces: core's recorder (recorder.trace / recorder.step) around
// fetch calling the mock LLM, its beaconSink posting calls and traces to the
// collector under test. Two conversations: a support agent (retrieval,
// preprocessing, a tool, two streamed LLM calls a turn) and a short chat.
import { beaconSink, createRecorder, memorySink, type LLMCall, type Trace } from "@llmscope/core";
import { startMockLLM } from "@llmscope/mock-llm/node";
import { HOSTILE_PROMPT } from "./record-traffic.ts";

export interface RecordedTraces {
  traces: Trace[];
  calls: LLMCall[];
  /** the support conversation's session id */
  supportSession: string;
}

export const SUPPORT_QUESTIONS = ["Where is my order 1234?", "Can I return it after 30 days?", HOSTILE_PROMPT];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function recordTraces(collectorUrl: string, writeKey: string, run = Date.now().toString(36)): Promise<RecordedTraces> {
  const mock = await startMockLLM({ firstChunkDelayMs: 5, chunkDelayMs: 1 });
  const kept = memorySink();
  const sinks = () => [beaconSink({ url: `${collectorUrl}/v1/calls`, writeKey, flushIntervalMs: 60_000 }), kept];
  const supportSession = `support-${run}`;
  const support = createRecorder({ sinks: sinks(), sessionId: supportSession, estimateTokens: false, tags: { userId: "u42", feature: "support-agent", department: "support" } });
  const chat = createRecorder({ sinks: sinks(), sessionId: `chat-${run}`, estimateTokens: false, tags: { userId: "u7", feature: "chat", department: "sales" } });
  const ask = (recorder: typeof support, messages: { role: string; content: string }[], firstChunkMs: number) =>
    recorder.wrap(fetch)(`${mock.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer sk-test", "x-mock-first-chunk-delay": String(firstChunkMs), "x-mock-chunk-delay": "6" },
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true, stream_options: { include_usage: true }, messages }),
    }).then((r) => r.text());
  try {
    for (const [turn, question] of SUPPORT_QUESTIONS.entries()) {
      await support.trace("answer-question", async () => {
        const docs = await support.step("vector-search", () => sleep(60 + turn * 40).then(() => ["policy.md", "orders.md"]), { kind: "retrieval", attributes: { topK: 2 } });
        const context = await support.step("build-prompt", () => sleep(15).then(() => `Answer from these documents: ${docs.join(", ")}`), { kind: "preprocess" });
        await ask(support, [{ role: "system", content: context }, { role: "user", content: question }], 80);
        await sleep(25); // the app's own code between steps
        // an agent step: the tool and the follow-up call nest under it
        await support.step("resolve-order", async () => {
          await support.step("lookup_order", async () => {
            await sleep(30);
            // the last turn's tool fails: a failed step the waterfall and the lists show
            if (turn === SUPPORT_QUESTIONS.length - 1) throw new Error("order service unavailable");
          }, { kind: "tool" }).catch(() => undefined);
          await ask(support, [{ role: "system", content: context }, { role: "user", content: question }, { role: "assistant", content: "Let me look that up." }, { role: "user", content: "Order status: shipped" }], 40);
        }, { kind: "agent" });
      });
    }
    await chat.trace("small-talk", () => ask(chat, [{ role: "user", content: "Hello there" }], 10));
    await Promise.all([support.flush(), chat.flush()]);
  } finally {
    await mock.close();
  }
  return { traces: kept.traces(), calls: kept.calls(), supportSession };
}

/** many short traces (one http step each, no LLM call), for paging */
export async function recordQuickTraces(collectorUrl: string, writeKey: string, count: number): Promise<void> {
  const recorder = createRecorder({ sinks: [beaconSink({ url: `${collectorUrl}/v1/calls`, writeKey, flushIntervalMs: 60_000 })], sessionId: `health-${Date.now().toString(36)}`, estimateTokens: false });
  for (let i = 0; i < count; i++) await recorder.trace("health-check", () => recorder.step("ping", () => sleep(1), { kind: "http" }));
  await recorder.flush();
}
