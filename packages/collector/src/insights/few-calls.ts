// A rare huge input (a whole contract pasted in, a long log) can make a
// user's or a prompt's day look like a tripling on its own. Real changes move
// many calls; so a size or cost point is read again without its three largest
// calls, and dropped when what is left is no longer unusual: the day was
// carried by a few calls, which the calls list shows anyway.
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore, StatsDimension } from "../store/call-store.ts";
import { FILTER_FIELD } from "./first-changed-call.ts";
import type { Metric } from "./metrics.ts";
import { windowOf } from "./time-window.ts";

/** the calls that may carry a point alone */
const FEW = 3;
/** at most this many calls are read for one point */
const MAX_READ = 20_000;

const SIZE: Partial<Record<Metric, { perCall: (c: LLMCall) => number; mean: boolean }>> = {
  tokens: { perCall: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0), mean: false },
  tokensPerRequest: { perCall: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0), mean: true },
  outputTokensPerRequest: { perCall: (c) => c.usage.outputTokens ?? 0, mean: true },
  cost: { perCall: (c) => c.cost?.totalUSD ?? 0, mean: false },
  costPerRequest: { perCall: (c) => c.cost?.totalUSD ?? 0, mean: true },
  cacheWriteTokens: { perCall: (c) => c.usage.cacheWriteTokens ?? 0, mean: false },
};

export interface SizePoint {
  key: string;
  metric: Metric;
  day: number;
  hour?: number;
  value: number;
  expected: number;
  sigma: number;
}

/** the filter that selects one key's calls; a prompt key is a promptId where the app names its prompts, else a fingerprint */
export function filtersOf(dimension: StatsDimension, key: string): Omit<CallFilter, "limit" | "cursor">[] {
  if (dimension === "all") return [{}];
  if (dimension === "prompt") return [{ promptId: key }, { fingerprint: key }];
  const field = FILTER_FIELD[dimension];
  return field ? [{ [field]: key }] : [];
}

export async function carriedByFewCalls(store: CallStore, dimension: StatsDimension, point: SizePoint, threshold: number): Promise<boolean> {
  const size = SIZE[point.metric];
  if (!size) return false;
  for (const filter of filtersOf(dimension, point.key)) {
    const values: number[] = [];
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day, point.hour) })) {
      values.push(size.perCall(call));
      if (values.length >= MAX_READ) return false;
    }
    if (!values.length) continue;
    values.sort((a, b) => b - a);
    const total = values.reduce((a, b) => a + b, 0);
    const rest = total - values.slice(0, FEW).reduce((a, b) => a + b, 0);
    const trimmed = size.mean ? (values.length > FEW ? rest / (values.length - FEW) : 0) : rest;
    const excess = point.value - point.expected;
    const left = trimmed - point.expected;
    return left < threshold * point.sigma || left < excess / 2;
  }
  return false;
}
