// Planted secrets through the real openai SDK and the recorder: a password in
// the base URL (which fetch quotes in its error), a JWT assertion header, pwd=
// and jwt= query parameters and an api_key in the JSON body. None may reach
// the record.
import OpenAI from "openai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recording } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const SECRETS = ["hunter2", "sk-test-SECRET", "jwt-header-SECRET", "pwd-SECRET", "jwt-query-SECRET", "body-api-key-SECRET"];
const ask = (openai: OpenAI) =>
  openai.chat.completions
    .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], api_key: "body-api-key-SECRET" } as OpenAI.ChatCompletionCreateParamsNonStreaming)
    .then((r) => r.choices[0]!.message.content, (err: Error) => `error: ${err.message}`);

describe("secrets through the openai SDK", () => {
  it("keeps headers, query values and body keys that carry credentials out of the record", async () => {
    const openai = new OpenAI({
      apiKey: "sk-test-SECRET", baseURL: `${mock.url}/v1`, maxRetries: 0, fetch: rec.recorder.wrap(fetch),
      defaultHeaders: { "x-jwt-assertion": "jwt-header-SECRET" }, defaultQuery: { pwd: "pwd-SECRET", jwt: "jwt-query-SECRET" },
    });
    expect(await ask(openai)).toBeTypeOf("string");
    const call = await rec.take();
    expect(call.completion.text.length).toBeGreaterThan(0);
    const record = JSON.stringify(call);
    for (const secret of SECRETS) expect(record).not.toContain(secret);
    expect(call.request!.body).toContain('"api_key":"REDACTED"');
    expect(call.url).toContain("pwd=REDACTED");
  });

  it("keeps a password in the base URL out of the record, error message included", async () => {
    const withPassword = mock.url.replace("http://", "http://admin:hunter2@");
    const openai = new OpenAI({ apiKey: "sk-test-SECRET", baseURL: `${withPassword}/v1`, maxRetries: 0, fetch: rec.recorder.wrap(fetch) });
    const outcome = await ask(openai);
    expect(outcome).toMatch(/^error: /);
    const call = await rec.take();
    expect(call.error?.kind).toBe("network");
    expect(call.error?.message).toMatch(/credentials/);
    expect(JSON.stringify(call)).not.toContain("hunter2");
  });
});
