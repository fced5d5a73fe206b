// The beacon sink in a real Chromium: delivery when a tab goes away, and calls
// that wait out a stopped collector, survive a reload and arrive exactly once.
// Its delivery is a chunk in browser builds: with the chunk's request held or
// refused, calls written meanwhile still reach the collector when the tab
// navigates away, plain and without their raw bodies.
import type { Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestCollector, type TestCollector } from "./browser/test-collector.ts";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";

let browser: BrowserFixture;
let collector: TestCollector | undefined;
beforeAll(async () => {
  browser = await startBrowserFixture();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

/** a beacon sink that only sends on its own when the page hides */
const startSink = (url: string) => {
  const sink = window.fx.beaconSink({ url, flushIntervalMs: 600_000, retry: { baseMs: 20, maxMs: 40, attempts: 1 } });
  window.kept.ctx = window.fx.recordingContext(fetch);
  sink.attach!(window.kept.ctx);
  window.kept.sink = sink;
};
const writeCalls = ({ from, n }: { from: number; n: number }) => {
  for (let i = from; i < from + n; i++) window.kept.sink.write(window.fx.makeCall(i));
};
const outboxSize = () =>
  new Promise<number>((resolve, reject) => {
    const r = indexedDB.open("llmscope-outbox");
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains("items")) return resolve(0);
      const count = db.transaction("items").objectStore("items").count();
      count.onsuccess = () => {
        resolve(count.result);
        db.close();
      };
    };
  });
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `call-${String(from + i).padStart(6, "0")}`);

