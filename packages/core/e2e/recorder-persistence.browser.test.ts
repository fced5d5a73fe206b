// The whole browser path: an app's fetch to an LLM (the mock, served by the
// dev server) is recorded, stored in IndexedDB, and found after a reload.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";

let browser: BrowserFixture;
beforeAll(async () => {
  browser = await startBrowserFixture();
});
afterAll(async () => {
  await browser?.close();
});

it("records a real call through the recorder, and finds it stored after a reload", async () => {
  const page = await browser.open();
  const app = await page.evaluate(async () => {
    const { fx } = window;
    const recorder = fx.createRecorder({ sinks: [fx.indexedDBSink({ dbName: "e2e-recorder" })], tags: { feature: "chat" } });
    const uninstall = recorder.install();
    const res = await recorder.withTags({ userId: "u42" }, () =>
      fetch("/mock-llm/v1/chat/completions", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer sk-never-stored" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello" }] }),
      }),
    );
    const body = await res.json();
    await recorder.flush();
    uninstall();
    return { status: res.status, text: body.choices[0].message.content as string, stats: recorder.stats() };
  });
  expect(app.status).toBe(200);
  expect(app.text.length).toBeGreaterThan(0);
  expect(app.stats.dropped).toBe(0);

  await browser.reload(page);
  const stored = await page.evaluate(async () => {
    const sink = window.fx.indexedDBSink({ dbName: "e2e-recorder" });
    const page = await sink.queryCalls({ userId: "u42" });
    return { calls: page.calls, all: await sink.count() };
  });
  expect(stored.all).toBe(1);
  const [call] = stored.calls;
  expect(call).toMatchObject({
    provider: "openai",
    model: "gpt-4o-mini",
    status: 200,
    phase: "done",
    tags: { userId: "u42", feature: "chat" },
    completion: { text: app.text },
  });
  expect(call!.prompt.messages).toEqual([{ role: "user", content: "Say hello" }]);
  expect(JSON.stringify(call)).not.toContain("sk-never-stored");
  await page.close();
});
