// A provider's calls are two prompts: support's short answers (1,000 tokens)
// and engineering's long code chats (8,000). On a day support keeps a public
// holiday, nearly all of the provider's calls are code chats and its tokens per
// request triple with no call changed; on a day the code chat's prompt grew,
// with the usual mix, they rise as much and that is news.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { movedWithMix } from "./mixed-calls.ts";

const DAY = Date.UTC(2026, 2, 11) / 86_400_000;
let temp: TempStore;
afterEach(() => temp.close());

/** one day's calls at openai: `short` support answers and `long` code chats, the code chats `grown` times their usual size */
function dayOfCalls(day: number, short: number, long: number, grown = 1) {
  const call = (i: number, promptId: string, inputTokens: number) =>
    makeCall({ startedAt: dayStart(day) + 9 * HOUR_MS + i * 60_000, provider: "openai", model: "gpt-4o", inputTokens: inputTokens + (i % 7) * 10, outputTokens: 0, tags: { userId: `u${i % 9}`, promptId } });
  return [...Array.from({ length: short }, (_, i) => call(i, "assist.answer", 1_000)), ...Array.from({ length: long }, (_, i) => call(short + i, "code-chat.answer", 8_000 * grown))];
}

async function storeWeek(today: ReturnType<typeof dayOfCalls>) {
  temp = openTempStore();
  for (let d = DAY - 7; d < DAY; d++) await temp.store.ingest(dayOfCalls(d, 80, 20), dayStart(d));
  await temp.store.ingest(today, dayStart(DAY));
}

/** the provider's usual tokens per request: (80 × 1,000 + 20 × 8,000) / 100 */
const point = (value: number) => ({ key: "openai", metric: "tokensPerRequest" as const, day: DAY, value, expected: 2_430, sigma: 80 });

describe("movedWithMix", () => {
  it("explains a per-request rise by which calls came: a holiday of the short prompt's people", async () => {
    // 8 support answers and 20 code chats: 6,000 tokens a request
    await storeWeek(dayOfCalls(DAY, 8, 20));
    expect(await movedWithMix(temp.store, "provider", point((8 * 1_030 + 20 * 8_030) / 28), 6)).toBe(true);
  });

  it("does not explain a prompt that grew", async () => {
    await storeWeek(dayOfCalls(DAY, 80, 20, 3));
    expect(await movedWithMix(temp.store, "provider", point((80 * 1_030 + 20 * 24_030) / 100), 6)).toBe(false);
  });

  it("does not explain calls on a model the prompt never used", async () => {
    const moved = dayOfCalls(DAY, 8, 20).map((c) => (c.tags.promptId === "code-chat.answer" ? { ...c, model: "gpt-4.1" } : c));
    await storeWeek(moved);
    expect(await movedWithMix(temp.store, "provider", point((8 * 1_030 + 20 * 8_030) / 28), 6)).toBe(false);
  });

  it("leaves a person's series and measures no mix sets alone", async () => {
    await storeWeek(dayOfCalls(DAY, 8, 20));
    expect(await movedWithMix(temp.store, "user", { ...point(6_000), key: "u1" }, 6)).toBe(false);
    expect(await movedWithMix(temp.store, "provider", { ...point(6_000), metric: "errorRate" }, 6)).toBe(false);
  });
});
