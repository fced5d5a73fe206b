// Calls that end just before the page navigates away are still in IndexedDB on
// the next page: the sink stores what waits when the page hides, in one
// transaction begun inside the pagehide event, on a database opened before.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";

let browser: BrowserFixture;
beforeAll(async () => {
  browser = await startBrowserFixture();
});
afterAll(async () => {
  await browser?.close();
});

for (const delayMs of [0, 20, 150]) {
  it(`keeps 4 calls that end ${delayMs} ms before a navigation`, async () => {
    const page = await browser.open();
    const dbName = `e2e-navigation-${delayMs}`;
    await page.evaluate(
      async ({ dbName, delayMs }) => {
        const { fx } = window;
        const recorder = fx.createRecorder({ sinks: [fx.indexedDBSink({ dbName })] });
        recorder.install();
        await Promise.all(
          [1, 2, 3, 4].map(async (i) => {
            const res = await fetch("/mock-llm/v1/chat/completions", {
              method: "POST",
              headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
              body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: `question ${i}` }] }),
            });
            await res.json();
          }),
        );
        setTimeout(() => location.assign("/index.html?next"), delayMs);
      },
      { dbName, delayMs },
    );
    await page.waitForURL(/\?next$/);
    await page.waitForFunction(() => document.title == "ready" && !!window.fx);
    const stored = await page.evaluate(async (dbName) => window.fx.indexedDBSink({ dbName }).count(), dbName);
    expect(stored).toBe(4);
    await page.close();
  });
}
