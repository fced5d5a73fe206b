// How the planned incidents bend the traffic: the per-call effects (a prompt
// grown, a provider slowed, a cache missed, a new snapshot served) and the
// calls incidents add on their own (a runaway loop, a retry storm, a nightly
// script). Departments onboarding come in as people (see realistic-traffic.ts).
import type { LLMCall } from "@llmscope/core";
import type { Random } from "../seeded-random.ts";
import { dayStart, HOUR_MS } from "../../store/time-buckets.ts";
import { callOf, NO_EFFECTS, type CallEffects } from "./call-record.ts";
import { DEPARTMENTS, MODEL_PROVIDER, type Feature, type Step } from "./organisation.ts";
import type { Person } from "./people.ts";
import type { RealisticIncident } from "./incident-plan.ts";

const begins = (i: RealisticIncident) => dayStart(i.day) + i.startHour * HOUR_MS;
/** a permanent change runs on; the others end at their end hour, a broken cache at noon the day after, a drift after its last day */
function ends(i: RealisticIncident): number {
  if (i.permanent) return Infinity;
  if (i.kind === "cache_break") return dayStart(i.lastDay) + 12 * HOUR_MS;
  return dayStart(i.day) + i.endHour * HOUR_MS;
}
const on = (i: RealisticIncident, at: number) => at >= begins(i) && at < ends(i);

export function effectsFor(incidents: readonly RealisticIncident[], person: Person, feature: string, step: Step, at: number, random: Random): CallEffects {
  let effects: CallEffects | undefined;
  const edit = () => (effects ??= { ...NO_EFFECTS });
  const model = step.model === "preferred" ? person.preferred[feature] : step.model;
  for (const i of incidents) {
    if (!on(i, at)) continue;
    switch (i.kind) {
      case "prompt_change":
        if (step.promptId === i.target) edit().inputFactor *= i.magnitude;
        break;
      case "model_switch":
        if (feature === i.target && step.operation === "chat") edit().model = i.detail!;
        break;
      case "latency_degradation":
        if (MODEL_PROVIDER[effects?.model ?? model!] === i.target) edit().latencyFactor *= i.magnitude;
        break;
      case "error_burst":
        if (MODEL_PROVIDER[model!] === i.target && random.next() < i.magnitude) edit().error = i.detail as CallEffects["error"];
        break;
      case "gradual_drift":
        if (step.promptId === i.target) edit().inputFactor *= 1 + i.magnitude * Math.min(5, Math.floor((at - dayStart(i.day)) / 86_400_000) + 1);
        break;
      case "cache_break":
        if (step.promptId === i.target) edit().cacheBroken = true;
        break;
      case "served_model_change":
        if (model === i.target) Object.assign(edit(), { servedSnapshot: i.detail, outputFactor: i.magnitude, firstTokenFactor: 1.4 });
        break;
    }
  }
  return effects ?? NO_EFFECTS;
}

const featureNamed = (name: string): Feature => DEPARTMENTS.flatMap((d) => d.features).find((f) => f.name === name)!;
const personNamed = (people: readonly Person[], id: string) => people.find((p) => p.id === id);
const lastStep = (f: Feature): Step => f.steps[f.steps.length - 1]!;

/** the calls incidents make by themselves on one day */
export function incidentCalls(incidents: readonly RealisticIncident[], day: number, people: readonly Person[], random: Random): LLMCall[] {
  const out: LLMCall[] = [];
  for (const i of incidents) {
    if (i.kind === "runaway_loop" && i.day === day) {
      const person = personNamed(people, i.target)!;
      const feature = person ? DEPARTMENTS.find((d) => d.name === person.department)!.features[0]! : featureNamed("assist");
      for (let h = i.startHour; h < i.endHour; h++) {
        for (let n = 0; n < i.magnitude; n++) {
          const at = dayStart(day) + h * HOUR_MS + random.int(HOUR_MS);
          out.push(callOf({ person, feature: feature.name, step: lastStep(feature), at, random, effects: { ...NO_EFFECTS, stream: false } }));
        }
      }
    }
    if (i.kind === "nightly_script" && day >= i.day) {
      const step = lastStep(featureNamed("ticket-summary"));
      const script: Person = { ...people[0]!, id: i.target, department: "support", preferred: {} };
      for (let n = 0; n < i.magnitude; n++) {
        const at = dayStart(day) + i.startHour * HOUR_MS + random.int((i.endHour - i.startHour) * HOUR_MS);
        out.push(callOf({ person: script, feature: "ticket-summary", step, at, random, effects: { ...NO_EFFECTS, stream: false } }));
      }
    }
  }
  return out;
}

/** a retry storm: each call of the feature in the storm's hours is retried without backoff, mostly into rate limits */
export function retriesOf(incidents: readonly RealisticIncident[], call: LLMCall, person: Person, step: Step, random: Random): LLMCall[] {
  const storm = incidents.find((i) => i.kind === "retry_storm" && i.target === call.tags.feature && call.startedAt >= begins(i) && call.startedAt < ends(i));
  if (!storm) return [];
  return Array.from({ length: storm.magnitude }, (_, n) =>
    callOf({
      person, feature: storm.target, step, at: call.startedAt + (n + 1) * (500 + random.int(1500)), random,
      effects: { ...NO_EFFECTS, ...(random.next() < 0.8 ? { error: "rate_limit" as const } : {}) },
    }),
  );
}