describe("beaconSink in Chromium", () => {
  it("sends waiting calls with sendBeacon when the tab navigates away or closes", async () => {
    collector = await startTestCollector();
    const url = `${collector.origin}/v1/calls`;
    const page = await browser.open();
    await page.evaluate(startSink, url);
    await page.evaluate(writeCalls, { from: 0, n: 5 });
    await page.goto("about:blank");
    await collector.waitForCalls(5);
    expect(collector.callIds()).toEqual(ids(0, 5));
    expect(collector.received[0]!.contentType).toMatch(/^text\/plain/);

    const closing = await browser.open();
    await closing.evaluate(startSink, url);
    await closing.evaluate(writeCalls, { from: 5, n: 3 });
    await closing.close({ runBeforeUnload: true });
    await collector.waitForCalls(8);
    expect(collector.callIds()).toEqual(ids(0, 8));
    await page.close();
  });

  it("keeps calls while the collector is down, across a reload, and delivers each once when it returns", async () => {
    collector = await startTestCollector();
    const port = collector.port;
    const url = `${collector.origin}/v1/calls`;
    await collector.close();
    collector = undefined;

    const page = await browser.open();
    await page.evaluate(startSink, url);
    await page.evaluate(writeCalls, { from: 0, n: 30 });
    await page.evaluate(() => window.kept.sink.flush());
    expect(await page.evaluate(outboxSize)).toBe(30);

    // the reload must not lose them, and the new page's first attempt fails too
    await browser.reload(page);
    await page.evaluate(startSink, url);
    await page.evaluate(() => window.kept.sink.flush());
    expect(await page.evaluate(outboxSize)).toBe(30);

    // the collector returns; coming back online resends
    collector = await startTestCollector(port);
    await browser.context.setOffline(true);
    await browser.context.setOffline(false);
    await collector.waitForCalls(30);
    await page.waitForFunction(async () => (await new Promise<number>((resolve) => {
      const r = indexedDB.open("llmscope-outbox");
      r.onsuccess = () => {
        const count = r.result.transaction("items").objectStore("items").count();
        count.onsuccess = () => {
          resolve(count.result);
          r.result.close();
        };
      };
    })) == 0);

    // a later page load finds nothing left to send
    await browser.reload(page);
    await page.evaluate(startSink, url);
    await page.evaluate(writeCalls, { from: 30, n: 1 });
    await page.evaluate(() => window.kept.sink.flush());
    await collector.waitForCalls(31);
    expect(collector.callIds().sort()).toEqual(ids(0, 31));
    expect(await page.evaluate(() => window.kept.ctx.drops)).toEqual({});
    await page.close();
  });

  it("sends a stored call once when `online` reloads the outbox while its delivery is settling", async () => {
    collector = await startTestCollector();
    const port = collector.port;
    const url = `${collector.origin}/v1/calls`;
    await collector.close();
    collector = undefined;
    const page = await browser.open();
    // while the gate holds, every send waits until the test lets its answer through
    await page.evaluate((url) => {
      const waiting: (() => void)[] = [];
      const gate = {
        holding: false,
        statuses: [] as number[],
        open: () => waiting.splice(0).forEach((go) => go()),
      };
      window.kept.gate = gate;
      const held: typeof fetch = async (...args) => {
        const answer = fetch(...args);
        answer.then((r) => gate.statuses.push(r.status), () => gate.statuses.push(0));
        if (gate.holding) await new Promise<void>((go) => waiting.push(go));
        return answer;
      };
      // a starved page must not time the held send out
      const sink = window.fx.beaconSink({ url, flushIntervalMs: 600_000, timeoutMs: 120_000, retry: { baseMs: 5, maxMs: 5, attempts: 0 } });
      window.kept.ctx = window.fx.recordingContext(held);
      sink.attach!(window.kept.ctx);
      window.kept.sink = sink;
    }, url);
    await page.evaluate(writeCalls, { from: 0, n: 5 });
    // the collector is down: the calls go to the outbox
    await page.evaluate(() => window.kept.sink.flush());
    expect(await page.evaluate(outboxSize)).toBe(5);

    collector = await startTestCollector(port);
    const statuses = await page.evaluate(async () => {
      const { gate } = window.kept;
      // back online: the outbox hands its calls back and one send takes them
      gate.holding = true;
      dispatchEvent(new Event("online"));
      while (!gate.statuses.includes(200)) await new Promise((resolve) => setTimeout(resolve, 5));
      // that send has its answer the moment a second `online` reads the outbox back
      gate.holding = false;
      gate.open();
      dispatchEvent(new Event("online"));
      return gate.statuses;
    });
    expect(statuses.at(-1)).toBe(200);
    await collector.waitForCalls(5);
    await page.waitForFunction(async () => {
      const r = indexedDB.open("llmscope-outbox");
      const count = await new Promise<number>((resolve) => {
        r.onsuccess = () => {
          const c = r.result.transaction("items").objectStore("items").count();
          c.onsuccess = () => (resolve(c.result), r.result.close());
        };
      });
      return count == 0;
    });
    // whatever a second reading handed back has had its chance to go out
    await page.evaluate(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await window.kept.sink.flush();
    });
    expect(collector.callIds()).toEqual(ids(0, 5));
    await page.close();
  });
});

const CHUNK = /\/src\/sinks\/beacon-sink\.ts/;

for (const [what, answer] of [
  ["has not loaded yet", (_route: Route) => {}],
  ["failed to load", (route: Route) => route.abort()],
] as const) {
  it(`sends calls written while the delivery chunk ${what} when the tab navigates away`, async () => {
    collector = await startTestCollector();
    const url = `${collector.origin}/v1/calls`;
    const page = await browser.open();
    // resolves once the page asks for the chunk (held or refused from then on)
    const asked = new Promise<void>((resolve) => void page.route(CHUNK, (route) => (resolve(), answer(route))));
    await page.evaluate((url) => {
      const sink = window.fx.beaconSink({ url, writeKey: "wk_e2e" });
      window.kept.ctx = window.fx.recordingContext(fetch);
      sink.attach!(window.kept.ctx);
      for (let i = 0; i < 3; i++) sink.write(window.fx.makeRecordedCall(i));
    }, url);
    await asked;
    await page.goto("about:blank");
    await collector.waitForCalls(3);
    const calls = collector.received.flatMap((e) => e.body.calls ?? []);
    expect(calls.map((c) => c.id)).toHaveLength(3);
    expect(collector.received.every((e) => e.body.writeKey == "wk_e2e")).toBe(true);
    expect(calls.every((c) => c.request?.body === undefined && c.response?.body === undefined && c.response?.bodyBytes == 4000 && c.request?.bodyBytes == 120)).toBe(true);
    await page.close();
  });
}
