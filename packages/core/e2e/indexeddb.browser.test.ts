// IndexedDB persistence in a real Chromium: survives a reload, answers by user
// and time range, tells other tabs, and steps aside when the database is held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";

let browser: BrowserFixture;
beforeAll(async () => {
  browser = await startBrowserFixture();
});
afterAll(async () => {
  await browser?.close();
});

describe("indexedDBSink in Chromium", () => {
  it("keeps 10,000 calls across a reload and finds them by user and time range", async () => {
    const page = await browser.open();
    const stored = await page.evaluate(async () => {
      const sink = window.fx.indexedDBSink({ dbName: "e2e-10k" });
      sink.attach!(window.fx.recordingContext());
      for (let i = 0; i < 10_000; i++) {
        sink.write(window.fx.makeCall(i));
        // an app makes calls over time, not in one task
        if (i % 50 == 49) await new Promise((r) => setTimeout(r, 0));
      }
      await sink.flush();
      return sink.count();
    });
    expect(stored).toBe(10_000);

    await browser.reload(page);
    const found = await page.evaluate(async () => {
      const { fx } = window;
      const sink = fx.indexedDBSink({ dbName: "e2e-10k" });
      const from = fx.T0 + 4_000_000;
      const to = fx.T0 + 4_300_000;
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await sink.queryCalls({ userId: "user-7", from, to, limit: 10, cursor });
        ids.push(...page.calls.map((c) => c.id));
        cursor = page.cursor;
        pages++;
      } while (cursor);
      return { storage: await sink.storage(), count: await sink.count(), ids, pages };
    });
    // user-7 makes every 10th call; 4,000..4,299 seconds after T0 holds 30 of them
    const expected = Array.from({ length: 30 }, (_, k) => `call-${String(4297 - k * 10).padStart(6, "0")}`);
    expect(found).toEqual({ storage: "indexeddb", count: 10_000, ids: expected, pages: 3 });
    await page.close();
  });

  it("tells a second tab about each stored batch", async () => {
    const [writer, reader] = [await browser.open(), await browser.open()];
    await reader.evaluate(() => {
      const sink = window.fx.indexedDBSink({ dbName: "e2e-tabs" });
      window.kept.events = [];
      window.kept.sink = sink;
      sink.subscribe((e) => window.kept.events.push(e));
    });
    await writer.evaluate(async () => {
      const sink = window.fx.indexedDBSink({ dbName: "e2e-tabs" });
      for (let i = 0; i < 3; i++) sink.write(window.fx.makeCall(i));
      await sink.flush();
    });
    await reader.waitForFunction(() => window.kept.events.length > 0);
    const seen = await reader.evaluate(async () => ({
      events: window.kept.events,
      stored: (await window.kept.sink.queryCalls({})).calls.map((c: { id: string }) => c.id),
    }));
    expect(seen.events).toEqual([{ type: "stored", ids: ["call-000000", "call-000001", "call-000002"], remote: true }]);
    expect(seen.stored).toEqual(["call-000002", "call-000001", "call-000000"]);
    await writer.close();
    await reader.close();
  });

  it("falls back to memory with one warning while another tab holds an older version open", async () => {
    const [holder, page] = [await browser.open(), await browser.open()];
    await holder.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.open("e2e-held", 1);
          // this tab ignores versionchange, as an old tab would
          r.onsuccess = () => resolve();
        }),
    );
    const warnings: string[] = [];
    page.on("console", (m) => m.type() == "warning" && warnings.push(m.text()));
    const result = await page.evaluate(async () => {
      const sink = window.fx.indexedDBSink({ dbName: "e2e-held" });
      sink.write(window.fx.makeCall(1));
      sink.write(window.fx.makeCall(2));
      await sink.flush();
      return { storage: await sink.storage(), count: await sink.count() };
    });
    expect(result).toEqual({ storage: "memory", count: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/held at an older version by another tab/);
    await holder.close();
    await page.close();
  });
});
