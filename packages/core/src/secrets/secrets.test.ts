import { describe, expect, it } from "vitest";
import type { LLMCall } from "../types.ts";
import { addSecretNames, isSecretName, safeHeaders, safeUrl, scrubBody, scrubCallSecrets, scrubObject, scrubUrlsInText } from "./index.ts";

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

describe("secrets in names, text and bodies", () => {
  it("widens the header and query rules to jwt, pwd, assertions and credentials, and can be extended", () => {
    for (const name of ["x-jwt-assertion", "jwt", "pwd", "X-Client-Credential"]) expect(isSecretName(name)).toBe(true);
    expect(isSecretName("x-tenant-code")).toBe(false);
    addSecretNames({ headerOrQuery: [/^x-tenant-code$/i], bodyKeys: ["tenantCode"] });
    expect(isSecretName("X-Tenant-Code")).toBe(true);
    expect(scrubBody('{"tenant_code":"t-1"}')).toBe('{"tenant_code":"REDACTED"}');
  });

  it("masks a URL's user:password and credential query values wherever a text quotes them", () => {
    const message = "Request cannot be constructed from a URL that includes credentials: http://admin:hunter2@db.internal:5432/x?pwd=p4ss&jwt=eyJ.x.y&alt=sse";
    const scrubbed = scrubUrlsInText(message);
    for (const secret of ["admin", "hunter2", "p4ss", "eyJ.x.y"]) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain("http://REDACTED@db.internal:5432/x?pwd=REDACTED&jwt=REDACTED&alt=sse");
    expect(scrubUrlsInText("no url here")).toBe("no url here");
  });

  it("masks credential values in JSON and form bodies and params, keeping the model's parameters", () => {
    const body = JSON.stringify({ model: "gpt-4o", api_key: "sk-body", max_tokens: 5, prompt_cache_key: "c1", nested: { password: "pw", "x-api-key": "k" } });
    const scrubbed = scrubBody(body);
    for (const secret of ["sk-body", '"pw"', '"k"']) expect(scrubbed).not.toContain(secret);
    expect(JSON.parse(scrubbed)).toMatchObject({ max_tokens: 5, prompt_cache_key: "c1", api_key: "REDACTED" });
    expect(scrubBody("grant_type=password&password=pw&username=u")).toBe("grant_type=password&password=REDACTED&username=u");
    expect(scrubObject({ temperature: 1, apiKey: "sk", extra: [{ token: "t" }] })).toEqual({ temperature: 1, apiKey: "REDACTED", extra: [{ token: "REDACTED" }] });
  });

  it("scrubs a whole call in place", () => {
    const call = { url: "https://u:p@h/v1?key=k", error: { kind: "network", message: "fetch failed for https://u:p@h/v1" }, params: { api_key: "sk" }, request: { headers: { "x-jwt-assertion": "j", accept: "*/*" }, body: '{"api_key":"sk"}' } } as unknown as LLMCall;
    const text = JSON.stringify(scrubCallSecrets(call));
    for (const secret of ["u:p", "key=k", '"sk"', '"j"']) expect(text).not.toContain(secret);
    expect(call.request!.headers).toEqual({ accept: "*/*" });
  });
});
