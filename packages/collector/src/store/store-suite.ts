// The behaviour every CallStore must share, run against each store by
// call-store.test.ts. A store-specific test file covers only what is particular
// to its engine (WAL and checkpoints, partitions and retention…).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallStore, StatsRow } from "./call-store.ts";
import { demoCalls } from "../testing/demo-calls.ts";
import { makeCall } from "../testing/make-call.ts";
import { retentionTests } from "./retention-suite.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);

/** opens a fresh, empty store; close releases it and whatever it lives in */
export type OpenStore = () => Promise<{ store: CallStore; close(): Promise<void> }>;

export function callStoreSuite(name: string, open: OpenStore): void {
  describe(`${name}: the CallStore contract`, () => {
    let store: CallStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => {
      await close();
    });

    it("stores a batch once, however often it is sent", async () => {
      const calls = [makeCall({ startedAt: T0 }), makeCall({ startedAt: T0 + 1 })];
      const first = await store.ingest(calls, T0);
      const again = await store.ingest(calls, T0);
      expect(first.inserted).toHaveLength(2);
      expect(again).toMatchObject({ inserted: [], duplicates: 2 });
      expect(await store.count()).toBe(2);
      expect(await store.getCall(calls[0]!.id)).toEqual(calls[0]);
      const stats = await store.stats({ groupBy: "all", period: "all" });
      expect(stats[0]!.calls).toBe(2);
    });

    it("counts an id repeated inside one batch as a duplicate and keeps its first record", async () => {
      const call = makeCall({ startedAt: T0, costUSD: 1 });
      const result = await store.ingest([call, { ...call, startedAt: T0 + 5 }, makeCall({ startedAt: T0 })], T0);
      expect(result.inserted.map((c) => c.call.startedAt)).toEqual([T0, T0]);
      expect(result.duplicates).toBe(1);
      expect((await store.getCall(call.id))!.startedAt).toBe(T0);
    });

    it("stores a batch sent twice at the same moment once", async () => {
      const calls = Array.from({ length: 40 }, (_, i) => makeCall({ startedAt: T0 + i, costUSD: 1 }));
      const [a, b] = await Promise.all([store.ingest(calls, T0), store.ingest(calls, T0)]);
      expect(a.inserted.length + b.inserted.length).toBe(40);
      expect(a.duplicates + b.duplicates).toBe(40);
      expect(await store.count()).toBe(40);
      expect((await store.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: 40, costUSD: 40 });
    });

    it("pages newest first with a cursor and filters by flat columns", async () => {
      const calls = Array.from({ length: 7 }, (_, i) =>
        makeCall({ startedAt: T0 + i * 1000, tags: { userId: i % 2 ? "alice" : "bob", department: "sales" } }),
      );
      await store.ingest(calls, T0);
      const p1 = await store.listCalls({ userId: "alice", limit: 2 });
      expect(p1.calls.map((c) => c.startedAt)).toEqual([T0 + 5000, T0 + 3000]);
      const p2 = await store.listCalls({ userId: "alice", limit: 2, cursor: p1.cursor! });
      expect(p2.calls.map((c) => c.startedAt)).toEqual([T0 + 1000]);
      expect(p2.cursor).toBeUndefined();
      const window = await store.listCalls({ from: T0 + 2000, to: T0 + 4000 });
      expect(window.calls).toHaveLength(2);
      expect(await store.count({ department: "sales", userId: "bob" })).toBe(4);
    });

    it("pages calls of the same millisecond by id without repeating or skipping one", async () => {
      const calls = ["c", "a", "e", "b", "d"].map((id) => makeCall({ id, startedAt: T0 }));
      await store.ingest(calls, T0);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listCalls({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.calls.map((c) => c.id));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toEqual(["e", "d", "c", "b", "a"]);
    });

    it("finds text case-insensitively with quotes and LIKE wildcards taken literally", async () => {
      await store.ingest([
        makeCall({ id: "refund", startedAt: T0, promptText: "Where is my REFUND for order 42?" }),
        makeCall({ id: "quote", startedAt: T0 + 1, promptText: 'He said "100% sure" about it' }),
        makeCall({ id: "plain", startedAt: T0 + 2, promptText: "Summarize the meeting" }),
      ], T0);
      const ids = async (q: string) => (await store.listCalls({ q })).calls.map((c) => c.id).sort();
      expect(await ids("my refund")).toEqual(["refund"]);
      expect(await ids('"100% sure"')).toEqual(["quote"]);
      expect(await ids("1_0")).toEqual([]);
      expect(await store.count({ q: "summarize THE", from: T0 + 1 })).toBe(1);
    });

    it("parks feedback for an unknown call and applies it when the call arrives", async () => {
      const call = makeCall({ startedAt: T0 });
      const early = await store.addFeedback([{ callId: call.id, score: -1, comment: "wrong", at: T0 + 5 }]);
      expect(early).toEqual({ applied: 0, pending: [call.id] });
      await store.ingest([call], T0);
      expect((await store.getCall(call.id))!.feedback).toEqual({ score: -1, comment: "wrong", at: T0 + 5 });
      const later = await store.addFeedback([{ callId: call.id, score: 1, at: T0 + 9 }]);
      expect(later.applied).toBe(1);
      expect((await store.getCall(call.id))!.feedback).toEqual({ score: 1, at: T0 + 9 });
    });

    it("gives each call the trailing median of its prompt before it", async () => {
      const calls = [100, 110, 90, 400].map((t, i) => makeCall({ startedAt: T0 + i, inputTokens: t, outputTokens: 0 }));
      const { inserted } = await store.ingest(calls, T0);
      expect(inserted[0]!.tokenBaseline).toBeUndefined();
      expect(inserted[3]!.tokenBaseline).toEqual({ median: 100, samples: 3 });
      const next = await store.ingest([makeCall({ startedAt: T0 + 10, inputTokens: 120, outputTokens: 0 })], T0);
      expect(next.inserted[0]!.tokenBaseline).toEqual({ median: 105, samples: 4 });
    });

    it("iterates every matching call oldest first", async () => {
      await store.ingest(Array.from({ length: 1203 }, (_, i) => makeCall({ startedAt: T0 + i })), T0);
      let n = 0;
      let last = -1;
      for await (const c of store.iterateCalls({})) {
        expect(c.startedAt).toBeGreaterThan(last);
        last = c.startedAt;
        n++;
      }
      expect(n).toBe(1203);
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

    it("keeps hourly stats beside the day rows, over the hours a range overlaps", async () => {
      const H = 3_600_000;
      await store.ingest([
        makeCall({ startedAt: T0, provider: "openai", durationMs: 100 }),
        makeCall({ startedAt: T0 + 10, provider: "openai", durationMs: 300, errorKind: "timeout" }),
        makeCall({ startedAt: T0 + H + 5, provider: "anthropic" }),
        makeCall({ startedAt: T0 + 2 * H, provider: "openai" }),
      ], T0);
      const rows = await store.stats({ groupBy: "provider", period: "hour", from: T0 + 1, to: T0 + 2 * H });
      expect(rows.map((r) => [r.period, r.key, r.calls, r.errors])).toEqual([
        ["2026-03-04T14:00", "openai", 2, 1],
        ["2026-03-04T15:00", "anthropic", 1, 0],
      ]);
      expect(Math.abs(rows[0]!.latencyP95Ms! - 300) / 300).toBeLessThan(0.03);
      // the day rows are untouched by the hour rows beside them
      expect((await store.stats({ groupBy: "provider", period: "day" })).map((r) => [r.key, r.calls])).toEqual([["openai", 3], ["anthropic", 1]]);
      await expect(store.stats({ groupBy: "promptId", period: "hour" })).rejects.toThrow(/hourly stats exist for/);
    });

    it("merges a later batch into the same day's rollups, histograms and error kinds", async () => {
      await store.ingest([makeCall({ startedAt: T0, durationMs: 100, errorKind: "timeout", tags: { userId: "u1" } })], T0);
      await store.ingest([makeCall({ startedAt: T0 + 1, durationMs: 100, errorKind: "timeout", tags: { userId: "u1" } }),
        makeCall({ startedAt: T0 + 2, durationMs: 100, errorKind: "rate_limit", tags: { userId: "u2" } })], T0);
      const [all] = await store.stats({ groupBy: "all", period: "all" });
      expect(all).toMatchObject({ calls: 3, errors: 3, errorsByKind: { timeout: 2, rate_limit: 1 } });
      expect(Math.abs(all!.latencyP95Ms! - 100) / 100).toBeLessThan(0.03);
      const rollups = await store.rollups("user", ["u1", "u2", "nobody"], 0, 1e9);
      expect(rollups.map((r) => [r.key, r.calls, r.errors]).sort()).toEqual([["u1", 2, 2], ["u2", 1, 1]]);
    });

    it("rolls up cached and cache-write tokens, TTFT of streamed calls only and the served snapshot", async () => {
      const cached = (c: ReturnType<typeof makeCall>, read: number, written: number) => ((c.usage.cachedInputTokens = read), (c.usage.cacheWriteTokens = written), c);
      const streamed = makeCall({ startedAt: T0, ttftMs: 300, model: "m" });
      // a non-streamed call's first token arrives with its whole body: not a time to first token
      const whole = { ...makeCall({ startedAt: T0 + 1, ttftMs: 9000, model: "m" }), stream: false, responseModel: "m-2026-02" };
      await store.ingest([cached(streamed, 80, 0), cached(whole, 0, 100)], T0);
      const [all] = await store.stats({ groupBy: "all", period: "day" });
      expect(all).toMatchObject({ calls: 2, cachedInputTokens: 80, cacheWriteTokens: 100, streamed: 1 });
      expect(Math.abs(all!.ttftP95Ms! - 300) / 300).toBeLessThan(0.03);
      const served = await store.stats({ groupBy: "responseModel", period: "all" });
      expect(served.map((r) => [r.key, r.calls]).sort()).toEqual([["m", 1], ["m-2026-02", 1]]);
      await store.rebuildRollups();
      expect((await store.stats({ groupBy: "all", period: "day" }))[0]).toMatchObject({ cachedInputTokens: 80, cacheWriteTokens: 100, streamed: 1 });
    });

    it("rebuilds from the calls the rollups ingest kept, day and hour rows alike", async () => {
      expect(await store.rebuildRollups()).toBe(0);
      const calls = demoCalls({ days: 3, perDay: 120, end: T0 });
      // in batches, so the rows ingest merged batch by batch are compared with rows folded at once
      for (let i = 0; i < calls.length; i += 50) await store.ingest(calls.slice(i, i + 50), T0);
      const views = async () => [
        ...(await store.stats({ groupBy: "user", period: "day" })),
        ...(await store.stats({ groupBy: "provider", period: "hour" })),
        ...(await store.stats({ groupBy: "all", period: "all" })),
      ];
      const before = await views();
      expect(before.length).toBeGreaterThan(3 * 10);
      const progress: number[] = [];
      expect(await store.rebuildRollups((n) => progress.push(n))).toBe(calls.length);
      expect(progress.at(-1)).toBe(calls.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      const after = await views();
      // sums of costs added in another order may differ in their last bits
      const withoutCost = (rows: StatsRow[]) => rows.map(({ costUSD: _, ...r }) => r);
      expect(withoutCost(after)).toEqual(withoutCost(before));
      after.forEach((r, i) => expect(r.costUSD).toBeCloseTo(before[i]!.costUSD, 9));
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
      expect((await store.listAlerts({ from: T0 + 1 })).map((a) => a.id)).toEqual(["a4"]);
    });

    retentionTests(() => store);
  });
}
