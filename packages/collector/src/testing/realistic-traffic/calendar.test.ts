import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded-random.ts";
import { regionalHolidays } from "./calendar.ts";
import { incidentRegion, planRealisticIncident, planRealisticIncidents, REALISTIC_KINDS } from "./incident-plan.ts";

const SPAN = { first: 20_000, last: 20_400 };

describe("regional holidays", () => {
  it("fall on about one working day in twenty, per region", () => {
    const holidays = regionalHolidays(SPAN.first, SPAN.last, seededRandom(3));
    for (const days of Object.values(holidays)) expect(days.size).toBeGreaterThan(8), expect(days.size).toBeLessThan(30);
  });

  it("spare the days an incident keeps at work and leave every other day as drawn without them", () => {
    const free = regionalHolidays(SPAN.first, SPAN.last, seededRandom(3));
    const kept = [...free.eu].slice(0, 2);
    const held = regionalHolidays(SPAN.first, SPAN.last, seededRandom(3), (region, day) => region === "eu" && kept.includes(day));
    expect(kept).toHaveLength(2);
    expect([...held.eu]).toEqual([...free.eu].filter((d) => !kept.includes(d)));
    expect(held.us).toEqual(free.us);
    expect(held.apac).toEqual(free.apac);
  });
});

describe("an incident's region", () => {
  it("is its department's for people, prompts and features, the new department's for an onboarding, none for a provider", () => {
    const random = seededRandom(1);
    const regions = new Map(planRealisticIncidents(REALISTIC_KINDS.length, SPAN.first, 2, random).map((i) => [i.kind, incidentRegion(i)]));
    expect(regions.get("department_onboarding")).toBe("apac");
    expect(regions.get("latency_degradation")).toBeUndefined();
    expect(regions.get("prompt_change")).toMatch(/^(eu|us|apac)$/);
    expect(regions.get("runaway_loop")).toMatch(/^(eu|us|apac)$/);
    expect(incidentRegion(planRealisticIncident("nightly_script", SPAN.first, random, 0))).toBeUndefined();
  });
});
