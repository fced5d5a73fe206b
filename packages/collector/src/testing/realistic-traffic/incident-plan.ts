// The incidents the realistic model injects: the five the project has always
// tested, written afresh, and six kinds real organisations meet — a drift over
// several days, a broken prompt cache, a provider serving a new snapshot under
// the same alias, a retry storm, a department onboarding and a nightly script.
// Each is sized to matter to the whole organisation (a tenth of a day's
// calls, tokens or cost, or the speed or success of a good part of its calls):
// the detector is meant to stay quiet about changes that do not.
import type { Random } from "../seeded-random.ts";
import { weekdayOf } from "../../insights/robust-baseline.ts";
import { DEPARTMENTS, ONBOARDING_NAMES, onboardingDepartment, REGION_OFFSET, type Region } from "./organisation.ts";

export const REALISTIC_KINDS = [
  "prompt_change", "model_switch", "runaway_loop", "latency_degradation", "error_burst", "gradual_drift",
  "cache_break", "served_model_change", "retry_storm", "department_onboarding", "nightly_script",
] as const;
export type RealisticKind = (typeof REALISTIC_KINDS)[number];

export interface Cause {
  dimension: "promptId" | "model" | "user" | "provider" | "errorKind" | "feature" | "department" | "responseModel";
  key: string;
}

export interface RealisticIncident {
  kind: RealisticKind;
  /** first and last day (days since the epoch, UTC) the incident is scored on; later days count as ordinary */
  day: number;
  lastDay: number;
  /** hours (UTC) of the first day it begins and, for a short one, ends; permanent changes run on after lastDay */
  startHour: number;
  endHour: number;
  /** what root-cause analysis should name first */
  cause: Cause;
  /** other keys that name exactly the same calls (an error burst's provider and its error kind) */
  alternatives?: Cause[];
  /** the thing the incident acts on: a prompt, feature, user, provider, model alias */
  target: string;
  magnitude: number;
  /** model_switch: the model taking over; error_burst: the kind; served_model_change: the new snapshot */
  detail?: string;
  permanent: boolean;
}

// The targets are the prompts and features big enough for the change to matter
// to the whole organisation: a prompt tripling its input adds a tenth to the
// day's tokens only on the busiest prompts, a switch to a dearer model a tenth
// to the day's cost only where the price jump is large, and a broken cache only
// where the cached prefix is most of a costly input.
const BIG_PROMPTS = ["assist.answer", "code-chat.answer"];
const CACHED_PROMPTS = ["contract-qa.answer"];
const SWITCHES: [feature: string, to: string][] = [["email-draft", "claude-opus-4-1"], ["assist", "claude-opus-4-1"], ["code-review", "claude-opus-4-1"]];
const BURSTS: [provider: string, kind: string][] = [["anthropic", "overloaded"], ["openai", "rate_limit"], ["openai", "server"]];
const RETRYING_FEATURES = ["assist", "code-chat", "email-draft"];
const SNAPSHOT_ALIASES = ["gpt-4o", "claude-sonnet-4-5"];

function snapshotName(alias: string, day: number): string {
  const d = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return alias.startsWith("claude") ? `${alias}-${d.replaceAll("-", "")}` : `${alias}-${d}`;
}

/** the region whose people use a feature, a prompt (feature.step) or are a user (department-nn) */
function regionOf(target: string): Region | undefined {
  const name = target.split(".")[0]!;
  return DEPARTMENTS.find((d) => d.features.some((f) => f.name === name) || name.startsWith(`${d.name}-`))?.region;
}

/** the region whose people an incident acts on, if one region's (a department onboarding is its new department's) */
export function incidentRegion(incident: RealisticIncident): Region | undefined {
  return incident.kind === "department_onboarding" ? onboardingDepartment(incident.target).region : regionOf(incident.target);
}

/** an hour (UTC) early in the target's office day, or in the afternoon of Europe and the morning of the Americas for what everyone shares */
function busyHour(target: string, random: Random): number {
  const region = regionOf(target);
  return (region ? 10 - REGION_OFFSET[region] : 13) + random.int(4);
}

