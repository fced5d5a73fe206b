// A collector started without a read key: the console opens on its pages with
// no key to enter; one started with a key still asks for it.
import { afterAll, beforeAll, expect, it } from "vitest";
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

it("still asks for the key when the collector has one", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${guarded.url}/#/calls`);
  await page.getByLabel(/read key/i).first().waitFor();
  expect(await page.getByRole("navigation").count()).toBe(0);
  await page.close();
});
