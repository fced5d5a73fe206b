import { describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { LLMCall, RecorderEvent } from "../types.ts";
import { createRecorder } from "./index.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const request = { model: "gpt-4o", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Say hi" }], temperature: 0.2, max_tokens: 50 };
const sse = (events: unknown[]) => events.map((e) => `data: ${typeof e === "string" ? e : JSON.stringify(e)}\n\n`).join("");
const delta = (content: string, finish: string | null = null) => ({ model: "gpt-4o-2024-08-06", choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

function streamingFetch(chunks: string[], init: ResponseInit = {}) {
  return (async () => {
    const enc = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (i < chunks.length) c.enqueue(enc.encode(chunks[i++]!));
        else c.close();
      },
    });
    const response = new Response(body, { status: 200, statusText: "OK", headers: { "content-type": "text/event-stream", "x-request-id": "r1" }, ...init });
    Object.defineProperty(response, "url", { value: CHAT });
    Object.defineProperty(response, "redirected", { value: true });
    return response;
  }) as typeof fetch;
}

async function record(f: typeof fetch, run: (f: typeof fetch) => Promise<unknown>, options = {}) {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], ...options });
  // call events only: a trace event has no call
  const events: Extract<RecorderEvent, { call: unknown }>[] = [];
  recorder.subscribe((e) => "call" in e && events.push(e));
  const result = await run(recorder.wrap(f));
  await recorder.flush();
  return { call: sink.calls()[0] as LLMCall, calls: sink.calls(), result, events, recorder };
}

