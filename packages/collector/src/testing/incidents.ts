// Incidents of known cause and start time, injected into generated traffic.
// Each lasts from its start hour to its end hour on one day and then reverts,
// so the evaluation can place many of them on one timeline.
import type { Random } from "./seeded-random.ts";
import { BACKGROUND_ERRORS, MODEL_PROVIDER, PROMPTS, USERS_PER_DEPARTMENT } from "./traffic-model.ts";

export const INCIDENT_KINDS = ["prompt_change", "model_switch", "runaway_loop", "latency_degradation", "error_burst"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Incident {
  kind: IncidentKind;
  /** day number (days since the epoch, UTC) */
  day: number;
  startHour: number;
  endHour: number;
  /** the dimension and key root-cause analysis should name */
  cause: { dimension: "promptId" | "model" | "user" | "provider" | "errorKind"; key: string };
  /** prompt_change: token multiplier; runaway_loop: calls per hour; latency: slowdown factor; error_burst: share failing */
  magnitude: number;
  /** model_switch: the model whose traffic moves to cause.key */
  fromModel?: string;
}

/** models nobody uses on a normal day: a switch to one is a change of default */
const SWITCH_TARGETS: [from: string, to: string][] = [
  ["gpt-4o-mini", "gpt-4.1"],
  ["claude-haiku-4-5", "claude-opus-4-1"],
  ["gpt-4.1-mini", "gpt-4.1"],
];

export function planIncident(kind: IncidentKind, day: number, random: Random): Incident {
  const startHour = 8 + random.int(5);
  const base = { kind, day, startHour };
  switch (kind) {
    case "prompt_change": {
      const prompt = random.pick(PROMPTS);
      return { ...base, endHour: 24, cause: { dimension: "promptId", key: prompt.promptId }, magnitude: 3.3 };
    }
    case "model_switch": {
      const [fromModel, to] = random.pick(SWITCH_TARGETS);
      return { ...base, endHour: 24, cause: { dimension: "model", key: to }, magnitude: 1, fromModel };
    }
    case "runaway_loop": {
      const department = random.pick(Object.keys(USERS_PER_DEPARTMENT));
      const user = `${department}-${random.int(USERS_PER_DEPARTMENT[department]!)}`;
      return { ...base, endHour: startHour + 3 + random.int(4), cause: { dimension: "user", key: user }, magnitude: 250 + random.int(250) };
    }
    case "latency_degradation": {
      const provider = random.pick([...new Set(Object.values(MODEL_PROVIDER))]);
      return { ...base, endHour: startHour + 5 + random.int(4), cause: { dimension: "provider", key: provider }, magnitude: 3 + random.next() * 2 };
    }
    case "error_burst": {
      const kindOfError = random.pick(BACKGROUND_ERRORS.kinds);
      return { ...base, endHour: startHour + 2 + random.int(3), cause: { dimension: "errorKind", key: kindOfError }, magnitude: 0.3 + random.next() * 0.2 };
    }
  }
}

/** one incident every `spacing` days after `firstDay`, kinds in rotation */
export function planIncidents(count: number, firstDay: number, spacing: number, random: Random): Incident[] {
  return Array.from({ length: count }, (_, i) => planIncident(INCIDENT_KINDS[i % INCIDENT_KINDS.length]!, firstDay + i * spacing, random));
}
