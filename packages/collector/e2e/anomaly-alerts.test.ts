// Anomalies as alerts over real HTTP on 127.0.0.1: 30 days of generated
// traffic already stored, then the day of an injected runaway client POSTed to
// /v1/calls; the alert engine raises an anomaly whose message names the user,
// and /v1/alerts/:id/rca explains the stored alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Alert } from "../src/alerts/alert.ts";
import { dayStart } from "../src/store/time-buckets.ts";
import { planIncident } from "../src/testing/incidents.ts";
import { seededRandom } from "../src/testing/seeded-random.ts";
import { startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { generateDay } from "../src/testing/traffic-generator.ts";

const FIRST = Date.UTC(2026, 0, 5) / 86_400_000;
const INCIDENT_DAY = FIRST + 30;
const BATCH = 100;
let t: TestServer;
const random = seededRandom(11);
const incident = planIncident("runaway_loop", INCIDENT_DAY, random);

beforeAll(async () => {
  // the incident day arrives at 23:00 in one go (an outbox catching up), then the
  // next day's traffic goes on live: the caught-up day is scored whole then
  let clock = dayStart(INCIDENT_DAY) + 23 * 3_600_000;
  t = await startTestServer({ now: () => clock });
  for (let day = FIRST; day < INCIDENT_DAY; day++) await t.store.ingest(generateDay(day, { callsPerDay: 600, random, incidents: [] }), dayStart(day));
  const calls = generateDay(INCIDENT_DAY, { callsPerDay: 600, random, incidents: [incident] });
  for (let i = 0; i < calls.length; i += BATCH) {
    const res = await t.post("/v1/calls", { v: 1, sentAt: dayStart(INCIDENT_DAY), calls: calls.slice(i, i + BATCH) });
    expect(res.status).toBeLessThan(300);
  }
  const next = generateDay(INCIDENT_DAY + 1, { callsPerDay: 600, random, incidents: [] }).sort((a, b) => a.startedAt - b.startedAt).slice(0, 20);
  clock = next.at(-1)!.startedAt + 1_000;
  expect((await t.post("/v1/calls", { v: 1, sentAt: clock, calls: next })).status).toBeLessThan(300);
  await t.collector.flush();
}, 60_000);
afterAll(() => t.close());

describe("anomaly alerts", () => {
  it("fires for the runaway client's day, names the user, and is explained at /v1/alerts/:id/rca", async () => {
    const res = await t.get("/v1/alerts?kind=anomaly");
    expect(res.status).toBe(200);
    const { alerts } = (await res.json()) as { alerts: Alert[] };
    const requests = alerts.find((a) => a.subject === "calls");
    expect(requests, JSON.stringify(alerts.map((a) => a.message))).toBeDefined();
    expect(requests!.message).toContain(`user=${incident.cause.key}`);
    // each measure is raised once for the day, however many batches arrived
    expect(new Set(alerts.map((a) => a.dedupKey)).size).toBe(alerts.length);
    const rca = await t.get(`/v1/alerts/${requests!.id}/rca`);
    expect(rca.status).toBe(200);
    const body = (await rca.json()) as { rootCause: { metric: string; causes: { dimension: string; key: string }[] } };
    expect(body.rootCause.metric).toBe("calls");
    expect(body.rootCause.causes[0]).toMatchObject({ dimension: "user", key: incident.cause.key });
  });
});
