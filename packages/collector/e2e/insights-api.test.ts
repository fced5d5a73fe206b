// GET /v1/anomalies, GET /v1/alerts/:id/rca and POST /v1/estimate over real
// HTTP on 127.0.0.1, against a real SQLite store holding generated traffic
// with one injected runaway client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayStart } from "../src/store/time-buckets.ts";
import { planIncident } from "../src/testing/incidents.ts";
import { seededRandom } from "../src/testing/seeded-random.ts";
import { READ_KEY, startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { generateDay } from "../src/testing/traffic-generator.ts";
import { NEW_TEMPLATE, OLD_TEMPLATE, fixtureSamples } from "../src/testing/prompt-change-fixture.ts";

const FIRST = Date.UTC(2026, 0, 5) / 86_400_000;
const INCIDENT_DAY = FIRST + 30;
let t: TestServer;
const random = seededRandom(5);
const incident = planIncident("runaway_loop", INCIDENT_DAY, random);

beforeAll(async () => {
  t = await startTestServer({ alerts: false, now: () => dayStart(INCIDENT_DAY + 1) });
  for (let day = FIRST; day <= INCIDENT_DAY; day++) await t.store.ingest(generateDay(day, { callsPerDay: 600, random, incidents: [incident] }), dayStart(day));
}, 60_000);
afterAll(() => t.close());

const postEstimate = (body: unknown, key: string | null = READ_KEY) =>
  fetch(`${t.url}/v1/estimate`, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });

describe("insights over HTTP", () => {
  it("lists the injected day's anomalies and names the runaway user as the cause", async () => {
    const res = await t.get(`/v1/anomalies?from=${dayStart(INCIDENT_DAY - 2)}&to=${dayStart(INCIDENT_DAY + 1)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { anomalies: { day: number; dimension: string; key: string }[]; rootCause: { causes: { dimension: string; key: string }[]; sentence: string } };
    expect(body.anomalies.some((a) => a.day === INCIDENT_DAY && a.dimension === "user" && a.key === incident.cause.key)).toBe(true);
    expect(body.rootCause.causes[0]).toMatchObject({ dimension: "user", key: incident.cause.key });
    expect(body.rootCause.sentence).toContain(`user=${incident.cause.key}`);
    expect((await t.get("/v1/anomalies?metric=nope")).status).toBe(400);
  });

  it("serves hour rows from /v1/stats that add up to the day's, for the dimensions kept per hour", async () => {
    const range = `from=${dayStart(INCIDENT_DAY)}&to=${dayStart(INCIDENT_DAY + 1)}`;
    const hours = (await (await t.get(`/v1/stats?groupBy=user&period=hour&${range}`)).json()) as { rows: { period: string; key: string; calls: number }[] };
    const days = (await (await t.get(`/v1/stats?groupBy=user&period=day&${range}`)).json()) as { rows: { key: string; calls: number }[] };
    const runaway = hours.rows.filter((r) => r.key === incident.cause.key);
    expect(runaway.every((r) => /^\d{4}-\d\d-\d\dT\d\d:00$/.test(r.period))).toBe(true);
    expect(runaway.reduce((s, r) => s + r.calls, 0)).toBe(days.rows.find((r) => r.key === incident.cause.key)!.calls);
    // the loop's hours stand out from the user's other hours
    const busiest = runaway.sort((a, b) => b.calls - a.calls)[0]!;
    expect(Number(busiest.period.slice(11, 13))).toBeGreaterThanOrEqual(incident.startHour);
    expect(Number(busiest.period.slice(11, 13))).toBeLessThan(incident.endHour);
    const bad = await t.get(`/v1/stats?groupBy=promptId&period=hour&${range}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/groupBy must be one of all, provider/);
  });

  it("explains a stored alert, and answers 404 for an unknown one", async () => {
    const alert = { id: "alert-1", kind: "daily_tokens" as const, subject: "day", value: 2, baseline: 1, threshold: 1.2, message: "m", evidence: [], firedAt: dayStart(INCIDENT_DAY) + 20 * 3_600_000, dedupKey: "daily_tokens:test" };
    expect(await t.store.recordAlert(alert, 0)).toBe(true);
    const res = await t.get("/v1/alerts/alert-1/rca");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rootCause: { metric: string; causes: { dimension: string; key: string }[] } };
    expect(body.rootCause.metric).toBe("tokens");
    expect(body.rootCause.causes[0]).toMatchObject({ dimension: "user", key: incident.cause.key });
    expect((await t.get("/v1/alerts/nope/rca")).status).toBe(404);
  });

  it("estimates a prompt change with the read key and rejects bad input clearly", async () => {
    const res = await postEstimate({ old: OLD_TEMPLATE, new: NEW_TEMPLATE, samples: fixtureSamples(20, 3), outputPerInput: 1.2 });
    expect(res.status).toBe(200);
    const estimate = (await res.json()) as { tokensRatio: number };
    expect(estimate.tokensRatio).toBeGreaterThan(3);
    expect((await postEstimate({ old: OLD_TEMPLATE, new: NEW_TEMPLATE, samples: [{}] }, null)).status).toBe(401);
    const missing = await postEstimate({ old: "{{a}}", new: "{{b}}", samples: [{ a: 1 }] });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/no "b"/);
    expect((await postEstimate({ old: "x", new: "y", samples: "nope" })).status).toBe(400);
  });
});
