// Real traffic: core's recorder around fetch calling the mock LLM, its
// beaconSink posting every call to the collector under test.
import { beaconSink, createRecorder, memorySink, type LLMCall, type Tags } from "@llmscope/core";
import { startMockLLM } from "@llmscope/mock-llm/node";

export const HOSTILE_PROMPT = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script> what is my balance?`;

export interface Traffic {
  calls: LLMCall[];
  /** the call that should fire the token spike alert */
  spike: LLMCall;
  hostile: LLMCall;
}

export async function recordTraffic(collectorUrl: string, writeKey: string): Promise<Traffic> {
  const mock = await startMockLLM({ firstChunkDelayMs: 5, chunkDelayMs: 1 });
  const kept = memorySink();
  const recorder = createRecorder({ sinks: [beaconSink({ url: `${collectorUrl}/v1/calls`, writeKey, flushIntervalMs: 60_000 }), kept], estimateTokens: false });
  const f = recorder.wrap(fetch);
  const ask = (tags: Tags, content: string, stream = false) =>
    recorder.withTags(tags, () =>
      f(`${mock.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
        body: JSON.stringify({ model: "gpt-4o-mini", stream, ...(stream ? { stream_options: { include_usage: true } } : {}), messages: [{ role: "user", content }] }),
      }).then((r) => r.text()),
    );
  try {
    const support = { department: "support", feature: "chat" };
    await ask({ ...support, userId: "u42" }, "Where is my order 1234?");
    await ask({ ...support, userId: "u42" }, "Where is my order 98?", true);
    await ask({ ...support, userId: "u7", feature: "email" }, "Where is my order 5531?");
    await ask({ department: "sales", feature: "quote", userId: "u9" }, "Draft a quote for 30 seats of the team plan");
    for (let i = 0; i < 6; i++) await ask({ department: "sales", feature: "triage", userId: "u9", promptId: "triage" }, `Triage ticket ${i}: the printer is offline`);
    await ask({ department: "sales", feature: "triage", userId: "u9", promptId: "triage" }, `Triage ticket 99: ${"the printer is offline and the logs say paper jam again ".repeat(40)}`);
    await ask({ ...support, userId: "u666" }, HOSTILE_PROMPT);
    await recorder.flush();
  } finally {
    await mock.close();
  }
  const calls = kept.calls();
  const spike = calls.find((c) => c.prompt.text?.includes("Triage ticket 99"))!;
  const hostile = calls.find((c) => c.tags.userId === "u666")!;
  return { calls, spike, hostile };
}
