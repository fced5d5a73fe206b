// The trace and session endpoints over real HTTP on 127.0.0.1, on both stores.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeTrace } from "../testing/make-trace.ts";
import type { SessionDetail, SessionPage, TraceDetail, TracePage, TraceStatsAnswer } from "./api-types.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const T = Date.UTC(2026, 2, 4, 14, 0);
const read = async <T>(path: string): Promise<T> => {
  const r = await s.get(path);
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
};

describe.each(TEST_STORE_KINDS)("POST traces, GET /v1/traces, /v1/traces/:id, /v1/traces/stats, /v1/sessions (%s store)", (kind) => {
  it("stores the envelope's traces once, links calls that come later, and answers each read", async () => {
    s = await startTestServer({}, kind);
    const a = makeTrace({ startedAt: T, sessionId: "conv-1", name: "search", tags: { userId: "ann", feature: "search" } });
    const b = makeTrace({ startedAt: T + 60_000, sessionId: "conv-1", name: "search", tags: { userId: "ann", feature: "search" }, failedCall: true });
    const first = await s.post("/v1/calls", { v: 1, sentAt: T, calls: a.calls, traces: [a.trace, b.trace] });
    expect(await first.json()).toMatchObject({ inserted: 4, traces: { accepted: 2, inserted: 2, duplicates: 0 } });
    // b's calls arrive in a later batch, a's batch is retried
    expect(await (await s.post("/v1/calls", { v: 1, sentAt: T, calls: b.calls })).json()).toMatchObject({ inserted: 4 });
    expect(await (await s.post("/v1/calls", { v: 1, sentAt: T, calls: a.calls, traces: [a.trace] })).json())
      .toMatchObject({ inserted: 0, duplicates: 4, traces: { accepted: 1, inserted: 0, duplicates: 1 } });
    expect(s.collector.counters()).toMatchObject({ tracesReceived: 3, tracesInserted: 2, tracesDuplicate: 1 });

    const list = await read<TracePage>(`/v1/traces?userId=ann&hasError=true&from=${new Date(T).toISOString()}`);
    expect(list.traces.map((t) => t.id)).toEqual([b.trace.id]);
    expect(list.traces[0]).toMatchObject({ name: "search", steps: 3, calls: 4, errors: 1 });
    const detail = await read<TraceDetail>(`/v1/traces/${b.trace.id}`);
    expect(detail.calls.map((c) => c.id)).toEqual(b.calls.map((c) => c.id));
    expect(detail.rows.map((r) => r.type)).toEqual(["step", "call", "step", "call", "step", "call", "call"]);
    expect(detail.rows[1]).toMatchObject({ kind: "llm", errorKind: "rate_limit", ttftMs: 250 });

    const stats = await read<TraceStatsAnswer>("/v1/traces/stats?groupBy=feature&period=day");
    expect(stats.rows).toEqual([expect.objectContaining({ period: "2026-03-04", key: "search", traces: 2, llmCallsPerTrace: 4, errors: 1 })]);
    expect(stats.rows[0]!.p50.retrievalMs! / 120).toBeCloseTo(1, 1);

    const sessions = await read<SessionPage>("/v1/sessions?userId=ann");
    expect(sessions.sessions).toEqual([expect.objectContaining({ id: "conv-1", traces: 2, calls: 8, errors: 1 })]);
    const session = await read<SessionDetail>("/v1/sessions/conv-1");
    expect(session.turns.map((t) => t.traceId)).toEqual([a.trace.id, b.trace.id]);
  });

  it("refuses a bad trace with a 400 naming it and stores the rest of the batch; 404s and 400s for reads", async () => {
    s = await startTestServer({}, kind);
    const { trace, calls } = makeTrace({ startedAt: T });
    const good = makeTrace({ startedAt: T + 1000 });
    const bad = { ...trace, steps: [{ ...trace.steps[0]!, kind: "sql" }] };
    const future = { ...good.trace, id: "f".repeat(32), startedAt: 9e15 };
    const r = await s.post("/v1/calls", { v: 1, sentAt: T, calls, traces: [bad, good.trace, future] });
    expect(r.status).toBe(400);
    const answer = await r.json();
    expect(answer.error).toMatch(/^2 of 3 traces refused; the rest are stored\. First: traces\[0\]\.steps\[0\]\.kind must be one of/);
    expect(answer.rejectedTraces.map((x: { index: number; id: string }) => [x.index, x.id])).toEqual([[0, trace.id], [2, "f".repeat(32)]]);
    expect(answer.rejectedTraces[1].error).toBe("traces[2].startedAt is more than a day ahead of the collector's clock (epoch ms expected)");
    expect(answer).toMatchObject({ inserted: 4, traces: { accepted: 1, inserted: 1 } });
    expect(s.collector.counters()).toMatchObject({ callsRejected: 0, tracesRejected: 2, tracesReceived: 3, tracesInserted: 1 });
    expect(await s.store.count()).toBe(4);
    expect((await s.get(`/v1/traces/${good.trace.id}`)).status).toBe(200);
    // the refused trace's calls are stored: its page is made of them, without a trace record
    const callsOnly = await read<TraceDetail>(`/v1/traces/${trace.id}`);
    expect(callsOnly.trace).toBeUndefined();
    expect(callsOnly.rows.map((r) => r.id)).toEqual(calls.map((c) => c.id));
    expect((await s.get(`/v1/traces/${"0".repeat(32)}`)).status).toBe(404);
    expect((await s.get("/v1/sessions/nobody")).status).toBe(404);
    for (const q of ["minDurationMs=-1", "hasError=yes", "minCostUSD=cheap", "cursor=zzz", "limit=0"]) {
      expect((await s.get(`/v1/traces?${q}`)).status, q).toBe(400);
    }
    expect((await s.get("/v1/traces/stats?groupBy=model")).status).toBe(400);
    expect((await s.get("/v1/sessions?cursor=zzz")).status).toBe(400);
    // reads take the read key
    expect((await fetch(`${s.url}/v1/traces`)).status).toBe(401);
    expect((await fetch(`${s.url}/v1/sessions`, { headers: { authorization: "Bearer wk_test_write" } })).status).toBe(401);
  });
});
