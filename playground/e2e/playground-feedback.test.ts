// A 👎 clicked in the playground's devtools (real Chromium) travels through the
// recorder's beacon sink to the collector, lands in its SQLite file and moves
// the satisfaction rate /v1/stats reports; the collector also scores the calls.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import type { Page } from "playwright-core";
import { openPlaygroundWithCollector, type CollectorSession } from "./playground-collector-session.ts";
import { callTotal, newestFinishedRow, overlayRows, type PlaygroundSession } from "./playground-page.ts";

let c: CollectorSession;
let s: PlaygroundSession;

beforeAll(async () => {
  c = await openPlaygroundWithCollector("feedback", { quality: {} });
  s = c.s;
  await s.page.locator("[data-llmscope-devtools] [role=tablist]").waitFor();
});

afterAll(() => c?.close());

const read = async <T>(p: string): Promise<T> => {
  const res = await c.get(p);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

const satisfaction = async () =>
  (await read<{ rows: { key: string; satisfaction?: { up: number; down: number; rate: number } }[] }>("/v1/stats?groupBy=user&period=all"))
    .rows.find((r) => r.key === "u-alice")?.satisfaction;

/** the score column straight from the collector's SQLite file */
const storedScore = (id: string) => c.store.db.prepare("SELECT feedback_score FROM calls WHERE id = ?").pluck().get(id) as number | null | undefined;

async function rateNewest(page: Page, button: "Good answer" | "Bad answer", comment?: string): Promise<void> {
  await overlayRows(page).first().click();
  const detail = page.locator("[data-llmscope-devtools] article.detail");
  if (comment) await detail.locator("input[aria-label='Feedback comment']").fill(comment);
  await detail.locator(`button[aria-label='${button}']`).click();
  await expect.poll(() => detail.locator(`button[aria-label='${button}']`).getAttribute("aria-pressed")).toBe("true");
  await c.flushPage();
}

it("a 👎 in the devtools reaches the collector's SQLite and moves the satisfaction rate", async () => {
  await s.page.selectOption("select[aria-label=userId]", "u-alice");
  let before = await callTotal(s.page);
  await s.page.click("[data-scenario=normal]");
  await newestFinishedRow(s.page, before);
  await c.flushPage();
  const calls = async () => (await read<{ calls: LLMCall[] }>("/v1/calls?userId=u-alice")).calls;
  await expect.poll(async () => (await calls()).length, { timeout: 15_000 }).toBe(1);
  const [first] = await calls();
  expect(await satisfaction()).toBeUndefined();

  await rateNewest(s.page, "Bad answer", "wrong answer");
  await expect.poll(() => storedScore(first!.id), { timeout: 15_000 }).toBe(-1);
  expect(await satisfaction()).toEqual({ up: 0, down: 1, rate: 0 });

  before = await callTotal(s.page);
  await s.page.click("[data-scenario=normal]");
  await newestFinishedRow(s.page, before);
  await rateNewest(s.page, "Good answer");
  await expect.poll(async () => (await satisfaction())?.rate, { timeout: 15_000 }).toBe(0.5);
  expect(await satisfaction()).toEqual({ up: 1, down: 1, rate: 0.5 });

  // the collector scored both calls after ingest, and the 👎 kept its comment
  await c.collector.flush();
  const stored = await calls();
  expect(stored).toHaveLength(2);
  for (const c of stored) expect(c.quality?.average).toBeGreaterThanOrEqual(0);
  expect(stored.find((c) => c.id === first!.id)!.feedback).toMatchObject({ score: -1, comment: "wrong answer" });
  expect(s.consoleErrors).toEqual([]);
});
