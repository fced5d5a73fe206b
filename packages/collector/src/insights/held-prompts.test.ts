// A feature of two steps: a 60-token embedding and an answer whose prompt
// drifted from 1,000 to 2,000 tokens over the days before and holds there.
// The prompt is judged against its new level and is quiet; the feature's
// tokens per request doubled with it, which is the same old news. The day an
// answer's prompt doubles from its usual, without the days before, is news.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { DailySeries, DayRow, KeyDays } from "./daily-series.ts";
import { movedWithHeldPrompts } from "./held-prompts.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";
import type { ScanOptions } from "./scan-series.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 31;
let temp: TempStore;
afterEach(() => temp.close());

const row = (calls: number, perCall: number): DayRow => ({ period: "", key: "", calls, errors: 0, errorsByKind: {}, inputTokens: calls * perCall, outputTokens: 0, costUSD: 0 });

/** the answer prompt's days: 1,000 tokens a call, from `heldFrom` on 2,000, and `today` on the day */
function answerDays(heldFrom: number, today: number): DailySeries {
  const days: KeyDays = new Map();
  for (let d = FIRST; d < DAY; d++) days.set(d, row(100, (d >= heldFrom ? 2_000 : 1_000) + (d % 5) * 10));
  days.set(DAY, row(100, today));
  days.dataFrom = FIRST;
  days.firstSeen = FIRST;
  return new Map([["chat.answer", days]]);
}

async function storeDay() {
  temp = openTempStore();
  const at = (i: number) => dayStart(DAY) + 9 * HOUR_MS + i * 60_000;
  const calls = Array.from({ length: 200 }, (_, i) =>
    makeCall({ startedAt: at(i), inputTokens: i % 2 ? 2_050 : 60, outputTokens: 0, tags: { userId: `u${i % 7}`, feature: "chat", promptId: i % 2 ? "chat.answer" : "chat.embed" } }),
  );
  await temp.store.ingest(calls, dayStart(DAY));
}

/** the app: 1,000 calls and a million tokens a day */
function appDays(): KeyDays {
  const days: KeyDays = new Map();
  for (let d = FIRST; d <= DAY; d++) days.set(d, row(1_000, 1_000));
  days.dataFrom = FIRST;
  days.firstSeen = FIRST;
  return days;
}
const scan: ScanOptions = { fromDay: DAY, toDay: DAY, historyDays: 28, threshold: 6, minCalls: 20, now: Infinity, materiality: DEFAULT_MATERIALITY, app: appDays() };

/** the feature's usual tokens per request: half its calls at 60, half at 1,000 */
const point = { key: "chat", metric: "tokensPerRequest" as const, day: DAY, value: (2_050 + 60) / 2, expected: 530, sigma: 20 };

describe("movedWithHeldPrompts", () => {
  it("is a feature's rise that its prompt's held level carries", async () => {
    await storeDay();
    expect(await movedWithHeldPrompts(temp.store, "feature", point, scan, answerDays(DAY - 3, 2_050))).toBe(true);
  });

  it("is not a prompt's move of today, nor the prompt's own series", async () => {
    await storeDay();
    expect(await movedWithHeldPrompts(temp.store, "feature", point, scan, answerDays(DAY + 1, 2_050))).toBe(false);
    expect(await movedWithHeldPrompts(temp.store, "prompt", { ...point, key: "chat.answer" }, scan, answerDays(DAY - 3, 2_050))).toBe(false);
  });

  it("is not a level that was never news on the prompt: its move too small a part of the app to be told there", async () => {
    await storeDay();
    const huge: KeyDays = new Map([...appDays()].map(([d, r]) => [d, { ...r, inputTokens: r.inputTokens * 100 }]));
    huge.dataFrom = FIRST;
    huge.firstSeen = FIRST;
    expect(await movedWithHeldPrompts(temp.store, "feature", point, { ...scan, app: huge }, answerDays(DAY - 3, 2_050))).toBe(false);
  });
});
