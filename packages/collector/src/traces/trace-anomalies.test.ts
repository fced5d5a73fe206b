// Trace anomalies and their step root cause over HTTP on 127.0.0.1, both stores.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeTrace } from "../testing/make-trace.ts";
import type { TraceAnomalyAnswer } from "./api-types.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const DAY = 86_400_000;
const LAST = Date.UTC(2026, 2, 30);
const FIRST = LAST - 28 * DAY;
const PER_DAY = 72; // one every 20 minutes

describe.each(TEST_STORE_KINDS)("GET /v1/traces/anomalies (%s store)", (kind) => {
  it("names the step that made requests slow and since when, and flags a rise in LLM calls per request", { timeout: 120_000 }, async () => {
    s = await startTestServer({ alerts: false }, kind);
    const traces = [];
    for (let day = FIRST; day <= LAST; day += DAY) {
      for (let i = 0; i < PER_DAY; i++) {
        const at = day + i * 20 * 60_000 + 60_000;
        const broken = day === LAST && at >= day + (14 * 60 + 5) * 60_000;
        traces.push(makeTrace({ startedAt: at, name: "search", tags: { feature: "search" }, calls: 2, steps: 2, retrievalMs: broken ? 1900 + (i % 7) * 10 : 170 + (i % 5) * 5 }).trace);
        traces.push(makeTrace({ startedAt: at + 1, name: "agent", tags: { feature: "chat" }, calls: day === LAST ? 12 : 4, steps: 1 }).trace);
      }
    }
    for (let i = 0; i < traces.length; i += 500) await s.store.traces!.ingest(traces.slice(i, i + 500), LAST);
    const answer = (await (await s.get(`/v1/traces/anomalies?from=${LAST}&to=${LAST + DAY}`)).json()) as TraceAnomalyAnswer;
    const slow = answer.anomalies.find((a) => a.dimension === "feature" && a.key === "search" && a.measure === "p95.durationMs")!;
    expect(slow.rootCause).toMatchObject({ component: "retrievalMs", stepKind: "retrieval", stepName: "vector-search", since: LAST + (14 * 60 + 21) * 60_000 });
    expect(slow.rootCause!.sentence).toMatch(/^p95 request time \+\d+ % — retrieval step `vector-search` 180 ms → 1\.9 s in feature=search, since 14:21$/);
    const loop = answer.anomalies.find((a) => a.dimension === "feature" && a.key === "chat" && a.measure === "llmCallsPerTrace")!;
    expect(loop).toMatchObject({ value: 12, expected: 4 });
    expect(loop.message).toBe("LLM calls per request +200 % in feature=chat on 2026-03-30: 4.0 → 12.0");
    // three times the calls, three times the model's time: the chat requests' time is explained by their LLM calls
    const chatTime = answer.anomalies.find((a) => a.key === "chat" && a.measure === "p95.durationMs")!;
    expect(chatTime.rootCause).toMatchObject({ component: "llmMs", since: LAST + 60_001 });
    expect(chatTime.rootCause!.stepName).toBeUndefined();
    // the whole app sees the retrieval change too, from the same request on
    const all = answer.anomalies.find((a) => a.dimension === "all" && a.measure === "p95.retrievalMs")!;
    expect(all.rootCause).toMatchObject({ stepName: "vector-search", since: LAST + (14 * 60 + 21) * 60_000 });
    // and names the one feature whose requests carry it
    expect(all.rootCause!.sentence).toMatch(/ in feature=search, since 14:21$/);
    // nothing before the last day
    const quiet = (await (await s.get(`/v1/traces/anomalies?from=${LAST - 3 * DAY}&to=${LAST}`)).json()) as TraceAnomalyAnswer;
    expect(quiet.anomalies).toEqual([]);
    expect((await s.get("/v1/traces/anomalies?threshold=-1")).status).toBe(400);
    // the same, beside the call anomalies
    const both = (await (await s.get(`/v1/anomalies?from=${LAST}&to=${LAST + DAY}`)).json()) as { traceAnomalies: TraceAnomalyAnswer["anomalies"] };
    expect(both.traceAnomalies.map((a) => a.message)).toEqual(answer.anomalies.map((a) => a.message));
  });
});
