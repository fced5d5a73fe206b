import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { buildFixture, startFixtureServer } from "./fixture-server.ts";
import { launchChromium } from "./browser.ts";

const xss = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const shots = fileURLToPath(new URL("../../../test-results/", import.meta.url));

type Fixture = { fixture: { chat(content: string, options?: Record<string, unknown>): Promise<number> } };

let server: ViteDevServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  const started = await startFixtureServer();
  server = started.server;
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(started.url);
  await page.waitForFunction(() => "fixture" in window);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chat = (content: string, options: Record<string, unknown> = {}) =>
  page.evaluate(([c, o]) => (window as unknown as Fixture).fixture.chat(c as string, o as Record<string, unknown>), [content, options] as const);

describe("LLMDevtools in Chromium", () => {
  it("shows known calls in every view, keeps an XSS payload as text, and looks right", async () => {
    await chat("What is the capital of France?");
    await chat("Tell me a story about a lighthouse", { stream: true });
    await chat("Tell me a story about a lighthouse", { stream: true, vary: "1" });
    await chat("Tell me a story about a lighthouse", { stream: true, vary: "1" });
    expect(await chat("This one is throttled", { scenario: "rate_limit" })).toBe(429);
    await chat(xss);

    const toggle = page.getByRole("button", { name: "Open LLM devtools: 6 calls, 1 error" });
    await toggle.click();
    const panel = page.getByRole("complementary", { name: "LLM devtools" });
    await panel.waitFor();
    const rows = panel.getByRole("listbox", { name: "LLM calls" }).getByRole("option");
    await expect.poll(() => rows.count()).toBe(6);

    // page styles stay out: the hostile `* { color: #f0f !important }` does not reach the panel
    const color = await panel.getByRole("tab", { name: "Calls" }).evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe("rgb(255, 0, 255)");

    await panel.getByRole("searchbox", { name: "Search prompts and completions" }).fill("onerror");
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    const detail = panel.getByRole("article");
    await expect.poll(() => detail.getByRole("region", { name: "Prompt" }).innerText()).toContain(xss);
    const injected = await page.evaluate(() => {
      const root = document.querySelector("[data-llmscope-devtools]")!.shadowRoot!;
      return { img: root.querySelectorAll("img").length + document.querySelectorAll("img").length, pwned: (window as { __pwned?: number }).__pwned ?? null };
    });
    expect(injected).toEqual({ img: 0, pwned: null });
    expect(dialogs).toEqual([]);

    await panel.getByRole("searchbox", { name: "Search prompts and completions" }).fill("throttled");
    await rows.first().click();
    await expect.poll(() => panel.getByRole("alert").innerText()).toMatch(/rate_limit[\s\S]*throttling/);

    await panel.getByRole("searchbox", { name: "Search prompts and completions" }).fill("lighthouse");
    await expect.poll(() => rows.count()).toBe(3);
    await rows.first().click();
    await expect.poll(() => detail.getByRole("region", { name: "Timing" }).getByRole("img").first().getAttribute("aria-label")).toMatch(/^Timing: waiting for headers/);
    await page.screenshot({ path: join(shots, "devtools-calls.png") });

    await panel.getByRole("tab", { name: "Session" }).click();
    await expect.poll(() => panel.getByRole("group", { name: "Calls" }).innerText()).toMatch(/6$/);
    await expect.poll(() => panel.getByRole("group", { name: "Errors" }).innerText()).toContain("rate_limit 1");
    await page.screenshot({ path: join(shots, "devtools-session.png") });

    await panel.getByRole("tab", { name: "Latency" }).click();
    await expect.poll(() => panel.getByRole("region", { name: "Latency of gpt-4o-mini" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "devtools-latency.png") });

    await panel.getByRole("tab", { name: "Tokens" }).click();
    await expect.poll(() => panel.getByRole("img", { name: "Tokens for the last 6 calls" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "devtools-tokens.png") });

    await panel.getByRole("tab", { name: "Same prompt" }).click();
    const group = panel.getByRole("region", { name: /^Prompt pattern/ });
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.locator(".answer").count()).toBe(3);
    await page.screenshot({ path: join(shots, "devtools-variance.png") });

    await panel.getByRole("button", { name: /^Theme: system/ }).click();
    await panel.getByRole("button", { name: /^Theme: light/ }).click();
    await panel.getByRole("button", { name: "Dock to the right" }).click();
    await panel.getByRole("tab", { name: "Calls" }).click();
    await panel.getByRole("searchbox", { name: "Search prompts and completions" }).fill("");
    await rows.nth(1).click();
    await page.screenshot({ path: join(shots, "devtools-dark-right.png") });
    expect(dialogs).toEqual([]);
  });

  it("a production build of the app contains none of the devtools' code", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "llmscope-react-build-"));
    try {
      const chunks = await buildFixture(outDir);
      const js = chunks.join("\n");
      expect(js).toContain("fixture-app-rendered");
      // strings that exist only in the devtools; checked against the source so a rename cannot make this pass vacuously
      const markers: [string, string][] = [
        ["Search prompts and completions", "../src/panel/list/call-filters.tsx"],
        ["Copy as cURL", "../src/panel/detail/copy-curl.tsx"],
        ["Loading LLM devtools", "../src/devtools.tsx"],
        ["toggle-bottom-right", "../src/host/toggle-css.ts"],
        ["data-llmscope-devtools", "../src/host/shadow-root.tsx"],
      ];
      for (const [marker, file] of markers) {
        expect(await readFile(new URL(file, import.meta.url), "utf8")).toContain(marker);
        expect(js, marker).not.toContain(marker);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
