// The people behind the traffic. A few power users make a large share of the
// calls and most are light and irregular (a Pareto spread of activity); some
// join or leave during the span; everyone takes a vacation or two; each has a
// model they prefer where a feature offers a choice.
import type { Random } from "../seeded-random.ts";
import type { Department, Feature, Region } from "./organisation.ts";

export interface Person {
  id: string;
  department: string;
  region: Region;
  /** feature uses on a day they work with it, before day-to-day noise */
  usesPerDay: number;
  /** chance they use the tools at all on a working day */
  activeShare: number;
  /** share of their weekday level they keep on weekends */
  weekendShare: number;
  joinDay: number;
  leaveDay: number;
  /** [from, to] inclusive day ranges away */
  vacations: [number, number][];
  /** feature name → the model they pick */
  preferred: Record<string, string>;
}

/** Pareto with tail index 1.2: the busiest tenth of people make about half the calls */
const PARETO_ALPHA = 1.2;

function pickPreferred(feature: Feature, random: Random): string {
  // the first model is the most popular: weights 1, 1/2, 1/3 …
  const weights = feature.models.map((_, i) => 1 / (i + 1));
  let r = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return feature.models[i]!;
  return feature.models[0]!;
}

function vacationsOf(firstDay: number, lastDay: number, random: Random): [number, number][] {
  const out: [number, number][] = [];
  const count = random.int(3);
  for (let i = 0; i < count; i++) {
    const start = firstDay + random.int(lastDay - firstDay + 1);
    out.push([start, start + 7 + random.int(8)]);
  }
  return out;
}

/** everyone in a department; `from` makes them all join on that day (an onboarding) */
export function peopleOf(department: Department, span: { firstDay: number; lastDay: number }, random: Random, from?: number): Person[] {
  const days = span.lastDay - span.firstDay + 1;
  return Array.from({ length: department.people }, (_, i): Person => {
    const weight = Math.min(60, Math.pow(1 - random.next(), -1 / PARETO_ALPHA));
    const joins = from === undefined && random.next() < 0.15;
    const leaves = from === undefined && random.next() < 0.1;
    return {
      id: `${department.name}-${String(i + 1).padStart(2, "0")}`,
      department: department.name,
      region: department.region,
      usesPerDay: 1.5 * weight,
      activeShare: Math.min(1, 0.3 + 0.15 * weight),
      weekendShare: random.next() < 0.1 ? 0.3 : 0.03,
      joinDay: from ?? (joins ? span.firstDay + random.int(days) : -Infinity),
      leaveDay: leaves ? span.firstDay + random.int(days) : Infinity,
      vacations: vacationsOf(span.firstDay, span.lastDay, random),
      preferred: Object.fromEntries(department.features.map((f) => [f.name, pickPreferred(f, random)])),
    };
  });
}

export function isAway(person: Person, day: number): boolean {
  return day < person.joinDay || day >= person.leaveDay || person.vacations.some(([a, b]) => day >= a && day <= b);
}
