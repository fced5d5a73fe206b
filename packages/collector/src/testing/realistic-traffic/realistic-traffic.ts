// Months of an organisation's LLM traffic, day by day, deterministic for a
// seed: heavy-tailed people who come and go, take vacations and keep their
// regions' holidays, using multi-step features on the models they prefer,
// with the planned incidents bent in.
import type { LLMCall } from "@llmscope/core";
import { dayStart, HOUR_MS } from "../../store/time-buckets.ts";
import type { Random } from "../seeded-random.ts";
import { drawUtcHour, HOLIDAY_LEVEL, isWeekend, regionalHolidays } from "./calendar.ts";
import { callOf } from "./call-record.ts";
import { effectsFor, incidentCalls, retriesOf } from "./incident-effects.ts";
import { incidentRegion, type RealisticIncident } from "./incident-plan.ts";
import { DEPARTMENTS, onboardingDepartment, type Department, type Feature, type Region } from "./organisation.ts";
import { isAway, peopleOf, type Person } from "./people.ts";

export interface RealisticTraffic {
  people: Person[];
  /** every call of one day, oldest first */
  generateDay(day: number): LLMCall[];
}

export function realisticTraffic(span: { firstDay: number; lastDay: number }, incidents: readonly RealisticIncident[], random: Random): RealisticTraffic {
  const departments = new Map<string, Department>(DEPARTMENTS.map((d) => [d.name, d]));
  const people = DEPARTMENTS.flatMap((d) => peopleOf(d, span, random));
  for (const i of incidents) {
    if (i.kind !== "department_onboarding") continue;
    const d = onboardingDepartment(i.target);
    departments.set(d.name, d);
    people.push(...peopleOf(d, span, random, i.day));
  }
  // an incident's region works on its days: the planner puts incidents on working days, and a
  // public holiday there would leave the incident nobody to happen to
  const atWork = (region: Region, day: number) => incidents.some((i) => day >= i.day && day <= i.lastDay && incidentRegion(i) === region);
  const holidays = regionalHolidays(span.firstDay, span.lastDay, random, atWork);
  return {
    people,
    generateDay(day) {
      // the whole organisation has better and worse days
      const dayNoise = random.logNormal(0.08);
      const calls: LLMCall[] = [];
      for (const person of people) {
        if (isAway(person, day)) continue;
        const level = (isWeekend(day) ? person.weekendShare : 1) * (holidays[person.region].has(day) ? HOLIDAY_LEVEL : 1);
        if (random.next() > person.activeShare * Math.min(1, level * 3)) continue;
        // a person's own day varies a lot: meetings, deadlines, a quiet afternoon
        const uses = random.poisson(person.usesPerDay * level * dayNoise * random.logNormal(0.5));
        const features = departments.get(person.department)!.features;
        for (let u = 0; u < uses; u++) calls.push(...useOf(person, pickFeature(features, random), day, person.region, incidents, random));
      }
      calls.push(...incidentCalls(incidents, day, people, random));
      return calls.filter((c) => c.startedAt < dayStart(day + 1)).sort((a, b) => a.startedAt - b.startedAt);
    },
  };
}

function pickFeature(features: readonly Feature[], random: Random): Feature {
  let r = random.next() * features.reduce((s, f) => s + f.usesPerHour, 0);
  for (const f of features) if ((r -= f.usesPerHour) < 0) return f;
  return features[0]!;
}

/** one use of a feature: its steps one after another, each a call */
function useOf(person: Person, feature: Feature, day: number, region: Region, incidents: readonly RealisticIncident[], random: Random): LLMCall[] {
  const { hour } = drawUtcHour(region, random);
  let at = dayStart(day) + hour * HOUR_MS + random.int(HOUR_MS);
  const calls: LLMCall[] = [];
  for (const step of feature.steps) {
    const effects = effectsFor(incidents, person, feature.name, step, at, random);
    const call = callOf({ person, feature: feature.name, step, at, random, effects });
    calls.push(call, ...retriesOf(incidents, call, person, step, random));
    at += (call.timing.durationMs ?? 500) + 50 + random.int(300);
    if (call.error) break;
  }
  return calls;
}
