// 100,000 stored calls: the calls page pages by cursor, keeps a bounded number
// of rows in the DOM and never shifts its layout while scrolling and loading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchChromium } from "../../react/e2e/browser.ts";
import { startServe, type ServeProcess } from "./helpers/start-serve.ts";
import { recordTraffic } from "./helpers/record-traffic.ts";
import { postCopies } from "./helpers/post-copies.ts";

const READ_KEY = "scale-read-key";
const WRITE_KEY = "scale-write-key";
const STORED = 100_000;

let serve: ServeProcess;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  serve = await startServe(READ_KEY, WRITE_KEY);
  const { calls } = await recordTraffic(serve.url, WRITE_KEY);
  await postCopies(serve.url, WRITE_KEY, calls, STORED - calls.length, Date.now() - 60_000);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  await page.addInitScript((key) => {
    sessionStorage.setItem("llmscope-console:read-key", key);
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__shift += (entry as unknown as { value: number }).value;
    }).observe({ type: "layout-shift", buffered: true });
  }, READ_KEY);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await serve?.close();
});

describe("the calls page over 100,000 stored calls", () => {
  it("scrolls through pages without a layout shift and with a bounded DOM", async () => {
    const health = await (await fetch(`${serve.url}/v1/calls?limit=1&from=0`, { headers: { authorization: `Bearer ${READ_KEY}` } })).json();
    expect(health.cursor).toBeTruthy();
    await page.goto(`${serve.url}/#/calls`);
    const scroller = page.locator("[role=table][aria-label=Calls]");
    const status = page.getByRole("status").filter({ hasText: "calls loaded" });
    await status.filter({ hasText: "200 calls loaded" }).waitFor();
    for (const loaded of [400, 600, 800]) {
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await status.filter({ hasText: `${loaded} calls loaded` }).waitFor();
    }
    const rows = await scroller.locator("a[role=row]").count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(80);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
  });
});
