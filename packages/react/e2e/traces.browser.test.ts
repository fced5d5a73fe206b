import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import type { Trace } from "@llmscope/core";
import { startFixtureServer } from "./fixture-server.ts";
import { launchChromium } from "./browser.ts";
import { formatMs } from "../src/panel/format.ts";

const shots = fileURLToPath(new URL("../../../test-results/", import.meta.url));

type Fixture = { fixture: { agent(question: string, preprocessMs?: number): Promise<string>; recorder: { sinks: { traces?(): Trace[] }[] } } };

let server: ViteDevServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  const started = await startFixtureServer();
  server = started.server;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(started.url);
  // a taller panel than the default, so the screenshots show the whole waterfall
  await page.evaluate(() => localStorage.setItem("llmscope.devtools", JSON.stringify({ bottomSize: 620 })));
  await page.reload();
  await page.waitForFunction(() => "fixture" in window);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("request traces in LLMDevtools, in Chromium", () => {
  it("shows an agent request's trace with the right steps and summary, and links calls and requests both ways", async () => {
    const answer = await page.evaluate(() => (window as unknown as Fixture).fixture.agent("What is the weather in Paris?"));
    expect(answer).toContain("data:");
    // the recorder's own record of the trace: what the overlay must agree with
    await page.waitForFunction(() => (window as unknown as Fixture).fixture.recorder.sinks[0]!.traces!().length === 1);
    const trace = await page.evaluate(() => (window as unknown as Fixture).fixture.recorder.sinks[0]!.traces!()[0]!);
    expect(trace.summary?.calls).toBe(3);

    await page.getByRole("button", { name: /^Open LLM devtools/ }).click();
    const panel = page.getByRole("complementary", { name: "LLM devtools" });
    await panel.getByRole("tab", { name: "Traces" }).click();
    const rows = panel.getByRole("listbox", { name: "Requests" }).getByRole("option");
    // the first open of a tab loads its chunk through the dev server: on a busy machine that takes a while
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    const row = rows.first();
    expect(await row.locator(".t-name").innerText()).toBe("answer-question");
    const cells = await row.locator(".t-r").allInnerTexts();
    const s = trace.summary!;
    expect(cells).toEqual([formatMs(trace.durationMs), "3", `${s.inputTokens} → ${s.outputTokens}`, expect.stringMatching(/^\$/), "0"]);
    const bar = await row.getByRole("img").getAttribute("aria-label");
    expect(bar).toMatch(/^Time by kind: LLM .*, retrieval .*, tool .*, preprocess .*/);

    await row.click();
    const detail = panel.getByRole("article", { name: /^Request answer-question/ });
    const steps = detail.getByRole("listbox", { name: "Steps of answer-question" }).getByRole("option");
    const labels = await steps.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.map((l) => l.split(" ")[0])).toEqual(["PRE", "RET", "LLM", "TOOL", "LLM", "TOOL", "LLM"]);
    expect(labels[0]).toMatch(/^PRE normalize-input, starts at \+\d+ ms, took (1[2-9]\d|[2-9]\d\d) ms/);
    expect(labels[1]).toContain("/mock-llm/collections/docs/points/query");
    expect(labels[2]).toMatch(/waiting for headers \d+ ms, headers to first token \d+ ms, first token to end \d+ ms/);
    expect(labels[3]).toMatch(/TOOL get_weather.*arguments \{.*"location".*result \{"tempC":18,"sky":"clear"\}/);
    expect(labels[4]).toContain("repeated the same tool call for the second time");
    expect(labels[4]).toContain(labels[2]!.match(/asks for tool .*/)![0]!);
    expect(labels[5]).toContain("repeated the same tool call for the second time");
    expect(await detail.getByRole("note").innerText()).toContain("2 repeated tool calls");
    expect(await detail.getByLabel("Request summary").innerText()).toContain("3 LLM calls");

    await steps.nth(4).hover();
    await expect.poll(() => detail.getByRole("region", { name: "Step figures" }).innerText()).toMatch(/asks for tool\s+get_weather/);
    await page.screenshot({ path: join(shots, "devtools-trace-waterfall.png") });

    // a call in the waterfall opens its detail, which names the request and leads back
    await steps.nth(6).click();
    const callDetail = panel.getByRole("article", { name: /^Call gpt-4o-mini/ });
    await expect.poll(() => callDetail.getByRole("region", { name: "Request" }).innerText(), { timeout: 20_000 }).toMatch(/Part of answer-question.*call 3 of 3/);
    await callDetail.getByRole("button", { name: "Open request waterfall" }).click();
    await expect.poll(() => detail.count()).toBe(1);

    await panel.getByRole("tab", { name: "Conversation" }).click();
    const turns = panel.getByRole("list", { name: "Conversation" }).getByRole("listitem");
    await expect.poll(() => turns.count(), { timeout: 20_000 }).toBe(1);
    expect(await turns.first().innerText()).toMatch(/What is the weather in Paris\?[\s\S]*3 calls/);
    await page.screenshot({ path: join(shots, "devtools-conversation.png") });

    await panel.getByRole("tab", { name: "Session" }).click();
    await expect.poll(() => panel.getByRole("group", { name: "Requests" }).innerText(), { timeout: 20_000 }).toMatch(/^Requests\s*1\s/i);
    await page.screenshot({ path: join(shots, "devtools-session-requests.png") });
  });

  it("shows a request live while it runs, then with its final figures; and reads in the dark theme", async () => {
    // a slow preprocess keeps the request open long enough to be seen running
    await page.evaluate(() => {
      const w = window as unknown as Fixture & { running?: Promise<string> };
      w.running = w.fixture.agent("And in Oslo?", 4000);
    });
    const panel = page.getByRole("complementary", { name: "LLM devtools" });
    await panel.getByRole("tab", { name: "Traces" }).click();
    const rows = panel.getByRole("listbox", { name: "Requests" }).getByRole("option");
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    const newest = rows.first();
    await expect.poll(() => newest.locator(".badge-live").count(), { timeout: 20_000 }).toBe(1);
    const early = await newest.locator(".badge-live").innerText();
    await expect.poll(async () => (await newest.locator(".badge-live").innerText()) !== early, { timeout: 20_000 }).toBe(true);
    await newest.click();
    const detail = panel.getByRole("article", { name: /^Request answer-question/ });
    expect(await detail.locator(".badge-live").innerText()).toContain("running");
    await panel.getByRole("button", { name: /^Theme: / }).click();
    await panel.getByRole("button", { name: /^Theme: light/ }).click();
    await page.screenshot({ path: join(shots, "devtools-trace-live-dark.png") });

    await page.evaluate(() => (window as unknown as { running: Promise<string> }).running);
    await expect.poll(() => newest.locator(".badge-live").count(), { timeout: 20_000 }).toBe(0);
    const steps = detail.getByRole("listbox", { name: "Steps of answer-question" }).getByRole("option");
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(7);
    expect(await detail.getByLabel("Request summary").innerText()).toContain("3 LLM calls");
    await page.screenshot({ path: join(shots, "devtools-traces-dark.png") });
  });
});
