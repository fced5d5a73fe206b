import { createRecorder, memorySink, type LLMCall, type MemorySink, type Recorder } from "@llmscope/core";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";

export interface RealSetup {
  mock: MockLLMServer;
  recorder: Recorder;
  sink: MemorySink;
  /** the recorder's fetch: calls made with it are recorded */
  fetch: typeof fetch;
  /** an OpenAI chat completion against the mock; resolves once the recorder has the finished call */
  chat(content: string, options?: { stream?: boolean; scenario?: string; model?: string }): Promise<LLMCall>;
  close(): Promise<void>;
}

/** A real recorder around a fetch that talks to the mock LLM on 127.0.0.1. */
export async function startRealSetup(): Promise<RealSetup> {
  const mock = await startMockLLM({ firstChunkDelayMs: 5, chunkDelayMs: 1 });
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], sessionId: "real-session" });
  const recordingFetch = recorder.wrap(fetch);
  const chat: RealSetup["chat"] = async (content, options = {}) => {
    const before = sink.calls().length;
    const response = await recordingFetch(`${mock.url}/v1/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer sk-test-secret-123",
        ...(options.scenario ? { "x-mock-scenario": options.scenario } : {}),
      },
      body: JSON.stringify({ model: options.model ?? "gpt-4o-mini", stream: options.stream ?? false, messages: [{ role: "user", content }] }),
    });
    await response.text();
    await recorder.flush();
    const call = sink.calls()[before];
    if (!call) throw new Error("the recorder did not record the call");
    return call;
  };
  return { mock, recorder, sink, fetch: recordingFetch, chat, close: () => mock.close() };
}
