import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { createRecorder } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { act, render, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LLMDevtools } from "../index.ts";
import { makeCall } from "../test-support/make-call.ts";
import { inDevtools } from "../test-support/shadow.ts";
import { nextFrame } from "../test-support/frames.ts";

let mock: MockLLMServer;
beforeAll(async () => {
  mock = await startMockLLM({ firstChunkDelayMs: 5, chunkDelayMs: 1 });
});
afterAll(() => mock.close());

describe("the toggle's count", () => {
  it("counts what the list holds: this page's calls and those kept from earlier pages, each said plainly", async () => {
    // five calls an earlier page load stored in IndexedDB
    const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
    for (let i = 0; i < 5; i++) sink.write(makeCall({ startedAt: Date.now() - 86_400_000 + i * 1000, sessionId: "earlier-page" }));
    await sink.flush();
    const recorder = createRecorder({ sinks: [sink], sessionId: "this-page" });
    const recordingFetch = recorder.wrap(fetch);
    render(<LLMDevtools recorder={recorder} />);
    for (const content of ["hello", "again"]) {
      const response = await recordingFetch(`${mock.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer sk-test-secret-123" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content }] }),
      });
      await response.text();
    }
    await recorder.flush();
    await act(nextFrame);
    // before the panel opens, the list holds this page's two calls and the toggle says so
    const toggle = inDevtools().getByRole("button", { name: "Open LLM devtools: 2 calls, 0 errors" });
    expect(toggle).toHaveTextContent(/^◈LLM2$/);

    const user = userEvent.setup();
    await user.click(toggle);
    const list = await inDevtools().findByRole("listbox", { name: "LLM calls" }, { timeout: 10_000 });
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(7));
    expect(toggle).toHaveAccessibleName("Close LLM devtools: 7 calls, 2 from this page and 5 kept from stored history, 0 errors");
    expect(toggle).toHaveTextContent("2 new · 5 kept");
  }, 20_000);
});
