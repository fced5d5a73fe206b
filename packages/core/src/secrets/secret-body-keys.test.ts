import { describe, expect, it } from "vitest";
import { mayHoldSecretField } from "./secret-body-keys.ts";
import { addSecretNames, isSecretBodyKey, isSecretName, SECRET_NAME_PARTS } from "./secret-names.ts";
import { scrubBody } from "./scrub-text.ts";

const CHAT = JSON.stringify({ model: "gpt-4o", max_tokens: 5, prompt_cache_key: "c1", messages: [{ role: "user", content: 'say "token": no' }] });

describe("the scan for credential-named fields before a body is scrubbed", () => {
  it("passes over an LLM body with none, whose scrub then changes nothing", () => {
    expect(mayHoldSecretField(CHAT)).toBe(false);
    expect(scrubBody(CHAT)).toBe(CHAT);
  });

  it("finds every spelling the scrub masks: any case, - or _ anywhere, spaces around the colon, the Kelvin sign that lower-cases to k", () => {
    for (const key of ["api_key", "API_KEY", "Api-Key", "a_p_i_k_e_y", "_apikey_", "x-api-key", "Password", "api_\u212Aey", "client_secret"]) {
      const body = `{"model":"m","${key}" : "v1"}`;
      expect(isSecretBodyKey(key)).toBe(true);
      expect(mayHoldSecretField(body)).toBe(true);
      expect(scrubBody(body)).toBe(`{"model":"m","${key}" : "REDACTED"}`);
    }
  });

  it("follows keys added later", () => {
    const body = '{"tenantPin":"4242"}';
    expect(mayHoldSecretField(body)).toBe(false);
    addSecretNames({ bodyKeys: ["tenant_pin"] });
    expect(mayHoldSecretField(body)).toBe(true);
    expect(scrubBody(body)).toBe('{"tenantPin":"REDACTED"}');
  });
});

describe("header and query names, matched once each", () => {
  it("answers the same the second time, and again after the patterns grow", () => {
    expect([isSecretName("x-shop-pin"), isSecretName("x-shop-pin")]).toEqual([false, false]);
    expect(isSecretName("Authorization")).toBe(true);
    SECRET_NAME_PARTS.push(/^x-shop-pin$/);
    expect(isSecretName("x-shop-pin")).toBe(true);
    expect(isSecretName("Authorization")).toBe(true);
  });
});
