// The behaviour every store's traces share, run against SQLite and PostgreSQL
// by ../store/call-store.test.ts beside the CallStore suite.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallStore } from "../store/call-store.ts";
import type { OpenStore } from "../store/store-suite.ts";
import { makeCall } from "../testing/make-call.ts";
import { makeTrace } from "../testing/make-trace.ts";
import type { TraceStore } from "./trace-store.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);
const DAY = 86_400_000;

export function traceStoreSuite(name: string, open: OpenStore): void {
  describe(`${name}: traces`, () => {
    let store: CallStore;
    let traces: TraceStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
      traces = store.traces!;
    });
    afterEach(async () => {
      await close();
    });

    /** what the collector does with an envelope: calls first, then traces */
    const post = async (t: ReturnType<typeof makeTrace>["trace"][], calls: ReturnType<typeof makeCall>[], at = T0) => {
      await store.ingest(calls, at);
      return traces.ingest(t, at);
    };

    it("stores a trace once however often it is sent, with its calls whether they came before, with or after it", async () => {
      const a = makeTrace({ startedAt: T0 });
      const b = makeTrace({ startedAt: T0 + 1000 });
      // a's calls a day before its trace; b's trace a day before its calls
      await post([], a.calls, T0);
      const first = await post([a.trace, b.trace], [], T0 + DAY);
      const again = await post([a.trace, b.trace], [], T0 + DAY);
      await post([], b.calls, T0 + 2 * DAY);
      expect(first.inserted.map((t) => t.id).sort()).toEqual([a.trace.id, b.trace.id].sort());
      expect(again).toMatchObject({ inserted: [], duplicates: 2 });
      for (const { trace, calls } of [a, b]) {
        const detail = (await traces.getTrace(trace.id))!;
        expect(detail.trace).toMatchObject({ id: trace.id, steps: 3, calls: 4, costUSD: trace.summary!.costUSD });
        expect(detail.calls.map((c) => c.id)).toEqual(calls.map((c) => c.id));
        expect(detail.stepRecords).toEqual(trace.steps);
      }
      const [stats] = await traces.stats({ groupBy: "all", period: "all" });
      expect(stats).toMatchObject({ traces: 2, llmCalls: 8 });
      expect(await store.count()).toBe(8);
    });

    it("keeps a call whose trace never came as a call, and shows a trace with the calls that have come so far", async () => {
      const orphan = makeTrace({ startedAt: T0 });
      const partial = makeTrace({ startedAt: T0 + 1000 });
      await post([partial.trace], [...orphan.calls, partial.calls[0]!]);
      expect(await store.getCall(orphan.calls[0]!.id)).toEqual(orphan.calls[0]);
      expect((await store.listCalls({})).calls).toHaveLength(5);
      // the trace record never came: its calls, in start order, make its waterfall
      const callsOnly = (await traces.getTrace(orphan.trace.id))!;
      expect(callsOnly.trace).toBeUndefined();
      expect(callsOnly.stepRecords).toEqual([]);
      expect(callsOnly.calls.map((c) => c.id)).toEqual(orphan.calls.map((c) => c.id));
      expect(callsOnly.rows.map((r) => [r.type, r.id, r.depth])).toEqual(orphan.calls.map((c) => ["call", c.id, 0]));
      expect(callsOnly.rows[0]!.offsetMs).toBe(0);
      expect(callsOnly.startedAt).toBe(orphan.calls[0]!.startedAt);
      expect(callsOnly.endedAt).toBe(orphan.calls[3]!.startedAt + orphan.calls[3]!.timing.durationMs!);
      expect(await traces.getTrace("0".repeat(32))).toBeUndefined();
      expect((await traces.listTraces({})).traces.map((t) => t.id)).toEqual([partial.trace.id]);
      const detail = (await traces.getTrace(partial.trace.id))!;
      expect(detail.calls.map((c) => c.id)).toEqual([partial.calls[0]!.id]);
      expect(detail.rows.filter((r) => r.type === "step")).toHaveLength(3);
    });

    it("orders a nested trace for a waterfall: each step followed by what ran under it, with the cost beneath it", async () => {
      const { trace, calls } = makeTrace({ startedAt: T0, nested: true, costUSD: 0.04 });
      await post([trace], calls);
      const detail = (await traces.getTrace(trace.id))!;
      const [root, ...rest] = detail.rows;
      expect(root).toMatchObject({ type: "step", kind: "agent", depth: 0, offsetMs: 1, inputTokens: 480 });
      expect(root!.costUSD).toBeCloseTo(0.04, 9);
      expect(rest.every((r) => r.depth === 1 && r.parentId === root!.id)).toBe(true);
      expect(rest.map((r) => r.startedAt)).toEqual([...rest.map((r) => r.startedAt)].sort((x, y) => x - y));
      expect(rest.filter((r) => r.type === "call").map((r) => r.kind)).toEqual(["llm", "llm", "llm", "llm"]);
      expect(detail.endedAt - detail.startedAt).toBe(trace.durationMs);
    });

    it("lists traces newest first, by filter and text, a page at a time", async () => {
      const made = [
        makeTrace({ startedAt: T0, name: "search", tags: { userId: "ann", feature: "search", department: "sales" }, retrievalMs: 2000 }),
        makeTrace({ startedAt: T0 + 1000, name: "chat", tags: { userId: "bob", feature: "chat", department: "support" }, costUSD: 0.5 }),
        makeTrace({ startedAt: T0 + 2000, name: "chat", tags: { userId: "ann", feature: "chat", department: "support" }, failedCall: true }),
        makeTrace({ startedAt: T0 + 3000, name: "chat", sessionId: "s-2", tags: { userId: "cy", feature: "chat", department: "support" } }),
      ];
      made[3]!.trace.steps[1]!.attributes = { query: "And what do zebras eat?" };
      const said = (c: ReturnType<typeof makeCall>, text: string) => ((c.prompt.text = text), (c.prompt.messages = [{ role: "user", content: text }]));
      said(made[1]!.calls[2]!, "Which giraffe is tallest?");
      made[2]!.calls[0]!.completion.text = "Okapis live in the Congo.";
      await post(made.map((m) => m.trace), made.flatMap((m) => m.calls));
      const ids = async (f: Parameters<TraceStore["listTraces"]>[0]) => (await traces.listTraces(f)).traces.map((t) => t.id);
      const id = (i: number) => made[i]!.trace.id;
      expect(await ids({})).toEqual([id(3), id(2), id(1), id(0)]);
      expect(await ids({ userId: "ann" })).toEqual([id(2), id(0)]);
      expect(await ids({ feature: "search" })).toEqual([id(0)]);
      expect(await ids({ name: "chat", department: "support", sessionId: "s-2" })).toEqual([id(3)]);
      expect(await ids({ minDurationMs: made[0]!.trace.durationMs! })).toEqual([id(0)]);
      expect(await ids({ minCostUSD: 0.4 })).toEqual([id(1)]);
      expect(await ids({ hasError: true })).toEqual([id(2)]);
      expect(await ids({ hasError: false, from: T0 + 1000, to: T0 + 3000 })).toEqual([id(1)]);
      // text in a step's name or attributes
      expect(await ids({ q: "VECTOR-search", userId: "bob" })).toEqual([id(1)]);
      expect(await ids({ q: "ZEBRAS eat" })).toEqual([id(3)]);
      // text in what one of its calls said: a prompt, a completion
      expect(await ids({ q: "GIRAFFE is" })).toEqual([id(1)]);
      expect(await ids({ q: "okapis live" })).toEqual([id(2)]);
      expect(await ids({ q: "okapis", userId: "bob" })).toEqual([]);
      const p1 = await traces.listTraces({ limit: 3 });
      const p2 = await traces.listTraces({ limit: 3, cursor: p1.cursor! });
      expect(p2.traces.map((t) => t.id)).toEqual([id(0)]);
      expect(p2.cursor).toBeUndefined();
      expect(p1.traces[1]).toMatchObject({ id: id(2), errors: 1, userId: "ann", feature: "chat", calls: 4 });
    });

    it("counts each failure of a trace once: a failed step is in the recorder's summary already", async () => {
      const failedStep = makeTrace({ startedAt: T0 });
      failedStep.trace.steps[1]!.error = { kind: "tool_error", message: "weather service down" };
      failedStep.trace.summary!.errors = 1; // what core's summarizeTrace counts for it
      const failedAll = makeTrace({ startedAt: T0 + 1000, failedCall: true });
      failedAll.trace.steps[1]!.error = { kind: "tool_error", message: "weather service down" };
      failedAll.trace.summary!.errors = 2;
      failedAll.trace.error = { kind: "aborted", message: "request failed" };
      const noSummary = makeTrace({ startedAt: T0 + 2000 });
      noSummary.trace.steps[0]!.error = { kind: "timeout", message: "retrieval timed out" };
      delete noSummary.trace.summary;
      await post([failedStep.trace, failedAll.trace, noSummary.trace], [...failedStep.calls, ...failedAll.calls, ...noSummary.calls]);
      const listed = new Map((await traces.listTraces({})).traces.map((t) => [t.id, t.errors]));
      expect(listed.get(failedStep.trace.id)).toBe(1);
      expect(listed.get(failedAll.trace.id)).toBe(3);
      expect(listed.get(noSummary.trace.id)).toBe(1);
      expect((await traces.getTrace(failedStep.trace.id))!.trace!.errors).toBe(1);
    });

    it("rolls traces up by day and hour per name, feature and department: per-trace figures and where the time went", async () => {
      const search = [1, 2, 3, 4].map((i) => makeTrace({ startedAt: T0 + i * 60_000, name: "search", tags: { feature: "search" }, retrievalMs: 1000 * i, costUSD: 0.01 }));
      const chat = [makeTrace({ startedAt: T0 + 3_600_000, name: "chat", tags: { feature: "chat" }, calls: 2, steps: 1, costUSD: 0.1 })];
      await post([...search, ...chat].map((m) => m.trace), [...search, ...chat].flatMap((m) => m.calls));
      const byFeature = await traces.stats({ groupBy: "feature", period: "day" });
      expect(byFeature.map((r) => [r.period, r.key, r.traces])).toEqual([["2026-03-04", "chat", 1], ["2026-03-04", "search", 4]]);
      const s = byFeature[1]!;
      expect(s.costPerTrace).toBeCloseTo(0.01, 9);
      expect(s).toMatchObject({ llmCallsPerTrace: 4, tokensPerTrace: 640, errors: 0 });
      // 1 s, 2 s, 3 s, 4 s of retrieval: p50 the 2nd, p95 the 4th, within the histogram's 2.5 %
      expect(s.p50.retrievalMs! / 2000).toBeCloseTo(1, 1);
      expect(s.p95.retrievalMs! / 4000).toBeCloseTo(1, 1);
      expect(s.mean.retrievalMs).toBe(2500);
      expect(s.p50.llmMs! / 3200).toBeCloseTo(1, 1);
      expect(s.p95.durationMs).toBeGreaterThan(s.p95.retrievalMs!);
      const hours = await traces.stats({ groupBy: "name", period: "hour", from: T0, to: T0 + 2 * 3_600_000 });
      expect(hours.map((r) => [r.period, r.key, r.traces])).toEqual([["2026-03-04T14:00", "search", 4], ["2026-03-04T15:00", "chat", 1]]);
      const rows = await traces.rollups("feature", ["chat", "search"], 0, 1e6);
      expect(rows.map((r) => r.traces).sort()).toEqual([1, 4]);
    });

    it("replays a session turn by turn from its traces and its calls made outside any trace", async () => {
      const first = makeTrace({ startedAt: T0, sessionId: "conv", costUSD: 0.02 });
      // a failed tool step: an error no call of the session shows
      first.trace.steps[1]!.error = { kind: "tool_error", message: "weather service down" };
      first.trace.summary!.errors = 1;
      const loose = makeCall({ startedAt: T0 + 60_000, costUSD: 0.5, promptText: "and in Paris?" });
      loose.sessionId = "conv";
      const second = makeTrace({ startedAt: T0 + 120_000, sessionId: "conv", failedCall: true });
      const other = makeTrace({ startedAt: T0 + 5000, sessionId: "other" });
      await post([first.trace, second.trace, other.trace], [...first.calls, loose, ...second.calls, ...other.calls]);
      const detail = (await traces.getSession("conv"))!;
      expect(detail.turns.map((t) => t.traceId ?? t.callIds[0])).toEqual([first.trace.id, loose.id, second.trace.id]);
      expect(detail.turns[1]).toMatchObject({ userMessage: "and in Paris?", costUSD: 0.5 });
      expect(detail.turns[0]!.userMessage).toBe("What is the weather in city 0?");
      expect(detail.session).toMatchObject({ id: "conv", traces: 2, calls: 9, errors: 2, startedAt: T0 });
      expect(detail.session.costUSD).toBeCloseTo(0.02 + 0.5 + second.trace.summary!.costUSD, 9);
      expect(detail.calls.map((c) => c.startedAt)).toEqual([...detail.calls.map((c) => c.startedAt)].sort((a, b) => a - b));
      const list = await traces.listSessions({ limit: 1 });
      expect(list.sessions[0]).toMatchObject({ id: "other", traces: 1, calls: 4 });
      const next = await traces.listSessions({ limit: 1, cursor: list.cursor! });
      expect(next.sessions[0]).toMatchObject({ id: "conv", traces: 2, calls: 9, errors: 2, firstMessage: "What is the weather in city 0?" });
      // the list and the session's page read the same figures: it starts with its first trace, before its first call
      expect(next.sessions[0]).toEqual(detail.session);
      expect(list.sessions[0]).toEqual((await traces.getSession("other"))!.session);
      expect(next.cursor).toBeUndefined();
      expect((await traces.listSessions({ q: "in paris" })).sessions.map((s) => s.id)).toEqual(["conv"]);
      // what was said, as /v1/calls reads q: a model name every call carries finds none
      expect((await traces.listSessions({ q: "gpt-4o-mini" })).sessions).toEqual([]);
      expect(await traces.getSession("nobody")).toBeUndefined();
    });

    it("keeps trace rollups exact when batches are stored at the same moment", async () => {
      const made = Array.from({ length: 30 }, (_, i) => makeTrace({ startedAt: T0 + i, costUSD: 0.01 }));
      await Promise.all([0, 1, 2].map((k) => post(made.slice(k * 10, k * 10 + 10).map((m) => m.trace), made.slice(k * 10, k * 10 + 10).flatMap((m) => m.calls))));
      const resent = await Promise.all([post(made.map((m) => m.trace), []), post(made.map((m) => m.trace), [])]);
      expect(resent).toEqual([{ inserted: [], duplicates: 30 }, { inserted: [], duplicates: 30 }]);
      // one trace in two batches stored at the same moment: stored once, by one of them, the other counts it a duplicate
      const [a, b, c] = Array.from({ length: 3 }, (_, i) => makeTrace({ startedAt: T0 + 100 + i, costUSD: 0.01 }).trace);
      const [x, y] = await Promise.all([traces.ingest([a!, b!], T0), traces.ingest([b!, c!], T0)]);
      expect([...x.inserted, ...y.inserted].map((t) => t.id).sort()).toEqual([a!.id, b!.id, c!.id].sort());
      expect(x.duplicates + y.duplicates).toBe(1);
      const [row] = await traces.stats({ groupBy: "all", period: "day" });
      expect(row).toMatchObject({ traces: 33, llmCalls: 132 });
      expect(row!.costUSD).toBeCloseTo(0.33, 9);
    });
  });
}
