// A collector on another origin that answers without CORS headers for the
// page: it stores what the beacon sends, but the page cannot read the answer.
// That must not become a resend storm, on this page or on the next load.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestCollector, type TestCollector } from "./browser/test-collector.ts";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";

let browser: BrowserFixture;
let collector: TestCollector;
beforeAll(async () => {
  browser = await startBrowserFixture();
  collector = await startTestCollector();
  collector.cors = false;
});
afterAll(async () => {
  await collector?.close();
  await browser?.close();
});

const BATCHES = 5;
const PER_BATCH = 6;

it("sends each batch at most twice, and nothing again after a reload, when the collector refuses to be read", async () => {
  const url = `${collector.origin}/v1/calls`;
  const page = await browser.open();
  const warnings: string[] = [];
  page.on("console", (m) => m.type() == "warning" && warnings.push(m.text()));
  await page.evaluate(
    async ({ url, batches, perBatch }) => {
      const { fx } = window;
      const sink = fx.beaconSink({ url, flushIntervalMs: 20, retry: { baseMs: 20, maxMs: 40, attempts: 3 } });
      sink.attach!(fx.recordingContext(fetch));
      for (let b = 0; b < batches; b++) {
        for (let i = 0; i < perBatch; i++) sink.write(fx.makeCall(b * perBatch + i));
        await sink.flush!();
      }
    },
    { url, batches: BATCHES, perBatch: PER_BATCH },
  );
  await collector.waitForCalls(BATCHES * PER_BATCH);
  const ids = collector.callIds();
  expect(new Set(ids).size).toBe(BATCHES * PER_BATCH);
  // the first batch finds out (one readable try, one no-cors send); every later one goes once
  expect(collector.requests).toBe(BATCHES + 1);
  expect(warnings.filter((w) => w.includes("--cors"))).toHaveLength(1);
  expect(warnings[0]).toContain(browser.origin);

  // nothing was left in the outbox to send again
  await browser.reload(page);
  await page.evaluate(async (url) => {
    const sink = window.fx.beaconSink({ url, flushIntervalMs: 20 });
    sink.attach!(window.fx.recordingContext(fetch));
    await new Promise((r) => setTimeout(r, 500));
    await sink.flush!();
  }, url);
  expect(collector.requests).toBe(BATCHES + 1);
  await page.close();
});
