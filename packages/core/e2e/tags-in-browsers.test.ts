// Browsers have no AsyncLocalStorage. The openai SDK awaits internally before
// it calls fetch, so withTags must keep its scope while the SDK's promise is
// pending. Node's AsyncLocalStorage is hidden here to run that path.
import OpenAI from "openai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecorder, memorySink } from "@llmscope/core";
import { QUESTION } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

function recorderWithoutAsyncLocalStorage() {
  const proc = process as { getBuiltinModule?: unknown };
  const original = proc.getBuiltinModule;
  proc.getBuiltinModule = () => undefined;
  try {
    const sink = memorySink();
    return { sink, recorder: createRecorder({ sinks: [sink], estimateTokens: false }) };
  } finally {
    proc.getBuiltinModule = original;
  }
}

const body = { model: "gpt-4o-mini", messages: [{ role: "user" as const, content: QUESTION }] };

describe("withTags without AsyncLocalStorage, through the openai SDK", () => {
  it("tags the call the SDK makes after its own awaits, and gives the app the same result", async () => {
    const { sink, recorder } = recorderWithoutAsyncLocalStorage();
    const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${mock.url}/v1`, maxRetries: 0, fetch: recorder.wrap(fetch) });
    const plain = new OpenAI({ apiKey: "sk-test", baseURL: `${mock.url}/v1`, maxRetries: 0 });

    const got = await recorder.withTags({ userId: "u-bob", department: "research" }, () => openai.chat.completions.create(body));
    const expected = await plain.chat.completions.create(body);
    expect(got.choices).toEqual(expected.choices);

    const stream = await recorder.withTags({ userId: "u-eve" }, () => openai.chat.completions.create({ ...body, stream: true }));
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(expected.choices[0]!.message.content);

    // a call after both scopes settled carries no scoped tags
    await openai.chat.completions.create(body);
    await recorder.flush();
    expect(sink.calls().map((c) => c.tags)).toEqual([{ userId: "u-bob", department: "research" }, { userId: "u-eve" }, {}]);
  });
});
