// The playground end to end in Chromium: every scenario through the UI and the
// real SDKs, checked in the overlay; the prompt-change warning; IndexedDB after a
// reload. Screenshots of the overlay land in test-results/.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { callTotal, newestFinishedRow, newestTurnSettled, openPlayground, overlayRows, type PlaygroundSession } from "./playground-page.ts";

const SHOTS = "test-results";
const MS = /\d+(\.\d+)? (ms|s)\b/;

// What the overlay's newest row must say after each scenario button, through the openai SDK.
const SCENARIO_EXPECTATIONS: { scenario: string; badge: RegExp; app: "done" | "error"; tokens: boolean }[] = [
  { scenario: "normal", badge: /\b200\b/, app: "done", tokens: true },
  { scenario: "slow_first_token", badge: /\b200\b/, app: "done", tokens: true },
  { scenario: "jitter", badge: /\b200\b/, app: "done", tokens: true },
  { scenario: "rate_limit", badge: /rate limit/, app: "error", tokens: false },
  { scenario: "context_length", badge: /context length/, app: "error", tokens: false },
  { scenario: "content_filter", badge: /content filter/, app: "done", tokens: true },
  { scenario: "refusal", badge: /content filter/, app: "done", tokens: true },
  { scenario: "overloaded", badge: /overloaded/, app: "error", tokens: false },
  { scenario: "network", badge: /network/, app: "error", tokens: false },
  // what arrived before the cut is kept, with estimated tokens ("13 → 19~")
  { scenario: "stream_cut", badge: /network/, app: "error", tokens: true },
];

let s: PlaygroundSession;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await openPlayground();
  // the overlay opens itself in the playground (initialIsOpen)
  await s.page.locator("[data-llmscope-devtools] [role=tablist]").waitFor();
});

afterAll(async () => {
  await s?.close();
});

