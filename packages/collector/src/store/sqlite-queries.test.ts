import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);

describe("SqliteStore queries", () => {
  let tmp: ReturnType<typeof tempDbPath>;
  let store: SqliteStore;
  beforeEach(() => {
    tmp = tempDbPath();
    store = new SqliteStore(tmp.path);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("groups stats by day and department with tokens, cost, errors and percentiles", async () => {
    const calls = [
      ...Array.from({ length: 10 }, (_, i) => makeCall({ startedAt: T0, durationMs: (i + 1) * 100, costUSD: 0.01, tags: { department: "support" } })),
      makeCall({ startedAt: T0, costUSD: 0.5, errorKind: "rate_limit", tags: { department: "sales" } }),
      makeCall({ startedAt: T0 + DAY, costUSD: 0.25, tags: { department: "sales" } }),
    ];
    await store.ingest(calls, T0);
    const rows = await store.stats({ groupBy: "department", period: "day" });
    expect(rows.map((r) => [r.period, r.key, r.calls])).toEqual([
      ["2026-03-04", "sales", 1],
      ["2026-03-04", "support", 10],
      ["2026-03-05", "sales", 1],
    ]);
    const support = rows[1]!;
    expect(support.costUSD).toBeCloseTo(0.1, 6);
    expect(support.inputTokens).toBe(1200);
    expect(Math.abs(support.latencyP50Ms! - 500) / 500).toBeLessThan(0.03);
    expect(Math.abs(support.latencyP95Ms! - 1000) / 1000).toBeLessThan(0.03);
    expect(rows[0]!.errorsByKind).toEqual({ rate_limit: 1 });
    // stats are day-granular: the range covers the UTC days it overlaps
    const month = await store.stats({ groupBy: "department", period: "month", from: Date.UTC(2026, 2, 4), to: Date.UTC(2026, 2, 5) });
    expect(month.map((r) => [r.period, r.key, r.calls])).toEqual([["2026-03", "sales", 1], ["2026-03", "support", 10]]);
  });

  it("finds the impact scope of a call by fingerprint and by near-identical prompt", async () => {
    const bad = makeCall({ startedAt: T0, fingerprint: "fp-a", promptText: "Refund order 17 now", tags: { userId: "u1", feature: "refunds" } });
    const others = [
      makeCall({ startedAt: T0 + 60_000, fingerprint: "fp-a", tags: { userId: "u2", feature: "refunds" } }),
      makeCall({ startedAt: T0 - 60_000, fingerprint: "fp-b", promptText: "refund  order 9912 now", tags: { userId: "u2", feature: "chat" } }),
      makeCall({ startedAt: T0 + 3 * DAY, fingerprint: "fp-a", tags: { userId: "u3", feature: "refunds" } }),
      makeCall({ startedAt: T0, fingerprint: "fp-c", promptText: "something else", tags: { userId: "u9" } }),
    ];
    await store.ingest([bad, ...others], T0);
    const s = (await store.similar(bad.id, { windowMs: DAY, limit: 10 }))!;
    expect(s.total).toBe(2);
    expect(s.sameFingerprint).toBe(1);
    expect(s.samePromptOnly).toBe(1);
    expect(s.byUser).toEqual([{ userId: "u2", calls: 2 }]);
    expect(s.byFeature).toEqual([{ feature: "chat", calls: 1 }, { feature: "refunds", calls: 1 }]);
    expect(s.calls.map((c) => c.match).sort()).toEqual(["fingerprint", "prompt"]);
    expect(await store.similar("missing", { windowMs: DAY, limit: 10 })).toBeUndefined();
  });

  it("records an alert once per dedup key and honours the cooldown", async () => {
    const alert = { id: "a1", kind: "daily_tokens" as const, subject: "2026-03-04", value: 2, baseline: 1, threshold: 1.2, message: "m", evidence: ["c1"], firedAt: T0, dedupKey: "daily_tokens:2026-03-04" };
    expect(await store.recordAlert(alert, 0)).toBe(true);
    expect(await store.recordAlert({ ...alert, id: "a2" }, 0)).toBe(false);
    expect(await store.recordAlert({ ...alert, id: "a3", dedupKey: "other" }, 3_600_000)).toBe(false);
    expect(await store.recordAlert({ ...alert, id: "a4", dedupKey: "later", firedAt: T0 + 7_200_000 }, 3_600_000)).toBe(true);
    const listed = await store.listAlerts({});
    expect(listed.map((a) => a.id)).toEqual(["a4", "a1"]);
    expect(listed[1]!.evidence).toEqual(["c1"]);
  });
});
