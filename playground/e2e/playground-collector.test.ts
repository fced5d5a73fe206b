// With a collector running, the playground also beacons its calls there
// (through the dev server's /llmscope proxy) — checked at the collector.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { openPlaygroundWithCollector, type CollectorSession } from "./playground-collector-session.ts";
import { newestTurnSettled, type PlaygroundSession } from "./playground-page.ts";

let c: CollectorSession;
let s: PlaygroundSession;

beforeAll(async () => {
  c = await openPlaygroundWithCollector("collector");
  s = c.s;
});

afterAll(() => c?.close());

it("delivers the page's calls to the collector", async () => {
  await s.page.selectOption("select[aria-label=userId]", "u-chen");
  await s.page.click("[data-scenario=normal]");
  await s.page.click("[data-scenario=rate_limit]");
  expect(await newestTurnSettled(s.page)).toBe("error");
  await c.flushPage();

  const stored = async () => {
    const res = await c.get("/v1/calls?userId=u-chen");
    expect(res.status).toBe(200);
    return ((await res.json()) as { calls: LLMCall[] }).calls;
  };
  await expect.poll(async () => (await stored()).length, { timeout: 15_000 }).toBe(2);
  const calls = await stored();
  expect(calls.map((c) => c.error?.kind ?? "ok").sort()).toEqual(["ok", "rate_limit"]);
  expect(calls.every((c) => c.tags.app === "playground" && c.provider === "openai")).toBe(true);
  // the beacon's own traffic is never recorded as an LLM call
  expect(calls.some((c) => c.url.includes("/llmscope"))).toBe(false);
  expect(s.consoleErrors).toEqual([]);
});
