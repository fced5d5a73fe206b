// What the call-end chunk reads of a request, given what the app's path kept:
// the URL and headers through the secrets rules, the provider behind a
// gateway, and the body by the adapter that matched it.
import { describe, expect, it } from "vitest";
import { findWire } from "../providers/registry.ts";
import type { LLMCall, RecorderStats } from "../types.ts";
import { readCallRequest } from "./read-call-request.ts";

const stats = () => ({ parseErrors: 0 }) as RecorderStats;

/** a call as beginCall starts it: provider and model as the wire's match says, url without its query */
function begun(href: string) {
  const url = new URL(href);
  const { adapter, match } = findWire(url, "POST")!;
  const call = { provider: match.provider, model: match.model, url: url.origin + url.pathname, request: { headers: {} }, params: {}, prompt: { messages: [], text: "" }, stream: false } as unknown as LLMCall;
  return { call, url, adapter, match };
}

describe("readCallRequest", () => {
  it("names the provider behind Cloudflare's AI Gateway, which the app's path left as the wire's", () => {
    const { call, url, adapter, match } = begun("https://gateway.ai.cloudflare.com/v1/acct/gw/openai/chat/completions");
    expect(call.provider).toBe("openai-compatible");
    const body = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(readCallRequest(call, stats(), adapter, match, url, undefined, body)).toBe(false);
    expect(call).toMatchObject({ provider: "openai", model: "gpt-4o", prompt: { text: "hi" } });
  });

  it("takes an Azure deployment behind the gateway as the model when the body names none", () => {
    const { call, url, adapter, match } = begun("https://gateway.ai.cloudflare.com/v1/acct/gw/azure-openai/res/my-deployment/chat/completions?api-version=2024-10-21");
    readCallRequest(call, stats(), adapter, match, url, undefined, JSON.stringify({ messages: [{ role: "user", content: "hi" }] }));
    expect(call).toMatchObject({ provider: "azure", model: "my-deployment" });
    expect(call.url).toContain("api-version=2024-10-21");
  });

  it("keeps the URL's query and the headers without their secrets, and the traceparent header", () => {
    const { call, url, adapter, match } = begun("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent?key=AIza-secret&alt=json");
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    readCallRequest(call, stats(), adapter, match, url, { "x-goog-api-key": "AIza-secret", "content-type": "application/json", traceparent }, undefined);
    expect(call.url).toContain("alt=json");
    expect(call.url).not.toContain("AIza-secret");
    expect(call.request!.headers).toEqual({ "content-type": "application/json", traceparent });
    expect(call.traceparent).toBe(traceparent);
  });

  it("says a body that is no LLM request is none, and counts a body that is no JSON", () => {
    const { call, url, adapter, match } = begun("http://127.0.0.1:9/api/chat");
    expect(readCallRequest(call, stats(), adapter, match, url, undefined, JSON.stringify({ messages: [{ role: "user", parts: [] }] }))).toBe(true);
    const counted = stats();
    expect(readCallRequest(call, counted, adapter, match, url, undefined, "{not json")).toBe(false);
    expect(counted.parseErrors).toBe(1);
  });
});
