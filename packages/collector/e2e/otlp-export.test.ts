import { afterEach, describe, expect, it } from "vitest";
import { createOtlpForwarder } from "../src/otlp/otlp-forwarder.ts";
import { attributesOf, startOtlpReceiver, type OtlpReceiver } from "../src/testing/otlp-receiver.ts";
import { startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { makeCall } from "../src/testing/make-call.ts";

let receiver: OtlpReceiver;
let s: TestServer;
afterEach(async () => {
  await s.close();
  await receiver.close();
});

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT = "00f067aa0ba902b7";

describe("OTLP/HTTP export", () => {
  it("sends each stored call as a CLIENT span with GenAI attributes, joined to the app's trace", async () => {
    receiver = await startOtlpReceiver();
    const otlp = createOtlpForwarder({ endpoint: receiver.url, serviceName: "support-bot", flushIntervalMs: 50 });
    s = await startTestServer({ otlp });
    const T = Date.UTC(2026, 2, 4, 14, 2);
    const traced = makeCall({ startedAt: T, durationMs: 1234, traceparent: `00-${TRACE}-${PARENT}-01` });
    const failed = makeCall({ startedAt: T + 5, errorKind: "rate_limit", provider: "google", model: "gemini-2.5-flash" });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls: [traced, failed] });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls: [traced] }); // a retry is not exported twice
    await otlp.flush();

    expect(receiver.requests[0]!.contentType).toMatch(/application\/json/);
    const spans = receiver.spans();
    expect(spans).toHaveLength(2);
    const span = spans.find((x) => x.traceId === TRACE)!;
    expect(span.name).toBe("chat gpt-4o-mini");
    expect(span.kind).toBe(3); // SPAN_KIND_CLIENT in OTLP
    expect(span.parentSpanId).toBe(PARENT);
    expect(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)).toBe(1_234_000_000n);
    expect(BigInt(span.startTimeUnixNano)).toBe(BigInt(T) * 1_000_000n);
    const attrs = attributesOf(span);
    expect(attrs).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 256,
      "gen_ai.request.top_p": 1,
      "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 120,
      "gen_ai.usage.output_tokens": 40,
      "gen_ai.usage.cache_read.input_tokens": 0,
      "llmscope.call_id": traced.id,
    });
    expect(attrs["gen_ai.input.messages"]).toBeUndefined();

    const errorSpan = spans.find((x) => x !== span)!;
    expect(errorSpan.name).toBe("chat gemini-2.5-flash");
    expect(errorSpan.status.code).toBe(2);
    expect(attributesOf(errorSpan)).toMatchObject({ "error.type": "rate_limit", "gen_ai.provider.name": "gcp.gemini" });
    expect(errorSpan.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(errorSpan.parentSpanId ?? "").toBe("");
    expect(otlp.stats()).toEqual({ forwarded: 2, dropped: 0, failed: 0 });
  });

  it("exports prompt and completion content only when enabled", async () => {
    receiver = await startOtlpReceiver();
    const otlp = createOtlpForwarder({ endpoint: `${receiver.url}/v1/traces`, includeContent: true, flushIntervalMs: 50 });
    s = await startTestServer({ otlp });
    await s.post("/v1/calls", { v: 1, sentAt: 0, calls: [makeCall({ promptText: "Where is order 7?" })] });
    await otlp.flush();
    const attrs = attributesOf(receiver.spans()[0]!);
    expect(JSON.parse(attrs["gen_ai.input.messages"] as string)).toEqual([{ role: "user", parts: [{ type: "text", content: "Where is order 7?" }] }]);
    expect(JSON.parse(attrs["gen_ai.output.messages"] as string)[0]).toMatchObject({ role: "assistant", finish_reason: "stop" });
    expect(JSON.parse(attrs["gen_ai.system_instructions"] as string)).toEqual([{ type: "text", content: "You are terse." }]);
  });
});
