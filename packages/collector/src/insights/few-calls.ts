// A rare huge input (a whole contract pasted in, a long log) can make a
// user's or a prompt's day look like a tripling on its own. Real changes move
// many calls; so a size or cost point is read again without its three largest
// calls, and dropped when what is left is no longer unusual: the day was
// carried by a few calls, which the calls list shows anyway. When what is
// left still is (every call of a prompt moved to a dearer model, and one huge
// input came on top), the point stands.
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore, StatsDimension } from "../store/call-store.ts";
import { FILTER_FIELD } from "./first-changed-call.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { windowOf } from "./time-window.ts";

/** the calls that may carry a point alone */
const FEW = 3;
/** at most this many calls are read for one point */
const MAX_READ = 20_000;

/** a measure as a sum of per-call amounts (over the calls' count, or over another per-call amount for a share); the calls that may carry it are the largest by `rank` */
export interface CallMeasure {
  amount: (c: LLMCall) => number;
  per?: (c: LLMCall) => number;
  rank: (c: LLMCall) => number;
}
const tokensOf = (c: LLMCall) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0);
const costOf = (c: LLMCall) => c.cost?.totalUSD ?? 0;
const outputOf = (c: LLMCall) => c.usage.outputTokens ?? 0;
const one = () => 1;

export const SIZE: Partial<Record<Metric, CallMeasure>> = {
  tokens: { amount: tokensOf, rank: tokensOf },
  tokensPerRequest: { amount: tokensOf, per: one, rank: tokensOf },
  outputTokensPerRequest: { amount: outputOf, per: one, rank: outputOf },
  cost: { amount: costOf, rank: costOf },
  costPerRequest: { amount: costOf, per: one, rank: costOf },
  cacheWriteTokens: { amount: (c) => c.usage.cacheWriteTokens ?? 0, rank: (c) => c.usage.cacheWriteTokens ?? 0 },
};

/** every measure a point's calls can be summed again for */
export const CALL_MEASURES: Partial<Record<Metric, CallMeasure>> = {
  ...SIZE,
  calls: { amount: one, rank: one },
  errorRate: { amount: (c) => (c.error ? 1 : 0), per: one, rank: one },
  cachedInputPerRequest: { amount: (c) => c.usage.cachedInputTokens ?? 0, per: one, rank: one },
};

export interface SizePoint {
  key: string;
  metric: Metric;
  day: number;
  hour?: number;
  /** the hours in a row from `hour` it is read over, where more than one */
  hours?: number;
  value: number;
  expected: number;
  sigma: number;
  /** the level a change had held at since the days before, which the point was also judged against */
  held?: { expected: number; sigma: number };
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
    const calls: LLMCall[] = [];
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day, point.hour, point.hours) })) {
      calls.push(call);
      if (calls.length >= MAX_READ) return false;
    }
    if (!calls.length) continue;
    const rest = calls.sort((a, b) => size.rank(b) - size.rank(a)).slice(FEW);
    const sum = (f: (c: LLMCall) => number) => rest.reduce((n, c) => n + f(c), 0);
    const trimmed = size.per ? (sum(size.per) > 0 ? sum(size.amount) / sum(size.per) : point.expected) : sum(size.amount);
    // a mean per request must still be unusual against each level it was judged against (a day's total without its
    // largest calls is no day's total, and is read against the usual level only)
    return !stillUnusual(point, trimmed, threshold) || (!!point.held && !!size.per && !stillUnusual({ ...point, ...point.held }, trimmed, threshold));
  }
  return false;
}

/** whether a point's measure, read again over part of its calls, is still unusual by the detector's own measure: far out, and a change worth attention */
export function stillUnusual(point: SizePoint, value: number, threshold: number): boolean {
  const spec = METRIC_SPECS[point.metric];
  const left = spec.worse * (value - point.expected);
  return left >= threshold * point.sigma && left >= Math.max(spec.minRelativeChange * Math.abs(point.expected), spec.minAbsoluteChange);
}
