import { describe, expect, it } from "vitest";
import { createMockLLM } from "../../handler.ts";
import { jsonRequest, readSse } from "../../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const responses = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  mock(jsonRequest("/v1/responses", { model: "gpt-4o-mini", input: "Hello", ...body }, headers));

describe("OpenAI Responses API", () => {
  it("streams named events in order, each with a rising sequence_number", async () => {
    const events = await readSse(await responses({ stream: true }));
    const names = events.map((e) => e.event);
    const deltas = names.filter((n) => n === "response.output_text.delta").length;
    expect(deltas).toBeGreaterThan(1);
    expect(names).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      ...Array(deltas).fill("response.output_text.delta"),
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const payloads = events.map((e) => JSON.parse(e.data));
    expect(payloads.map((p) => p.sequence_number)).toEqual(payloads.map((_, i) => i));
    expect(payloads.every((p, i) => p.type === names[i])).toBe(true);
    const completed = payloads.at(-1).response;
    expect(completed.status).toBe("completed");
    expect(completed.usage.input_tokens_details).toEqual({ cached_tokens: 0 });
    expect(completed.usage.output_tokens_details).toEqual({ reasoning_tokens: 0 });
    const text = payloads.filter((p) => p.type === "response.output_text.delta").map((p) => p.delta).join("");
    expect(completed.output[0].content[0].text).toBe(text);
  });

  it("ends with response.incomplete and max_output_tokens when capped", async () => {
    const events = await readSse(await responses({ stream: true, max_output_tokens: 4 }));
    const last = JSON.parse(events.at(-1)!.data);
    expect(last.type).toBe("response.incomplete");
    expect(last.response.incomplete_details).toEqual({ reason: "max_output_tokens" });
  });

  it("sends an error event mid-stream for stream_error", async () => {
    const events = await readSse(await responses({ stream: true }, { "x-mock-scenario": "stream_error" }));
    expect(events.at(-1)!.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ type: "error", code: "server_error" });
    expect(events.some((e) => e.event === "response.completed")).toBe(false);
  });

  it("reports refusals as a refusal content part", async () => {
    const body = await (await responses({}, { "x-mock-scenario": "refusal" })).json();
    expect(body.output[0].content[0]).toMatchObject({ type: "refusal" });
  });

  it("counts cached tokens on a repeated long prompt", async () => {
    const input = "Background document. ".repeat(300);
    const first = await (await responses({ input })).json();
    const second = await (await responses({ input })).json();
    expect(first.usage.input_tokens).toBeGreaterThan(1024);
    expect(first.usage.input_tokens_details.cached_tokens).toBe(0);
    expect(second.usage.input_tokens_details.cached_tokens).toBeGreaterThanOrEqual(1024);
    expect(second.usage.input_tokens_details.cached_tokens % 128).toBe(0);
  });
});

describe("legacy completions and embeddings", () => {
  it("defaults completions to 16 tokens, as the real API does", async () => {
    const body = await (await mock(jsonRequest("/v1/completions", { model: "gpt-3.5-turbo-instruct", prompt: "Tell me a long story" }))).json();
    expect(body.object).toBe("text_completion");
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(16);
    expect(body.choices[0].finish_reason).toBe("length");
  });

  it("embeds equal inputs equally and different inputs differently", async () => {
    const body = await (await mock(jsonRequest("/v1/embeddings", { model: "text-embedding-3-small", input: ["a", "b", "a"] }))).json();
    expect(body.data).toHaveLength(3);
    expect(body.data[0].embedding).toHaveLength(1536);
    expect(body.data[0].embedding).toEqual(body.data[2].embedding);
    expect(body.data[0].embedding).not.toEqual(body.data[1].embedding);
  });

  it("rejects an embeddings request without input", async () => {
    const res = await mock(jsonRequest("/v1/embeddings", { model: "text-embedding-3-small" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.type).toBe("invalid_request_error");
  });
});