export function planRealisticIncident(kind: RealisticKind, day: number, random: Random, serial: number): RealisticIncident {
  const base = { kind, day, lastDay: day, endHour: 24, permanent: false, magnitude: 1 };
  switch (kind) {
    case "prompt_change": {
      const target = random.pick(BIG_PROMPTS);
      return { ...base, startHour: busyHour(target, random), cause: { dimension: "promptId", key: target }, target, magnitude: 2.5 + random.next() };
    }
    case "model_switch": {
      const [target, to] = random.pick(SWITCHES);
      return { ...base, startHour: busyHour(target, random), cause: { dimension: "model", key: to }, target, detail: to };
    }
    case "runaway_loop": {
      const department = random.pick(DEPARTMENTS);
      const target = `${department.name}-${String(1 + random.int(department.people)).padStart(2, "0")}`;
      const startHour = busyHour(target, random);
      return { ...base, startHour, endHour: startHour + 3 + random.int(4), cause: { dimension: "user", key: target }, target, magnitude: 200 + random.int(200) };
    }
    case "latency_degradation": {
      const target = random.pick(["openai", "anthropic"]);
      const startHour = busyHour(target, random);
      return { ...base, startHour, endHour: startHour + 4 + random.int(5), cause: { dimension: "provider", key: target }, target, magnitude: 3 + random.next() * 2 };
    }
    case "error_burst": {
      const [target, errorKind] = random.pick(BURSTS);
      const cause: Cause = { dimension: "provider", key: target };
      const startHour = busyHour(target, random);
      return { ...base, startHour, endHour: startHour + 2 + random.int(3), cause, alternatives: [{ dimension: "errorKind", key: errorKind }], target, detail: errorKind, magnitude: 0.35 + random.next() * 0.2 };
    }
    case "gradual_drift": {
      const target = random.pick(BIG_PROMPTS);
      // the context a prompt gathers grows a quarter of its size a day for five days, and stays
      return { ...base, lastDay: day + 4, startHour: 0, cause: { dimension: "promptId", key: target }, target, magnitude: 0.25, permanent: true };
    }
    case "cache_break": {
      const target = random.pick(CACHED_PROMPTS);
      return { ...base, startHour: busyHour(target, random), lastDay: day + 1, cause: { dimension: "promptId", key: target }, target };
    }
    case "served_model_change": {
      const target = random.pick(SNAPSHOT_ALIASES);
      const detail = snapshotName(target, day + serial);
      return { ...base, startHour: busyHour(target, random), cause: { dimension: "responseModel", key: detail }, target, detail, magnitude: 1.8, permanent: true };
    }
    case "retry_storm": {
      const target = random.pick(RETRYING_FEATURES);
      const startHour = busyHour(target, random);
      // a feature of one step is one prompt: the two keys name the same calls
      const steps = DEPARTMENTS.flatMap((d) => d.features).find((f) => f.name === target)!.steps;
      const alternatives: Cause[] = steps.length === 1 ? [{ dimension: "promptId", key: steps[0]!.promptId }] : [];
      return { ...base, startHour, endHour: startHour + 2 + random.int(2), cause: { dimension: "feature", key: target }, alternatives, target, magnitude: 5 };
    }
    case "department_onboarding": {
      const target = ONBOARDING_NAMES[Math.floor(serial / REALISTIC_KINDS.length) % ONBOARDING_NAMES.length]!;
      return { ...base, startHour: 0, cause: { dimension: "department", key: target }, target, permanent: true };
    }
    case "nightly_script": {
      const target = `svc-nightly-${serial}`;
      return { ...base, startHour: 1, endHour: 3, cause: { dimension: "user", key: target }, target, magnitude: 300 + random.int(250), permanent: true };
    }
  }
}

/** incidents in rotation of kinds, each on a working day (they need people at work to show) and followed by at least `gap` ordinary days */
export function planRealisticIncidents(count: number, firstDay: number, gap: number, random: Random): RealisticIncident[] {
  const out: RealisticIncident[] = [];
  let day = firstDay;
  for (let i = 0; i < count; i++) {
    while (weekdayOf(day) >= 5) day++;
    const incident = planRealisticIncident(REALISTIC_KINDS[i % REALISTIC_KINDS.length]!, day, random, i);
    incident.endHour = Math.min(24, incident.endHour);
    out.push(incident);
    day = incident.lastDay + 1 + gap;
  }
  return out;
}
