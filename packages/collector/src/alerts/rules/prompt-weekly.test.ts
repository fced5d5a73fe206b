import { afterAll, afterEach, describe, expect, it } from "vitest";
import { promptWeeklyRule } from "./prompt-weekly.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 2, 10, 9);
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("a prompt against its 7-day average (%s store)", (kind) => {
  it("fires when today's tokens per call pass 200% of the week before", async () => {
    h = alertHarness(promptWeeklyRule, {}, kind);
    const week = Array.from({ length: 7 }, (_, d) => makeCall({ startedAt: TODAY - (d + 1) * DAY, inputTokens: 150, outputTokens: 0 }));
    // an old call outside the 7-day window must not count
    week.push(makeCall({ startedAt: TODAY - 9 * DAY, inputTokens: 5000, outputTokens: 0 }));
    expect(await h.ingest(week)).toEqual([]);
    expect(await h.ingest([makeCall({ startedAt: TODAY, inputTokens: 290, outputTokens: 0 })])).toEqual([]);
    const big = makeCall({ startedAt: TODAY + 1000, inputTokens: 500, outputTokens: 0 });
    const [alert] = await h.ingest([big]);
    expect(alert).toMatchObject({ kind: "prompt_tokens_weekly", subject: "fp-summarize", value: 395, baseline: 150 });
    expect(await h.ingest([makeCall({ startedAt: TODAY + 2000, inputTokens: 900, outputTokens: 0 })])).toEqual([]);
  });
});
