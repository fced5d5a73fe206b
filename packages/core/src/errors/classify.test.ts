import { describe, expect, it } from "vitest";
import type { ErrorKind } from "../types.ts";
import { classifyError, ERROR_KINDS, errorHint } from "./index.ts";

const kind = (input: Parameters<typeof classifyError>[0]) => classifyError(input)?.kind;

describe("classifyError", () => {
  it("says nothing failed for a plain success, a length stop or a tool-call stop", () => {
    expect(classifyError({ status: 200 })).toBeUndefined();
    expect(classifyError({ status: 200, finishReason: "length" })).toBeUndefined();
    expect(classifyError({ status: 200, finishReason: "tool_calls" })).toBeUndefined();
    expect(classifyError({})).toBeUndefined();
  });

  it("rate_limit from 429, OpenAI, Anthropic and Gemini codes", () => {
    expect(classifyError({ status: 429, providerError: { code: "rate_limit_exceeded", type: "requests", message: "Rate limit reached" } })).toEqual({
      kind: "rate_limit",
      status: 429,
      code: "rate_limit_exceeded",
      message: "Rate limit reached",
    });
    expect(kind({ status: 429 })).toBe("rate_limit");
    expect(kind({ providerError: { type: "rate_limit_error", message: "slow down" } })).toBe("rate_limit");
    expect(kind({ providerError: { code: "RESOURCE_EXHAUSTED", message: "Quota exceeded" } })).toBe("rate_limit");
  });

  it("context_length from OpenAI, Anthropic and Gemini wording", () => {
    expect(kind({ status: 400, providerError: { code: "context_length_exceeded", message: "This model's maximum context length is 128000 tokens." } })).toBe(
      "context_length",
    );
    expect(kind({ status: 400, providerError: { type: "invalid_request_error", message: "prompt is too long: 212000 tokens > 200000 maximum" } })).toBe(
      "context_length",
    );
    expect(
      kind({
        status: 400,
        providerError: { code: "INVALID_ARGUMENT", message: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)." },
      }),
    ).toBe("context_length");
  });

  it("content_filter from finish reasons, Azure codes, refusals and block reasons", () => {
    expect(classifyError({ status: 200, finishReason: "content_filter" })).toMatchObject({ kind: "content_filter", code: "content_filter" });
    for (const reason of ["refusal", "SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST"]) expect(kind({ status: 200, finishReason: reason })).toBe("content_filter");
    expect(kind({ status: 400, providerError: { code: "content_filter", message: "The response was filtered" } })).toBe("content_filter");
    expect(kind({ status: 200, providerError: { kind: "content_filter", code: "refusal", message: "refused" } })).toBe("content_filter");
    expect(kind({ status: 200, providerError: { kind: "content_filter", code: "SAFETY", message: "Prompt blocked" } })).toBe("content_filter");
  });

  it("auth from 401/403 and provider codes", () => {
    expect(kind({ status: 401 })).toBe("auth");
    expect(kind({ status: 403 })).toBe("auth");
    expect(kind({ status: 401, providerError: { code: "invalid_api_key", message: "Incorrect API key provided" } })).toBe("auth");
    expect(kind({ providerError: { type: "authentication_error", message: "invalid x-api-key" } })).toBe("auth");
    expect(kind({ providerError: { type: "permission_error", message: "no access" } })).toBe("auth");
    expect(kind({ status: 403, providerError: { code: "PERMISSION_DENIED", message: "denied" } })).toBe("auth");
    expect(kind({ providerError: { code: "UNAUTHENTICATED", message: "missing credentials" } })).toBe("auth");
  });

  it("invalid_request for other 4xx", () => {
    for (const status of [400, 404, 422]) expect(kind({ status, providerError: { code: "model_not_found", message: "no such model" } })).toBe("invalid_request");
    expect(kind({ status: 400 })).toBe("invalid_request");
  });

  it("overloaded from 529, 503 and overloaded_error, even mid-stream", () => {
    expect(kind({ status: 529 })).toBe("overloaded");
    expect(kind({ status: 503 })).toBe("overloaded");
    expect(kind({ status: 200, providerError: { type: "overloaded_error", message: "Overloaded" } })).toBe("overloaded");
  });

  it("server for other 5xx and unknown mid-stream errors", () => {
    expect(kind({ status: 500 })).toBe("server");
    expect(kind({ status: 502 })).toBe("server");
    expect(kind({ status: 200, providerError: { type: "api_error", message: "Internal server error" } })).toBe("server");
  });

  it("network from fetch TypeErrors in every runtime, keeping the cause code", () => {
    const undici = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) });
    expect(classifyError({ thrown: undici })).toEqual({ kind: "network", code: "ECONNREFUSED", message: "fetch failed" });
    for (const m of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"])
      expect(classifyError({ thrown: new TypeError(m) })).toEqual({ kind: "network", code: "TypeError", message: m });
  });

  it("aborted from AbortError or the aborted flag; timeout from TimeoutError or the timedOut flag", () => {
    expect(classifyError({ thrown: new DOMException("This operation was aborted", "AbortError") })).toEqual({
      kind: "aborted",
      code: "AbortError",
      message: "This operation was aborted",
    });
    expect(kind({ aborted: true, status: 200 })).toBe("aborted");
    expect(kind({ thrown: new DOMException("The operation timed out.", "TimeoutError") })).toBe("timeout");
    expect(kind({ timedOut: true })).toBe("timeout");
    expect(kind({ thrown: "a string reason" })).toBe("network");
  });

  it("parse when the caller says a body could not be read", () => {
    expect(classifyError({ status: 200, parseFailed: true })).toMatchObject({ kind: "parse", status: 200 });
  });
});

describe("errorHint", () => {
  it("has one plain sentence for every kind", () => {
    const all: ErrorKind[] = ["rate_limit", "context_length", "content_filter", "auth", "invalid_request", "overloaded", "server", "network", "aborted", "timeout", "parse"];
    expect([...ERROR_KINDS].sort()).toEqual([...all].sort());
    for (const k of all) expect(errorHint(k)).toMatch(/^[A-Z].{20,}\.$/);
    expect(errorHint("rate_limit")).toBe("The provider is throttling you: slow down, retry with backoff, or raise your rate limit.");
  });

  it("tells a stream cut after it began from a provider never reached", () => {
    expect(errorHint("network")).toContain("never reached the provider");
    expect(errorHint("network", { status: 200, chunkCount: 17 })).toMatch(/^The connection broke while the answer was arriving after 17 chunks: .*\.$/);
    expect(errorHint("network", { status: 200 })).not.toContain("never reached");
    expect(errorHint("network", { chunkCount: 1 })).toContain("after 1 chunk:");
  });
});
