// With a collector running, the playground also beacons its calls there
// (through the dev server's /llmscope proxy) — checked at the collector.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCollector, serve, SqliteStore, type RunningServer } from "@llmscope/collector";
import type { LLMCall } from "@llmscope/core";
import { newestTurnSettled, openPlayground, type PlaygroundSession } from "./playground-page.ts";

const WRITE_KEY = "playground-write";
const READ_KEY = "playground-read";

let dir: string;
let store: SqliteStore;
let collector: RunningServer;
let s: PlaygroundSession;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "llmscope-playground-collector-"));
  store = new SqliteStore(path.join(dir, "calls.db"));
  collector = await serve({ handler: createCollector({ store, writeKeys: [WRITE_KEY], readKeys: [READ_KEY] }), port: 0 });
  // the playground's vite.config.ts reads these from the environment
  process.env.LLMSCOPE_COLLECTOR_URL = collector.url;
  process.env.LLMSCOPE_WRITE_KEY = WRITE_KEY;
  s = await openPlayground();
});

afterAll(async () => {
  delete process.env.LLMSCOPE_COLLECTOR_URL;
  delete process.env.LLMSCOPE_WRITE_KEY;
  await s?.close();
  await collector?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("delivers the page's calls to the collector", async () => {
  await s.page.selectOption("select[aria-label=userId]", "u-chen");
  await s.page.click("[data-scenario=normal]");
  await s.page.click("[data-scenario=rate_limit]");
  expect(await newestTurnSettled(s.page)).toBe("error");
  await s.page.evaluate(() => (globalThis as unknown as Record<symbol, { recorder: { flush(): Promise<void> } }>)[Symbol.for("llmscope.recorder")]!.recorder.flush());

  const stored = async () => {
    const res = await fetch(`${collector.url}/v1/calls?userId=u-chen`, { headers: { authorization: `Bearer ${READ_KEY}` } });
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
