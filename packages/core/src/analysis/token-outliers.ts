import type { LLMCall } from "../types.ts";
import { totalTokens } from "./total-tokens.ts";

export type TokenOutlier = { call: LLMCall; median: number; ratio: number };

// A baseline of fewer than three calls says too little about what is normal.
const MIN_BASELINE = 3;

/** Median of ascending values with one occurrence of sorted[skip] left out. */
function medianWithout(sorted: number[], skip: number): number {
  const m = sorted.length - 1;
  const at = (k: number) => sorted[k < skip ? k : k + 1]!;
  return m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
}

/**
 * Calls whose total tokens exceed `ratio` × the median of the other calls with
 * the same fingerprint (at least three others), largest ratio first.
 */
export function tokenOutliers(calls: LLMCall[], ratio = 1.5): TokenOutlier[] {
  const groups = new Map<string, { call: LLMCall; tokens: number }[]>();
  for (const call of calls ?? []) {
    const tokens = totalTokens(call);
    if (tokens === undefined) continue;
    const key = call.fingerprint ?? "";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ call, tokens });
  }
  const outliers: TokenOutlier[] = [];
  for (const group of groups.values()) {
    if (group.length < MIN_BASELINE + 1) continue;
    const sorted = group.map((entry) => entry.tokens).sort((a, b) => a - b);
    const firstAt = new Map<number, number>();
    sorted.forEach((t, i) => firstAt.has(t) || firstAt.set(t, i));
    for (const { call, tokens } of group) {
      const median = medianWithout(sorted, firstAt.get(tokens)!);
      if (median > 0 && tokens > ratio * median) outliers.push({ call, median, ratio: tokens / median });
    }
  }
  return outliers.sort((a, b) => b.ratio - a.ratio);
}