describe("playground", () => {
  it.each(SCENARIO_EXPECTATIONS)("shows the $scenario scenario in the overlay", async ({ scenario, badge, app, tokens }) => {
    const before = await callTotal(s.page);
    await s.page.click(`[data-scenario=${scenario}]`);
    expect(await newestTurnSettled(s.page)).toBe(app);
    const row = await newestFinishedRow(s.page, before);
    expect(row).toContain("openai");
    expect(row).toContain("gpt-4o-mini");
    expect(row).toMatch(badge);
    expect(row).toMatch(MS);
    // provider-reported tokens read "14 → 38"; an error before any body has none ("— → —")
    if (tokens) expect(row).toMatch(/\d+ → \d+/);
    else expect(row).toMatch(/— → —/);
  });

  it.each([
    ["anthropic", "claude-sonnet-4-5"],
    ["google", "gemini-2.5-flash"],
    ["ai-sdk", "gpt-4o-mini"],
  ])("records a call through the %s client", async (provider, model) => {
    await s.page.selectOption("select[aria-label=Provider]", provider);
    const before = await callTotal(s.page);
    await s.page.click("[data-scenario=normal]");
    expect(await newestTurnSettled(s.page)).toBe("done");
    const row = await newestFinishedRow(s.page, before);
    expect(row).toContain(model);
    expect(row).toMatch(/\b200\b/);
    expect(row).toMatch(/\d+ → \d+/);
    await s.page.selectOption("select[aria-label=Provider]", "openai");
  });

  it("attributes calls to the selected user, department and feature", async () => {
    await s.page.selectOption("select[aria-label=userId]", "u-bob");
    await s.page.selectOption("select[aria-label=department]", "research");
    const before = await callTotal(s.page);
    await s.page.click("[data-scenario=normal]");
    await newestFinishedRow(s.page, before);
    await overlayRows(s.page).first().click();
    const detail = s.page.locator("[data-llmscope-devtools] article.detail");
    await expect.poll(async () => (await detail.innerText()).replace(/\s+/g, " ")).toMatch(/u-bob/);
    expect(await detail.innerText()).toMatch(/research/);
    await s.page.screenshot({ path: `${SHOTS}/playground-detail.png` });
  });

  it("shows HTML and script in a prompt as text, never running it", async () => {
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> what is XSS?`;
    await s.page.fill("#prompt", payload);
    const before = await callTotal(s.page);
    await s.page.click("button[type=submit]");
    await newestFinishedRow(s.page, before);
    await overlayRows(s.page).first().click();
    const detail = s.page.locator("[data-llmscope-devtools] article.detail");
    await expect.poll(() => detail.innerText()).toContain(payload);
    expect(await detail.locator("img, script").count()).toBe(0);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await s.page.fill("#prompt", "What is a vector database?");
  });

  it("raises the token warning when the prompt change ships", async () => {
    await s.page.click("[data-action=prompt-v1]");
    await s.page.waitForSelector("[data-action=prompt-v1]:not([disabled])", { timeout: 30_000 });
    await s.page.click("[data-action=prompt-v2]");
    await s.page.waitForSelector("[data-action=prompt-v2]:not([disabled])", { timeout: 30_000 });
    await s.page.locator("[data-llmscope-devtools] [role=tab]", { hasText: "Tokens" }).click();
    const spikes = s.page.locator("[data-llmscope-devtools] [aria-label='Token spikes'] li");
    await expect.poll(() => spikes.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await spikes.first().innerText()).toMatch(/\d(\.\d)?×/);
    await s.page.screenshot({ path: `${SHOTS}/playground-tokens.png` });
  });

  it("fires a burst of 50 mixed calls, all recorded", async () => {
    await s.page.locator("[data-llmscope-devtools] [role=tab]", { hasText: "Calls" }).click();
    const total = () => callTotal(s.page);
    const before = await total();
    await s.page.click("[data-action=burst]");
    await s.page.waitForSelector("[data-action=burst]:not([disabled])", { timeout: 60_000 });
    await expect.poll(total, { timeout: 20_000 }).toBe(before + 50);
    await s.page.locator("[data-llmscope-devtools] [role=tab]", { hasText: "Latency" }).click();
    await s.page.screenshot({ path: `${SHOTS}/playground-latency.png` });
  });

  it("keeps every call in IndexedDB across a reload", async () => {
    // what a user does: wait for the last answers, then reload (the sink also flushes on pagehide)
    await s.page.evaluate(() => (globalThis as unknown as Record<symbol, { recorder: { flush(): Promise<void> } }>)[Symbol.for("llmscope.recorder")]!.recorder.flush());
    await s.page.reload();
    const stored = await s.page.evaluate(
      () =>
        new Promise<LLMCall[]>((resolve, reject) => {
          const open = indexedDB.open("llmscope");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction("calls").objectStore("calls").getAll();
            all.onsuccess = () => resolve(all.result as LLMCall[]);
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(stored.length).toBeGreaterThanOrEqual(SCENARIO_EXPECTATIONS.length + 3 + 1 + 1 + 6 + 50);
    const kinds = new Set(stored.map((c) => c.error?.kind).filter(Boolean));
    for (const kind of ["rate_limit", "context_length", "content_filter", "overloaded", "network"]) expect(kinds).toContain(kind);
    // the slow first token: 600 ms before the first chunk, after headers came back at once
    const slow = stored.find((c) => c.stream && c.timing.ttftMs !== undefined && c.timing.ttftMs >= 600 && c.provider === "openai");
    expect(slow?.timing.ttfbMs).toBeLessThan(slow!.timing.ttftMs!);
    // a busy browser may hand over the rest of the stream in the same read as its first token
    expect(slow?.timing.durationMs).toBeGreaterThanOrEqual(slow!.timing.ttftMs!);
    const tagged = stored.find((c) => c.tags.userId === "u-bob");
    expect(tagged?.tags).toMatchObject({ department: "research", feature: "chat", app: "playground" });
    const qa = stored.filter((c) => c.tags.promptId === "qa");
    expect(qa).toHaveLength(6);
    expect(new Set(qa.map((c) => c.fingerprint)).size).toBe(1);
  });

  it("logged no unexpected console errors", () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
