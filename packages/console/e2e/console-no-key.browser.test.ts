// A collector started without a read key: the console opens on its pages with
// no key to enter; one started with a key still asks for it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoCalls } from "../../collector/src/testing/demo-calls.ts";
import { launchChromium } from "../../react/e2e/browser.ts";
import { startServe, type ServeProcess } from "./helpers/start-serve.ts";

let open: ServeProcess;
let guarded: ServeProcess;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  [open, guarded] = await Promise.all([startServe(undefined, "w-open"), startServe("r-guarded", "w-guarded")]);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.close(), guarded?.close()]);
});

it("asks for no read key when the collector has none", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${open.url}/#/calls`);
  await page.getByRole("navigation").waitFor();
  expect(await page.getByLabel(/read key/i).count()).toBe(0);
  await page.close();
});

it("shows a call's longest error kind whole, estimated tokens as a number, one call as '1 call', and one date format", async () => {
  const [call] = demoCalls({ days: 1, perDay: 1, end: Date.now() });
  // usage estimated by the recorder: no provider total, only input and output
  const failed = {
    ...call!,
    id: `${call!.id}-ctx`,
    status: 400,
    usage: { inputTokens: 1200, outputTokens: 34, source: "estimated" as const },
    error: { kind: "context_length" as const, status: 400, message: "too long" },
  };
  const posted = await fetch(`${open.url}/v1/calls`, { method: "POST", body: JSON.stringify({ v: 1, sentAt: Date.now(), writeKey: "w-open", calls: [failed] }) });
  expect(posted.status).toBe(200);
  const page = await browser.context.newPage();
  await page.goto(`${open.url}/#/calls`);
  const badge = page.locator("[role=table][aria-label=Calls] .badge-error").first();
  await badge.waitFor();
  expect(await badge.innerText()).toBe("context length");
  // not cut by its column: the badge's box holds all of its text
  const fits = await badge.evaluate((el) => {
    const cell = el.parentElement!;
    return el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= cell.getBoundingClientRect().right + 1;
  });
  expect(fits).toBe(true);
  // estimated usage reads as a number, one call is "1 call", and the list writes the time as the call's page does
  const row = page.locator("[role=table][aria-label=Calls] a[role=row]").first();
  const text = await row.innerText();
  expect(text, text).toContain("≈1234");
  await page.getByRole("status").filter({ hasText: "1 call loaded" }).waitFor();
  const listed = (await row.locator(":scope > span").nth(1).innerText()).trim();
  await row.click();
  await page.locator("span.muted.num[title]").first().waitFor();
  expect((await page.locator("span.muted.num[title]").first().innerText()).trim()).toBe(listed);
  await page.close();
});

it("still asks for the key when the collector has one", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${guarded.url}/#/calls`);
  await page.getByLabel(/read key/i).first().waitFor();
  expect(await page.getByRole("navigation").count()).toBe(0);
  await page.close();
});
