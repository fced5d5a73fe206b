// The operator's console in Debian's Chromium against a real `llmscope serve`
// (the built CLI, SQLite) filled by real beacons from core's recorder.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { LLMCall } from "@llmscope/core";
import { launchChromium } from "../../react/e2e/browser.ts";
import { startServe, type ServeProcess } from "./helpers/start-serve.ts";
import { HOSTILE_PROMPT, recordTraffic, type Traffic } from "./helpers/record-traffic.ts";
import { postCopies } from "./helpers/post-copies.ts";

const READ_KEY = "console-read-key";
const WRITE_KEY = "console-write-key";
const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

let serve: ServeProcess;
let traffic: Traffic;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

/** a datetime-local value for the browser's minute of `ms` (Chromium shares this process's time zone) */
function localMinute(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

async function storedCalls(): Promise<LLMCall[]> {
  const res = await fetch(`${serve.url}/v1/calls?limit=500`, { headers: { authorization: `Bearer ${READ_KEY}` } });
  return ((await res.json()) as { calls: LLMCall[] }).calls;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  serve = await startServe(READ_KEY, WRITE_KEY);
  traffic = await recordTraffic(serve.url, WRITE_KEY);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await serve?.close();
});

describe("the operator's console", () => {
  it("says clearly when the read key is wrong, then opens with the right one", async () => {
    await page.goto(`${serve.url}/`);
    await page.getByLabel("Read key", { exact: true }).fill("not-the-key");
    await page.getByRole("button", { name: "Open console" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The collector refused the read key");
    await page.screenshot({ path: `${SHOTS}wrong-key.png` });

    await page.getByLabel("Read key", { exact: true }).fill(READ_KEY);
    await page.getByRole("button", { name: "Open console" }).click();
    await page.getByRole("navigation", { name: "Pages" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  });

  it("finds a user's call at a given minute, opens it and follows the same prompt pattern to its impact scope", async () => {
    const target = traffic.calls.find((c) => c.prompt.text?.includes("order 1234"))!;
    await page.getByLabel("User id").fill("u42");
    await page.getByLabel("Around (±5 min)").fill(localMinute(target.startedAt));
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForFunction(() => location.hash.includes("userId=u42"));
    const rows = page.locator('[role=table][aria-label=Calls] a[role=row]');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.locator("[role=table][aria-label=Calls]").innerText()).not.toContain("u7");
    await page.screenshot({ path: `${SHOTS}calls-u42.png` });

    await rows.filter({ hasText: "order 1234" }).click();
    const detail = page.getByRole("article", { name: `Call ${target.id}` });
    await detail.waitFor();
    expect(await detail.innerText()).toContain("Where is my order 1234?");
    expect(page.url()).toContain(`#/calls/${target.id}`);
    await page.screenshot({ path: `${SHOTS}call-detail.png`, fullPage: true });

    await page.getByRole("link", { name: "Same prompt pattern" }).click();
    const byUser = page.getByRole("table", { name: "By user" });
    await byUser.waitFor();
    expect(await byUser.innerText()).toMatch(/u42\s+1[\s\S]*u7\s+1|u7\s+1[\s\S]*u42\s+1/);
    expect(await page.getByRole("table", { name: "By feature" }).innerText()).toContain("email");
    expect(await page.getByRole("table", { name: "Similar calls" }).locator("tbody tr").count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}impact-scope.png`, fullPage: true });
  });

  it("tails new calls live", async () => {
    await page.goto(`${serve.url}/#/calls?userId=u0`);
    const table = page.locator("[role=table][aria-label=Calls]");
    await page.getByText("No calls match.").waitFor();
    await page.getByLabel("Live tail").check();
    await postCopies(serve.url, WRITE_KEY, [traffic.calls[0]!], 1, Date.now());
    await table.locator('a[role=row][href="#/calls/copy-0"]').waitFor();
    expect(await table.locator("a[role=row]").count()).toBe(1);
    await page.getByLabel("Live tail").uncheck();
  });

  it("shows cost by department adding up to the stored sum", async () => {
    await page.goto(`${serve.url}/#/cost?groupBy=department&period=month`);
    const total = page.getByLabel("Total cost");
    await total.waitFor();
    const stored = (await storedCalls()).reduce((sum, c) => sum + (c.cost?.totalUSD ?? 0), 0);
    expect(stored).toBeGreaterThan(0);
    const shown = Number(await total.getAttribute("data-total-usd"));
    const table = page.getByRole("table", { name: "Cost by department and month" });
    const cells = await table.locator("td[data-cost]").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-cost"))));
    expect(cells).toHaveLength(2);
    expect(cells.reduce((a, b) => a + b, 0)).toBeCloseTo(shown, 12);
    // /v1/stats rounds each row to a micro-dollar: at most half of one per row apart
    expect(Math.abs(shown - stored)).toBeLessThanOrEqual(0.5e-6 * cells.length + 1e-12);
    expect(await table.innerText()).toMatch(/sales[\s\S]*support/);
    // llmscope serve scores calls in the background: the quality column appears once it has
    await expect.poll(async () => {
      await page.reload();
      return table.locator("th", { hasText: "quality" }).count();
    }, { timeout: 15_000, interval: 1000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}cost-by-department.png`, fullPage: true });
  });

  it("shows the fired token spike alert with its evidence call linked", async () => {
    await page.goto(`${serve.url}/#/alerts`);
    const card = page.getByRole("article", { name: "Alert token_spike_call" });
    await card.waitFor();
    expect(await card.innerText()).toContain("triage");
    // the collector explains this kind of alert: its root cause reads as a sentence and a ranked table
    const rootCause = card.locator('[aria-label="Root cause"]');
    await rootCause.waitFor();
    expect(await rootCause.locator("p").first().innerText()).toMatch(/^Root cause: .{20,}/);
    expect(await rootCause.locator("tbody tr").count()).toBeGreaterThan(0);
    // a spike on one call is read over its whole day
    expect(await rootCause.locator("caption").innerText()).toMatch(/ on \d{4}-\d{2}-\d{2}: /);
    await card.getByRole("link", { name: traffic.spike.id }).first().click();
    await page.getByRole("article", { name: `Call ${traffic.spike.id}` }).waitFor();
    await page.goto(`${serve.url}/#/alerts`);
    await card.waitFor();
    await page.screenshot({ path: `${SHOTS}alerts.png`, fullPage: true });
  });

  it("renders a hostile prompt as text, found by text search, and runs none of it", async () => {
    await page.goto(`${serve.url}/#/calls?q=onerror`);
    const rows = page.locator('[role=table][aria-label=Calls] a[role=row]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().click();
    const detail = page.getByRole("article", { name: `Call ${traffic.hostile.id}` });
    await detail.waitFor();
    expect(await detail.innerText()).toContain(HOSTILE_PROMPT);
    expect(await detail.locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}hostile-prompt.png`, fullPage: true });
  });

  it("shows tokens per prompt and latency per model, in light and dark", async () => {
    await page.goto(`${serve.url}/#/tokens`);
    await page.getByRole("figure", { name: "Tokens for triage" }).waitFor();
    await page.goto(`${serve.url}/#/latency`);
    const latency = page.getByRole("table", { name: "Latency by model" });
    await latency.waitFor();
    expect(await latency.innerText()).toContain("gpt-4o-mini");
    const plots = page.getByRole("region", { name: "Latency of gpt-4o-mini-2024-07-18" });
    await plots.waitFor();
    expect(await plots.locator("svg line.dot").count()).toBeGreaterThan(10);
    const themeOf = () => page.locator(".console").getAttribute("data-theme");
    const before = await themeOf();
    await page.getByRole("button", { name: /Switch to (light|dark) theme/ }).click();
    expect(await themeOf()).not.toBe(before);
    await page.screenshot({ path: `${SHOTS}latency-${await themeOf()}.png`, fullPage: true });
  });
});
