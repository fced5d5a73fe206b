// Realistic traffic for a span of days — daily and weekly seasonality, several
// features and departments, noisy sizes and latencies, a trickle of errors —
// with incidents injected where a plan says. Deterministic for a seed.
import { computeCost, type LLMCall } from "@llmscope/core";
import { dayStart } from "../store/time-buckets.ts";
import type { Incident } from "./incidents.ts";
import { makeCall } from "./make-call.ts";
import type { Random } from "./seeded-random.ts";
import { BACKGROUND_ERRORS, HOUR_SHARE, MODEL_PROVIDER, MODEL_SPEED, PROMPTS, USERS_PER_DEPARTMENT, WEEKDAY_FACTOR, type PromptProfile } from "./traffic-model.ts";
import { weekdayOf } from "../insights/robust-baseline.ts";

const HOUR = 3_600_000;
const TOTAL_WEIGHT = PROMPTS.reduce((s, p) => s + p.weight, 0);

export interface TrafficOptions {
  /** calls on a working day before noise */
  callsPerDay: number;
  random: Random;
  incidents?: readonly Incident[];
}

function pickPrompt(random: Random): PromptProfile {
  let r = random.next() * TOTAL_WEIGHT;
  for (const p of PROMPTS) if ((r -= p.weight) < 0) return p;
  return PROMPTS[PROMPTS.length - 1]!;
}

const active = (i: Incident, at: number) => at >= dayStart(i.day) + i.startHour * HOUR && at < dayStart(i.day) + i.endHour * HOUR;

/** every call of one day, oldest first */
export function generateDay(day: number, options: TrafficOptions): LLMCall[] {
  const { random } = options;
  const incidents = (options.incidents ?? []).filter((i) => i.day === day);
  const dayNoise = random.logNormal(0.05);
  const calls: LLMCall[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const n = random.poisson(options.callsPerDay * WEEKDAY_FACTOR[weekdayOf(day)]! * dayNoise * HOUR_SHARE[hour]!);
    for (let i = 0; i < n; i++) {
      const at = dayStart(day) + hour * HOUR + random.int(HOUR);
      const prompt = pickPrompt(random);
      const user = `${prompt.department}-${random.int(USERS_PER_DEPARTMENT[prompt.department]!)}`;
      calls.push(callOf(prompt, user, at, random, incidents.filter((inc) => active(inc, at))));
    }
  }
  for (const loop of incidents.filter((i) => i.kind === "runaway_loop")) calls.push(...runawayCalls(loop, random));
  return calls.sort((a, b) => a.startedAt - b.startedAt);
}

/** one user's client retrying the same request in a loop */
function runawayCalls(loop: Incident, random: Random): LLMCall[] {
  const user = loop.cause.key;
  const department = user.slice(0, user.lastIndexOf("-"));
  const prompt = PROMPTS.find((p) => p.department === department)!;
  const hours = loop.endHour - loop.startHour;
  const total = Math.round(loop.magnitude * hours);
  const from = dayStart(loop.day) + loop.startHour * HOUR;
  return Array.from({ length: total }, (_, i) => callOf(prompt, user, from + Math.floor((i * hours * HOUR) / total), random, []));
}

function callOf(prompt: PromptProfile, user: string, at: number, random: Random, incidents: Incident[]): LLMCall {
  let model = prompt.model;
  let tokenFactor = 1;
  let slowdown = 1;
  let errorKind: NonNullable<LLMCall["error"]>["kind"] | undefined =
    random.next() < BACKGROUND_ERRORS.rate ? random.pick(BACKGROUND_ERRORS.kinds) : undefined;
  for (const inc of incidents) {
    if (inc.kind === "prompt_change" && inc.cause.key === prompt.promptId) tokenFactor = inc.magnitude;
    if (inc.kind === "model_switch" && inc.fromModel === model) model = inc.cause.key;
    if (inc.kind === "latency_degradation" && MODEL_PROVIDER[model] === inc.cause.key) slowdown = inc.magnitude;
    if (inc.kind === "error_burst" && random.next() < inc.magnitude) errorKind = inc.cause.key as typeof errorKind;
  }
  const inputTokens = Math.max(1, Math.round(prompt.inputTokens * tokenFactor * random.logNormal(0.2)));
  const outputTokens = errorKind ? 0 : Math.max(1, Math.round(prompt.outputTokens * tokenFactor * random.logNormal(0.3)));
  const speed = MODEL_SPEED[model]!;
  const ttftMs = speed.ttftMs * random.logNormal(0.3) * slowdown;
  const durationMs = ttftMs + outputTokens * speed.msPerToken * random.logNormal(0.2) * slowdown;
  const cost = computeCost(model, { inputTokens, outputTokens, source: "provider" });
  return makeCall({
    startedAt: at,
    provider: MODEL_PROVIDER[model]!,
    model,
    tags: { userId: user, department: prompt.department, feature: prompt.feature, promptId: prompt.promptId },
    fingerprint: `fp-${prompt.promptId}`,
    promptText: `${prompt.promptId} request`,
    inputTokens,
    outputTokens,
    costUSD: cost?.totalUSD ?? 0,
    durationMs: Math.round(durationMs),
    ttftMs: Math.round(ttftMs),
    ...(errorKind ? { errorKind } : {}),
  });
}
