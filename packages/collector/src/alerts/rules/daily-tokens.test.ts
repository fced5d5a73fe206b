import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dailyTokensRule } from "./daily-tokens.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

const D1 = Date.UTC(2026, 2, 3, 10);
const D2 = D1 + 86_400_000;
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("daily tokens against yesterday (%s store)", (kind) => {
  it("fires once the day passes 120% of the day before, once per day", async () => {
    h = alertHarness(dailyTokensRule, {}, kind);
    await h.ingest([makeCall({ startedAt: D1, inputTokens: 1000, outputTokens: 0 })]);
    expect(await h.ingest([makeCall({ startedAt: D2, inputTokens: 1100, outputTokens: 0 })])).toEqual([]);
    const over = makeCall({ startedAt: D2 + 1000, inputTokens: 200, outputTokens: 0 });
    const [alert] = await h.ingest([over]);
    expect(alert).toMatchObject({ kind: "daily_tokens", subject: "2026-03-04", value: 1300, baseline: 1000, evidence: [over.id] });
    expect(await h.ingest([makeCall({ startedAt: D2 + 10 * 3_600_000, inputTokens: 500, outputTokens: 0 })])).toEqual([]);
    expect(await h.store.listAlerts({ kind: "daily_tokens" })).toHaveLength(1);
  });
});
