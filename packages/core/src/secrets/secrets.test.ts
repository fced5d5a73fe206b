import { describe, expect, it } from "vitest";
import { isSecretName, safeHeaders, safeUrl } from "./index.ts";

describe("secrets", () => {
  it("recognises provider credential headers and anything that looks like one", () => {
    for (const name of ["Authorization", "x-api-key", "api-key", "X-Goog-Api-Key", "cf-aig-authorization", "Cookie", "x-session-token", "OpenAI-Secret"]) expect(isSecretName(name)).toBe(true);
    for (const name of ["content-type", "traceparent", "anthropic-version", "x-request-id", "accept", "x-ratelimit-remaining-tokens", "anthropic-ratelimit-input-tokens-remaining"]) expect(isSecretName(name)).toBe(false);
  });

  it("drops credential headers from every HeadersInit form", () => {
    const expected = { "content-type": "application/json" };
    expect(safeHeaders(new Headers({ Authorization: "Bearer sk-1", "Content-Type": "application/json" }))).toEqual(expected);
    expect(safeHeaders([["x-api-key", "sk-2"], ["Content-Type", "application/json"]])).toEqual(expected);
    expect(safeHeaders({ "x-goog-api-key": "g-3", "Content-Type": "application/json" })).toEqual(expected);
    expect(safeHeaders(undefined)).toEqual({});
  });

  it("masks key= and other credential query values and userinfo, keeping the rest", () => {
    const url = safeUrl(new URL("https://u:p@host/v1beta/models/g:generateContent?alt=sse&key=AIzaSECRET&api_key=two"));
    expect(url).not.toContain("AIzaSECRET");
    expect(url).not.toContain("two");
    expect(url).not.toContain("u:p");
    expect(url).toContain("alt=sse");
    expect(safeUrl(new URL("http://127.0.0.1:1/v1/chat/completions"))).toBe("http://127.0.0.1:1/v1/chat/completions");
  });
});
