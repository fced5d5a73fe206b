import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecord, FIRST_CHUNK_DELAY, outcome, QUESTION, recording, scenarioHeaders, type Outcome } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const MODEL = "llama3.2";

/** what an app reading Ollama's NDJSON by hand sees */
async function chat(f: typeof fetch, scenario: string, stream: boolean): Promise<Outcome & { bytes?: string }> {
  return outcome(async () => {
    const response = await f(`${mock.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", ...scenarioHeaders(scenario) },
      body: JSON.stringify({ model: MODEL, stream, options: { temperature: 0.3 }, messages: [{ role: "user", content: QUESTION }] }),
    });
    const bytes = await response.text();
    const lines = bytes.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { message?: { content: string }; done?: boolean; done_reason?: string; error?: string });
    const deltas = lines.map((l) => l.message?.content ?? "").filter(Boolean);
    // the server stamps each line with the time; every other byte must match
    return { bytes: bytes.replace(/"created_at":"[^"]*"/g, '"created_at":"T"'), text: deltas.join(""), deltas, finish: lines.at(-1)?.done_reason, usage: response.status };
  });
}

describe("Ollama over plain fetch, with the recorder installed", () => {
  it.each([
    ["normal", false],
    ["normal", true],
    ["server_error", false],
    ["stream_cut", true],
  ] as const)("%s (stream: %s) reaches the app byte for byte and is recorded", async (scenario, stream) => {
    const plain = await chat(fetch, scenario, stream);
    const uninstall = rec.recorder.install();
    let got: Outcome;
    try {
      got = await chat(globalThis.fetch, scenario, stream);
    } finally {
      uninstall();
    }
    expect(got).toEqual(plain);
    const call = await rec.take();
    expectRecord(call, { provider: "ollama", model: MODEL, scenario, stream, got, priced: false });
    if (scenario === "normal") {
      expect(call.usage.source).toBe("provider");
      expect(call.completion.finishReason).toBe(got.finish);
      expect(call.timing.ttftMs).toBeGreaterThanOrEqual(FIRST_CHUNK_DELAY);
    }
  });
});
