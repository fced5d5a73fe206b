// Anomalies as alerts over real HTTP on 127.0.0.1: 30 days of generated
// traffic already stored, then the day of an injected runaway client POSTed to
// /v1/calls, either live (batch by batch as the day goes on, the collector's
// clock following the calls) or all at once late (an outbox catching up); the
// alert engine raises an anomaly whose message names the user, and
// /v1/alerts/:id/rca explains the stored alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import type { Alert } from "../src/alerts/alert.ts";
import { dayStart } from "../src/store/time-buckets.ts";
import { planIncident } from "../src/testing/incidents.ts";
import { seededRandom } from "../src/testing/seeded-random.ts";
import { startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { generateDay } from "../src/testing/traffic-generator.ts";

const FIRST = Date.UTC(2026, 0, 5) / 86_400_000;
const INCIDENT_DAY = FIRST + 30;
const BATCH = 100;

/** a server holding 30 ordinary days, the incident day's calls, and a clock the test sets */
async function scenario(seed: number) {
  const random = seededRandom(seed);
  const incident = planIncident("runaway_loop", INCIDENT_DAY, random);
  const clock = { at: dayStart(INCIDENT_DAY) };
  const t = await startTestServer({ now: () => clock.at });
  for (let day = FIRST; day < INCIDENT_DAY; day++) await t.store.ingest(generateDay(day, { callsPerDay: 600, random, incidents: [] }), dayStart(day));
  const calls = generateDay(INCIDENT_DAY, { callsPerDay: 600, random, incidents: [incident] });
  const next = generateDay(INCIDENT_DAY + 1, { callsPerDay: 600, random, incidents: [] }).slice(0, 20);
  const post = async (batch: LLMCall[]) => expect((await t.post("/v1/calls", { v: 1, sentAt: clock.at, calls: batch })).status).toBeLessThan(300);
  return { t, incident, clock, calls, next, post };
}

async function anomalyAlerts(t: TestServer): Promise<Alert[]> {
  const res = await t.get("/v1/alerts?kind=anomaly");
  expect(res.status).toBe(200);
  return ((await res.json()) as { alerts: Alert[] }).alerts;
}

async function expectExplained(t: TestServer, alert: Alert, user: string) {
  const rca = await t.get(`/v1/alerts/${alert.id}/rca`);
  expect(rca.status).toBe(200);
  const body = (await rca.json()) as { rootCause: { metric: string; causes: { dimension: string; key: string }[] } };
  expect(body.rootCause.metric).toBe("calls");
  expect(body.rootCause.causes[0]).toMatchObject({ dimension: "user", key: user });
}

describe("anomaly alerts, a day caught up late", () => {
  let s: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    s = await scenario(11);
    // the incident day arrives at 23:00 in one go, then the next day's traffic goes on live: the caught-up day is scored whole then
    s.clock.at = dayStart(INCIDENT_DAY) + 23 * 3_600_000;
    for (let i = 0; i < s.calls.length; i += BATCH) await s.post(s.calls.slice(i, i + BATCH));
    s.clock.at = s.next.at(-1)!.startedAt + 1_000;
    await s.post(s.next);
    await s.t.collector.flush();
  }, 180_000);
  afterAll(() => s.t.close());

  it("fires for the runaway client's day, names the user, and is explained at /v1/alerts/:id/rca", async () => {
    const alerts = await anomalyAlerts(s.t);
    const requests = alerts.find((a) => a.subject === "calls");
    expect(requests, JSON.stringify(alerts.map((a) => a.message))).toBeDefined();
    expect(requests!.message).toContain(`user=${s.incident.cause.key}`);
    // each measure is raised once for the day, however many batches arrived
    expect(new Set(alerts.map((a) => a.dedupKey)).size).toBe(alerts.length);
    await expectExplained(s.t, requests!, s.incident.cause.key);
  });
});

describe("anomaly alerts, a day fed live", () => {
  let s: Awaited<ReturnType<typeof scenario>>;
  const firedAt: number[] = [];
  beforeAll(async () => {
    s = await scenario(12);
    // batches of what the last half minute made, received a few seconds after their last call, the whole day
    for (let i = 0; i < s.calls.length; ) {
      const from = s.calls[i]!.startedAt;
      const batch: LLMCall[] = [];
      while (i < s.calls.length && s.calls[i]!.startedAt < from + 30_000 && batch.length < BATCH) batch.push(s.calls[i++]!);
      s.clock.at = batch.at(-1)!.startedAt + 3_000;
      await s.post(batch);
      if (!firedAt.length && (await anomalyAlerts(s.t)).some((a) => a.subject === "calls")) firedAt.push(s.clock.at);
    }
    await s.t.collector.flush();
  }, 300_000);
  afterAll(() => s.t.close());

  it("fires while the loop runs, within the hour after its first hour ends, and names the user", async () => {
    const requests = (await anomalyAlerts(s.t)).find((a) => a.subject === "calls");
    expect(requests, JSON.stringify((await anomalyAlerts(s.t)).map((a) => a.message))).toBeDefined();
    expect(requests!.message).toContain(`user=${s.incident.cause.key}`);
    const firstHourEnds = dayStart(INCIDENT_DAY) + (s.incident.startHour + 1) * 3_600_000;
    expect(firedAt[0]).toBeGreaterThanOrEqual(firstHourEnds);
    expect(firedAt[0]).toBeLessThan(firstHourEnds + 3_600_000);
    await expectExplained(s.t, requests!, s.incident.cause.key);
  });
});