describe("a recorded JSON call", () => {
  it("keeps an embeddings call's reported usage as the provider's: embeddings have no output to estimate", async () => {
    const reply = { object: "list", model: "text-embedding-3-small", data: [{ object: "embedding", index: 0, embedding: [0.1, 0.2] }], usage: { prompt_tokens: 3, total_tokens: 3 } };
    const { call } = await record(
      (async () => new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } })) as typeof fetch,
      async (f) => (await f("http://127.0.0.1:9/v1/embeddings", { method: "POST", body: JSON.stringify({ model: "text-embedding-3-small", input: "hello there" }) })).json(),
    );
    expect(call).toMatchObject({ operation: "embeddings", usage: { inputTokens: 3, totalTokens: 3, source: "provider" } });
  });

  it("has provider, model, params, prompt, completion, usage, cost and timing", async () => {
    const reply = { model: "gpt-4o-2024-08-06", choices: [{ message: { role: "assistant", content: "Hi there" }, finish_reason: "stop" }], usage: { prompt_tokens: 9, completion_tokens: 2 } };
    const { call, events } = await record(
      (async () => new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } })) as typeof fetch,
      async (f) => (await f(CHAT, { method: "POST", headers: { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }, body: JSON.stringify(request) })).json(),
    );
    expect(call).toMatchObject({
      provider: "openai",
      operation: "chat",
      url: CHAT,
      method: "POST",
      status: 200,
      stream: false,
      phase: "done",
      model: "gpt-4o",
      responseModel: "gpt-4o-2024-08-06",
      params: { temperature: 0.2, maxTokens: 50 },
      completion: { text: "Hi there", finishReason: "stop" },
      usage: { inputTokens: 9, outputTokens: 2, source: "provider" },
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    });
    expect(call.prompt).toMatchObject({ system: "Be brief.", messages: [{ role: "user", content: "Say hi" }] });
    expect(call.cost!.totalUSD).toBeGreaterThan(0);
    expect(call.fingerprint).not.toBe("");
    expect(call.error).toBeUndefined();
    expect(call.timing.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(call.timing.ttftMs).toBeGreaterThanOrEqual(call.timing.ttfbMs!);
    expect(call.timing.durationMs).toBeGreaterThanOrEqual(call.timing.ttftMs!);
    expect(events.map((e) => e.type)).toEqual(["start", "end"]);
    expect(events[0]!.call.id).toBe(call.id);
  });

  it("classifies an error status and keeps the provider's message", async () => {
    const body = { error: { message: "Rate limit reached for gpt-4o", type: "requests", code: "rate_limit_exceeded" } };
    const { call, result } = await record(
      (async () => new Response(JSON.stringify(body), { status: 429, headers: { "content-type": "application/json" } })) as typeof fetch,
      async (f) => (await f(CHAT, { method: "POST", body: JSON.stringify(request) })).status,
    );
    expect(result).toBe(429);
    expect(call.error).toMatchObject({ kind: "rate_limit", status: 429, message: "Rate limit reached for gpt-4o" });
    expect(call.usage.inputTokens).toBeUndefined();
    // an error body is not a first token: it must not pull the TTFT figures down
    expect(call.timing.ttftMs).toBeUndefined();
    expect(call.timing.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("records a rejected fetch as a network error", async () => {
    const failure = new TypeError("fetch failed");
    const { call } = await record((() => Promise.reject(failure)) as typeof fetch, (f) => f(CHAT, { method: "POST", body: JSON.stringify(request) }).catch((e) => e));
    expect(call.error).toMatchObject({ kind: "network", message: "fetch failed" });
  });
});

describe("a recorded stream", () => {
  const chunks = [sse([delta("Hel")]).slice(0, 20), sse([delta("Hel")]).slice(20), sse([delta("lo 🙂"), delta("", "stop"), "[DONE]"])];

  it("reaches the app byte for byte with status, headers, url, redirected and type intact", async () => {
    const direct = await streamingFetch(chunks)(CHAT);
    const { result } = await record(streamingFetch(chunks), async (f) => {
      const response = await f(CHAT, { method: "POST", body: JSON.stringify({ ...request, stream: true }) });
      return { response, text: await response.text() };
    });
    const { response, text } = result as { response: Response; text: string };
    expect(text).toBe(chunks.join(""));
    for (const key of ["status", "statusText", "url", "redirected", "type"] as const) expect(response[key]).toEqual(direct[key]);
    expect([...response.headers]).toEqual([...direct.headers]);
  });

  it("gathers the text, times the first token, and estimates usage the stream did not report", async () => {
    const { call, events } = await record(streamingFetch(chunks), async (f) => (await f(CHAT, { method: "POST", body: JSON.stringify({ ...request, stream: true }) })).text());
    expect(call).toMatchObject({ stream: true, completion: { text: "Hello 🙂", finishReason: "stop" }, responseModel: "gpt-4o-2024-08-06" });
    expect(call.usage.source).toBe("estimated");
    expect(call.usage.inputTokens).toBeGreaterThan(5);
    expect(call.usage.outputTokens).toBeGreaterThan(0);
    expect(call.cost!.totalUSD).toBeGreaterThan(0);
    expect(call.timing.chunkCount).toBe(3);
    expect(call.timing.gapsMs).toHaveLength(2);
    expect(call.timing.ttftMs).toBeGreaterThanOrEqual(call.timing.ttfbMs!);
    expect(call.timing.durationMs).toBeGreaterThanOrEqual(call.timing.ttftMs!);
    expect(call.response!.body).toBe(chunks.join(""));
    expect(events[0]!.type).toBe("start");
    expect(events.some((e) => e.type === "update" && e.call.phase === "streaming")).toBe(true);
    expect(events.at(-1)!.type).toBe("end");
  });

  it("records a cancelled stream as aborted with the text that arrived", async () => {
    let pulls = 0;
    const endless = (async () =>
      new Response(
        new ReadableStream({
          pull(c) {
            c.enqueue(new TextEncoder().encode(sse([delta(`w${pulls++} `)])));
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      )) as typeof fetch;
    const { call } = await record(endless, async (f) => {
      const reader = (await f(CHAT, { method: "POST", body: JSON.stringify({ ...request, stream: true }) })).body!.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    });
    expect(call.error?.kind).toBe("aborted");
    expect(call.completion.text).toMatch(/^w0 w1 /);
  });

  it("hands the app the very error a broken stream fails with, and records it", async () => {
    const failure = new TypeError("terminated");
    const broken = (async () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(sse([delta("partial")])));
          },
          pull(c) {
            c.error(failure);
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      )) as typeof fetch;
    const { call, result } = await record(broken, async (f) => (await f(CHAT, { method: "POST", body: JSON.stringify({ ...request, stream: true }) })).text().catch((e) => e));
    expect(result).toBe(failure);
    expect(call.error?.kind).toBe("network");
    expect(call.completion.text).toBe("partial");
  });

  it("counts unparseable events and keeps the rest", async () => {
    const { call, recorder } = await record(streamingFetch([sse(["{not json", delta("ok", "stop")])]), async (f) => (await f(CHAT, { method: "POST", body: JSON.stringify({ ...request, stream: true }) })).text());
    expect(call.completion.text).toBe("ok");
    expect(recorder.stats().parseErrors).toBe(1);
  });
});
