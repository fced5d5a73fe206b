// One LLM call of a pipeline step as the recorder would have stored it:
// streamed or not (a non-streamed call's first token arrives with its whole
// body), a cached prompt prefix when the provider's cache hits, now and then
// a huge input, the served snapshot beside the requested model, provider
// prices with cache reads and writes.
import { computeCost, type LLMCall } from "@llmscope/core";
import type { Random } from "../seeded-random.ts";
import { makeCall } from "../make-call.ts";
import { BACKGROUND_ERROR_KINDS, BACKGROUND_ERROR_RATE, MODEL_PROVIDER, PROVIDER_SPEED, SERVED_SNAPSHOT, type Step } from "./organisation.ts";
import type { Person } from "./people.ts";

/** how incidents bend one call; 1 and false leave it as usual */
export interface CallEffects {
  model?: string;
  inputFactor: number;
  outputFactor: number;
  latencyFactor: number;
  firstTokenFactor: number;
  /** the prefix misses the cache and is written again */
  cacheBroken: boolean;
  servedSnapshot?: string;
  /** the error this call fails with, decided by an incident */
  error?: NonNullable<LLMCall["error"]>["kind"];
  /** force streaming on or off (scripts do not stream) */
  stream?: boolean;
}

export const NO_EFFECTS: CallEffects = { inputFactor: 1, outputFactor: 1, latencyFactor: 1, firstTokenFactor: 1, cacheBroken: false };

export interface CallContext {
  person: Person;
  feature: string;
  step: Step;
  at: number;
  random: Random;
  effects: CallEffects;
}

export function callOf({ person, feature, step, at, random, effects }: CallContext): LLMCall {
  const model = effects.model ?? (step.model === "preferred" ? person.preferred[feature]! : step.model);
  const provider = MODEL_PROVIDER[model]!;
  const huge = random.next() < step.hugeInputShare;
  const input = Math.max(5, Math.round(step.inputTokens * random.logNormal(0.45) * (huge ? 15 + random.next() * 20 : 1) * effects.inputFactor));
  const output = step.operation === "embeddings" ? 0 : Math.max(1, Math.round(step.outputTokens * random.logNormal(0.6) * effects.outputFactor));
  // the prefix is cached once warm; an idle prefix expires now and then
  const prefix = Math.min(step.cachedPrefix, input);
  const hit = prefix > 0 && !effects.cacheBroken && random.next() < 0.85;
  const written = prefix > 0 && provider === "anthropic" && !hit ? prefix : 0;
  const stream = effects.stream ?? random.next() < step.streamShare;
  const speed = PROVIDER_SPEED[provider]!;
  const firstToken = speed.firstTokenMs * random.logNormal(0.35) * (1 + input / 40_000) * effects.firstTokenFactor * effects.latencyFactor;
  const duration = firstToken + (output / speed.tokensPerSecond) * 1000 * random.logNormal(0.25) * effects.latencyFactor;
  const errorKind = effects.error ?? (random.next() < BACKGROUND_ERROR_RATE ? random.pick(BACKGROUND_ERROR_KINDS) : undefined);
  const call = makeCall({
    startedAt: at,
    model,
    provider,
    inputTokens: errorKind ? 0 : input,
    outputTokens: errorKind ? 0 : output,
    durationMs: Math.round(errorKind ? firstToken : duration),
    ttftMs: Math.round(stream ? firstToken : duration),
    tags: { userId: person.id, department: person.department, feature, promptId: step.promptId },
    fingerprint: `fp-${step.promptId}`,
    promptText: `${step.promptId} request`,
    ...(errorKind ? { errorKind } : {}),
  });
  call.operation = step.operation;
  call.stream = stream;
  call.responseModel = effects.servedSnapshot ?? SERVED_SNAPSHOT[model]!;
  call.usage = { ...call.usage, cachedInputTokens: hit && !errorKind ? prefix : 0, cacheWriteTokens: errorKind ? 0 : written };
  const cost = errorKind ? undefined : computeCost(call.responseModel, call.usage);
  if (cost) call.cost = cost;
  else delete call.cost;
  return call;
}
