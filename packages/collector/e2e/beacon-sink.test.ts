// The real recorder and beaconSink from @llmscope/core, recording calls to the
// mock LLM over 127.0.0.1 and delivering them to a real collector.
import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { beaconSink, createRecorder, memorySink, type LLMCall } from "@llmscope/core";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { READ_KEY, startTestServer, WRITE_KEY, type TestServer } from "../src/testing/test-server.ts";

let mock: MockLLMServer;
let s: TestServer;
afterEach(async () => {
  await s.close();
  await mock.close();
});

describe("beaconSink → collector", () => {
  it("stores what the recorder captured, with tags, tokens and later feedback", async () => {
    mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
    s = await startTestServer();
    const sink = beaconSink({ url: `${s.url}/v1/calls`, writeKey: WRITE_KEY, flushIntervalMs: 60_000 });
    const recorder = createRecorder({ sinks: [sink], tags: { department: "support", feature: "chat" }, estimateTokens: false });
    const f = recorder.wrap(fetch);
    const ask = (content: string, stream: boolean) =>
      recorder.withTags({ userId: "u42" }, () =>
        f(`${mock.url}/v1/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer sk-never-recorded" },
          body: JSON.stringify({ model: "gpt-4o-mini", stream, ...(stream ? { stream_options: { include_usage: true } } : {}), messages: [{ role: "user", content }] }),
        }).then((r) => r.text()),
      );
    await ask("Where is my order 1234?", false);
    await ask("Where is my order 98?", true);
    await recorder.flush();

    const page = await (await s.get("/v1/calls?userId=u42")).json();
    expect(page.calls).toHaveLength(2);
    const [streamed, plain] = page.calls as LLMCall[];
    expect(plain!.prompt.text).toContain("Where is my order 1234?");
    expect(streamed!.stream).toBe(true);
    for (const c of [plain!, streamed!]) {
      expect(c).toMatchObject({ provider: "openai", model: "gpt-4o-mini", tags: { userId: "u42", department: "support", feature: "chat" } });
      expect(c.usage.inputTokens).toBeGreaterThan(0);
      expect(c.completion.text.length).toBeGreaterThan(0);
      expect(JSON.stringify(c)).not.toContain("sk-never-recorded");
    }
    // same prompt pattern, different numbers: the impact scope links them
    const scope = await (await s.get(`/v1/calls/${plain!.id}/similar`)).json();
    expect(scope.total).toBe(1);

    recorder.feedback(plain!.id, { score: -1, comment: "wrong order" });
    await recorder.flush();
    const stored = await (await fetch(`${s.url}/v1/calls/${plain!.id}`, { headers: { "x-llmscope-key": READ_KEY } })).json();
    expect(stored.feedback).toMatchObject({ score: -1, comment: "wrong order" });
    expect(recorder.stats().dropped).toBe(0);
  });

  it("gzips every batch after the first once the collector has answered, and stores each call as the recorder made it", async () => {
    mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
    s = await startTestServer();
    const encodings: (string | undefined)[] = [];
    s.server.server.on("request", (req: IncomingMessage) => req.url === "/v1/calls" && encodings.push(req.headers["content-encoding"]));
    const kept = memorySink();
    const recorder = createRecorder({ sinks: [beaconSink({ url: `${s.url}/v1/calls`, writeKey: WRITE_KEY, flushIntervalMs: 60_000 }), kept], estimateTokens: false });
    const f = recorder.wrap(fetch);
    for (let round = 0; round < 3; round++) {
      for (const stream of [false, true]) {
        const body = JSON.stringify({ model: "gpt-4o-mini", stream, ...(stream ? { stream_options: { include_usage: true } } : {}), messages: [{ role: "user", content: `Where is my order ${round}-${stream}?` }] });
        await (await f(`${mock.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body })).text();
      }
      await recorder.flush();
    }
    expect(encodings).toEqual([undefined, "gzip", "gzip"]);
    expect(recorder.stats().dropped).toBe(0);
    const made = kept.calls();
    expect(made).toHaveLength(6);
    for (const call of made) {
      const stored = (await (await s.get(`/v1/calls/${call.id}`)).json()) as LLMCall;
      expect(stored).toMatchObject({ prompt: call.prompt, completion: call.completion, usage: call.usage, timing: call.timing, fingerprint: call.fingerprint, stream: call.stream });
    }
  });
});
