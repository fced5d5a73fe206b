// The call a person opens first: on the anomalous day (or hour), within the
// key that explains the change, the earliest call that already looks like the
// new normal. One key's calls for that window, read in time order.
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore } from "../store/call-store.ts";
import type { TimeWindow } from "./time-window.ts";
import type { Metric } from "./metrics.ts";

export interface FirstCall {
  id: string;
  startedAt: number;
}

export const FILTER_FIELD: Record<string, keyof CallFilter> = {
  promptId: "promptId",
  fingerprint: "fingerprint",
  model: "model",
  feature: "feature",
  department: "department",
  user: "userId",
  provider: "provider",
  errorKind: "errorKind",
  responseModel: "responseModel",
};

/** at most this many calls are read looking for the first changed one */
const MAX_READ = 50_000;

type Probe = (call: LLMCall) => number | undefined;
const PROBES: Partial<Record<Metric, Probe>> = {
  tokensPerRequest: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0),
  outputTokensPerRequest: (c) => c.usage.outputTokens,
  costPerRequest: (c) => c.cost?.totalUSD,
  cachedInputPerRequest: (c) => c.usage.cachedInputTokens ?? 0,
  latencyP95: (c) => c.timing.durationMs,
  // a non-streamed call's first token is its whole body
  ttftP95: (c) => (c.stream ? c.timing.ttftMs : undefined),
  quality: (c) => c.quality?.average,
};

export async function firstChangedCall(
  store: CallStore,
  cause: { dimension: string; key: string; before: number | undefined; after: number | undefined },
  metric: Metric,
  window: TimeWindow,
): Promise<FirstCall | undefined> {
  const field = FILTER_FIELD[cause.dimension];
  if (!field) return undefined;
  const filter = { [field]: cause.key, ...window } as Omit<CallFilter, "limit" | "cursor">;
  const probe = PROBES[metric];
  const { before, after } = cause;
  // halfway between the old and the new level separates old calls from new ones
  const midpoint = before !== undefined && after !== undefined ? (before + after) / 2 : undefined;
  const rising = (after ?? 0) >= (before ?? 0);
  let read = 0;
  for await (const call of store.iterateCalls(filter)) {
    if (++read > MAX_READ) break;
    if (metric === "errorRate" && !call.error) continue;
    const v = probe?.(call);
    // a call without the measure (not scored yet, not streamed, failed before a cost) says nothing about it
    if (probe && v === undefined) continue;
    if (probe && midpoint !== undefined && v !== undefined && (rising ? v <= midpoint : v >= midpoint)) continue;
    return { id: call.id, startedAt: call.startedAt };
  }
  return undefined;
}
