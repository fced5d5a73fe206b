// The report's anomalies part on generated traffic with one injected runaway
// client: the incident day is listed with the runaway user as its cause, in
// the terminal, JSON and HTML forms; quiet periods say so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayStart } from "../../store/time-buckets.ts";
import { planIncident } from "../../testing/incidents.ts";
import { seededRandom } from "../../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../../testing/temp-store.ts";
import { generateDay } from "../../testing/traffic-generator.ts";
import { buildAnomalyReport, plural, signedScore } from "./anomaly-report.ts";
import { buildReport } from "./build-report.ts";
import { renderHtml } from "./render-html.ts";
import { renderTerminal } from "./render-terminal.ts";

const FIRST = Date.UTC(2026, 0, 5) / 86_400_000;
const INCIDENT_DAY = FIRST + 30;
const random = seededRandom(11);
const incident = planIncident("runaway_loop", INCIDENT_DAY, random);
let temp: TempStore;

beforeAll(async () => {
  temp = openTempStore();
  for (let day = FIRST; day <= INCIDENT_DAY + 2; day++) await temp.store.ingest(generateDay(day, { callsPerDay: 500, random, incidents: [incident] }), dayStart(day));
}, 60_000);
afterAll(() => temp.close());

describe("anomalies in the report", () => {
  it("lists the incident day with the runaway user first, in every form", async () => {
    const report = await buildReport(temp.store, dayStart(INCIDENT_DAY - 3), dayStart(INCIDENT_DAY + 3));
    const day = report.anomalies.days.find((d) => d.day === INCIDENT_DAY);
    expect(day, JSON.stringify(report.anomalies.days.map((d) => d.dayLabel))).toBeDefined();
    expect(day!.cause).toMatchObject({ dimension: "user", key: incident.cause.key });
    expect(day!.sentence).toContain(`user=${incident.cause.key}`);
    expect(day!.top.length).toBeLessThanOrEqual(5);
    expect(day!.top.length).toBeGreaterThan(0);
    expect(day!.anomalies).toBeGreaterThanOrEqual(day!.top.length);
    // strongest first
    const scores = day!.top.map((a) => Math.abs(a.score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // newest first
    const order = report.anomalies.days.map((d) => d.day);
    expect([...order].sort((a, b) => b - a)).toEqual(order);

    const text = renderTerminal(report);
    expect(text).toContain("Anomalies (");
    expect(text).toContain(day!.sentence!);
    expect(text).toContain(day!.top[0]!.message);
    const html = renderHtml(report);
    expect(html).toContain("<h2>Anomalies</h2>");
    expect(html).toContain(`user=${incident.cause.key}`);
    // JSON carries no Infinity or NaN (they would turn into null)
    const json = JSON.parse(JSON.stringify(report.anomalies));
    expect(json).toEqual(report.anomalies);
  });

  it("caps the days listed and counts the rest", async () => {
    const all = await buildAnomalyReport(temp.store, INCIDENT_DAY - 3, INCIDENT_DAY + 2, { now: dayStart(INCIDENT_DAY + 3) });
    const capped = await buildAnomalyReport(temp.store, INCIDENT_DAY - 3, INCIDENT_DAY + 2, { now: dayStart(INCIDENT_DAY + 3), maxDays: 1, perDay: 2 });
    expect(capped.days).toHaveLength(1);
    expect(capped.days[0]!.day).toBe(all.days[0]!.day);
    expect(capped.moreDays).toBe(all.days.length - 1);
    expect(capped.days[0]!.top.length).toBeLessThanOrEqual(2);
  });

  it("says so when the period is quiet", async () => {
    const quiet = await buildReport(temp.store, dayStart(FIRST + 20), dayStart(FIRST + 23));
    expect(quiet.anomalies).toEqual({ days: [], moreDays: 0, historyDays: 23 });
    expect(renderTerminal(quiet)).toContain("Anomalies\n  none. Every day stayed within its usual range.");
    expect(renderHtml(quiet)).toContain("Every day stayed within its usual range.");
  });

  it("says a store with too little history was not judged, rather than calling it quiet", async () => {
    const young = await buildReport(temp.store, dayStart(FIRST), dayStart(FIRST + 1));
    expect(young.anomalies).toEqual({ days: [], moreDays: 0, historyDays: 1 });
    expect(renderTerminal(young)).toContain("Not judged yet: a day is judged against the days before it, and that needs 14 days with calls; there is 1 so far.");
    expect(renderHtml(young)).toContain("Not judged yet");
    expect(renderHtml(young)).not.toContain("within its usual range");
  });

  it("words counts and scores the way a person reads them", () => {
    expect(plural(1, "anomaly")).toBe("1 anomaly");
    expect(plural(3, "more anomalous day")).toBe("3 more anomalous days");
    expect(plural(2, "anomaly")).toBe("2 anomalies");
    expect(signedScore(45.06)).toBe("+45.1");
    expect(signedScore(-7.2)).toBe("−7.2");
  });
});
