import { afterAll, afterEach, describe, expect, it } from "vitest";
import { userDailyCostRule } from "./user-daily-cost.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

const T0 = Date.UTC(2026, 2, 4, 8);
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("a user's daily cost (%s store)", (kind) => {
  it("fires for the user over $10 in a day, not for others, and once a day", async () => {
    h = alertHarness(userDailyCostRule, {}, kind);
    const alice = { userId: "alice" };
    expect(await h.ingest([makeCall({ startedAt: T0, costUSD: 6, tags: alice }), makeCall({ startedAt: T0, costUSD: 9, tags: { userId: "bob" } })])).toEqual([]);
    const [alert, extra] = await h.ingest([makeCall({ startedAt: T0 + 1000, costUSD: 5, tags: alice })]);
    expect(extra).toBeUndefined();
    expect(alert).toMatchObject({ kind: "user_daily_cost", subject: "alice", value: 11, threshold: 10 });
    expect(await h.ingest([makeCall({ startedAt: T0 + 2 * 3_600_000, costUSD: 5, tags: alice })])).toEqual([]);
    // the next day is a new day
    const nextDay = await h.ingest([makeCall({ startedAt: T0 + 86_400_000, costUSD: 12, tags: alice })]);
    expect(nextDay.map((a) => a.subject)).toEqual(["alice"]);
  });
});
