// Trace anomalies raised as alerts, on both stores: a day is judged once
// whole when it was caught up, or as it goes when live; a clean day raises
// nothing, a slowed step is named with an example request, and a rise too
// small next to the whole app is left alone.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { traceAnomalyRule } from "./trace-anomaly.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { SLOW_FROM_MS, tracedDay } from "../../testing/trace-traffic.ts";
import { detectTraceAnomalies } from "../../traces/detect-trace-anomalies.ts";
import { dayLabel, dayStart } from "../../store/time-buckets.ts";

const INCIDENT = Date.UTC(2026, 2, 3) / 86_400_000;
const CLEAN = INCIDENT - 1;
/** 16 days before the incident: the least history (half the 28-day window) a day is judged with, and one more */
const FIRST = INCIDENT - 16;
const SENTENCE = /^p95 request time \+\d+ % — retrieval step `vector-search` 180 ms → 1\.9 s in feature=search, since 14:21 on 2026-03-03/;

let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

const feed = (day: number, changes = {}, receivedAt?: number) => {
  const { traces, calls } = tracedDay(day, changes);
  return h.ingest(calls, traces, receivedAt);
};

describe.each(TEST_STORE_KINDS)("trace anomaly alerts (%s store)", (kind) => {
  it("judges a caught-up day once, whole: nothing on a clean day, the slowed step named with an example request", { timeout: 120_000 }, async () => {
    h = alertHarness(traceAnomalyRule, {}, kind);
    const now = Date.now();
    for (let day = FIRST; day < CLEAN; day++) expect(await feed(day, {}, now)).toEqual([]);
    expect(await feed(CLEAN, { fewSlow: true, fewHuge: true }, now)).toEqual([]);
    // the incident day's traces close the clean day, which is judged whole now: nothing, though four slow
    // searches of its 72 make their p95 (the fourth-slowest) twice the usual, within what chance puts above
    // a p95, and three huge ones double their cost per request, which the other 69 do not share
    expect(await feed(INCIDENT, { slowSearch: true, dearTips: true }, now)).toEqual([]);
    const next = tracedDay(INCIDENT + 1);
    const fired = await h.ingest(next.calls.slice(0, 2), next.traces.slice(0, 1), now);
    expect(fired).toHaveLength(1);
    const alert = fired[0]!;
    expect(alert).toMatchObject({ kind: "trace_anomaly", subject: "feature=search p95.durationMs", dedupKey: "trace_anomaly:retrieval:vector-search:2026-03-03", firedAt: dayStart(INCIDENT + 1) - 1 });
    expect(alert.message).toMatch(SENTENCE);
    expect(alert.message).toContain("(also in the whole app)");
    const example = /example request: trace ([0-9a-f]{32}) \(\/v1\/traces\/\1\)$/.exec(alert.message)![1]!;
    const detail = (await h.store.traces!.getTrace(example))!;
    expect(detail.calls[0]!.tags.feature).toBe("search");
    expect(detail.stepRecords.find((s) => s.name === "vector-search")!.durationMs).toBeGreaterThanOrEqual(1800);
    expect(detail.startedAt).toBeGreaterThanOrEqual(dayStart(INCIDENT) + SLOW_FROM_MS);
    expect(alert.evidence).toEqual(detail.calls.map((c) => c.id));
    // the tips' tripled price is unusual, but a sliver of the app's cost: only without the floors is it reported
    const tips = (a: { dimension: string; key: string; measure: string }) => a.key === "tips" && a.measure === "costPerTrace";
    expect((await detectTraceAnomalies(h.store, { fromDay: INCIDENT, toDay: INCIDENT })).filter(tips)).toEqual([]);
    expect((await detectTraceAnomalies(h.store, { fromDay: INCIDENT, toDay: INCIDENT, materiality: { cost: 0 } })).filter(tips)).toHaveLength(1);
    // a series is judged only with half its window of history: 16 days are not half of 40
    expect(await detectTraceAnomalies(h.store, { fromDay: INCIDENT, toDay: INCIDENT, historyDays: 40 })).toEqual([]);
    // more of the next day raises nothing again
    expect(await h.ingest(next.calls.slice(2, 6), next.traces.slice(1, 3), now)).toEqual([]);
    expect(await h.store.listAlerts({ kind: "trace_anomaly" })).toHaveLength(1);
  });
});

describe("trace anomaly alerts on live traffic", () => {
  // the whole app has requests enough to judge hours before the search feature alone does: its cause names the feature
  it("raises the slowed step during the day, once, after the change began", { timeout: 120_000 }, async () => {
    h = alertHarness(traceAnomalyRule);
    for (let day = FIRST; day <= CLEAN; day++) expect(await feed(day)).toEqual([]);
    const { traces, calls } = tracedDay(INCIDENT, { slowSearch: true });
    const fired = [];
    // hour by hour, each batch received as its last request started
    for (let hour = 0; hour < 24; hour++) {
      const inHour = (t: number) => t >= dayStart(INCIDENT) + hour * 3_600_000 && t < dayStart(INCIDENT) + (hour + 1) * 3_600_000;
      fired.push(...(await h.ingest(calls.filter((c) => inHour(c.startedAt)), traces.filter((t) => inHour(t.startedAt)))));
    }
    expect(fired).toHaveLength(1);
    // (the retrieval time's p95 moves further than the request time's, so it is judged first)
    expect(fired[0]!.message).toMatch(/^p95 retrieval time \+\d+ % — retrieval step `vector-search` 180 ms → 1\.9 s in feature=search, since 14:21 on 2026-03-03; example request: trace [0-9a-f]{32} /);
    expect(fired[0]!.firedAt).toBeGreaterThan(dayStart(INCIDENT) + SLOW_FROM_MS);
    expect(fired[0]!.firedAt).toBeLessThan(dayStart(INCIDENT + 1));
    expect(dayLabel(INCIDENT)).toBe("2026-03-03");
  });
});
