// A prompt's day of 100 ordinary calls and two pasted logs of 300,000 tokens:
// its tokens per request are the logs' doing only where the rest of the day
// is usual against every level the point was judged against.
import { describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { carriedByFewCalls, type SizePoint } from "./few-calls.ts";

const DAY = Date.UTC(2026, 2, 2) / 86_400_000;

const dayOfCalls = (ordinary: number) => (day: number) =>
  Array.from({ length: 102 }, (_, i) =>
    makeCall({ startedAt: dayStart(day) + 9 * HOUR_MS + i * 60_000, inputTokens: i < 2 ? 300_000 : ordinary, outputTokens: 0, tags: { promptId: "chat.answer" } }),
  );
const pointOf = (ordinary: number): SizePoint => ({ key: "chat.answer", metric: "tokensPerRequest", day: DAY, value: (600_000 + 100 * ordinary) / 102, expected: 1_000, sigma: 50 });

describe("carriedByFewCalls, a day of usual calls", () => {
  const store = daysStoredPerTest(DAY, DAY, dayOfCalls(1_000));

  it("is the pasted logs' doing", async () => {
    expect(await carriedByFewCalls(store(), "prompt", pointOf(1_000), 6)).toBe(true);
  });
});

describe("carriedByFewCalls, a prompt that grew to 2,000 tokens and has held there for days", () => {
  const store = daysStoredPerTest(DAY, DAY, dayOfCalls(2_000));

  it("is not the logs' doing against its usual 1,000", async () => {
    expect(await carriedByFewCalls(store(), "prompt", pointOf(2_000), 6)).toBe(false);
  });

  it("is the logs' doing against the level it held since the days before, which it was also judged against", async () => {
    expect(await carriedByFewCalls(store(), "prompt", { ...pointOf(2_000), held: { expected: 2_000, sigma: 100 } }, 6)).toBe(true);
  });
});
