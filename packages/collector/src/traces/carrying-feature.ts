// A change judged for the whole app often lives in one feature: the whole app
// has requests enough to be judged hours before a feature alone does. Of the
// requests that changed (from the change's first request on, past the midpoint
// of the usual and the new level), the feature holding nearly all of them is
// named, so the root cause reads "in feature=search" all the same.
import type { Trace } from "@llmscope/core";

/** changed requests one feature must hold, and how many changed requests it takes to say */
const SHARE = 0.9;
const MIN_CHANGED = 5;

export function carryingFeature(
  day: Trace[], value: (t: Trace) => number | undefined, cause: { before: number; after: number; since?: number },
): string | undefined {
  const mid = (cause.before + cause.after) / 2;
  const counts = new Map<string, number>();
  let changed = 0;
  for (const t of day) {
    if ((cause.since !== undefined && t.startedAt < cause.since) || (value(t) ?? -Infinity) < mid) continue;
    changed++;
    const feature = t.tags.feature;
    if (feature) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  if (changed < MIN_CHANGED) return undefined;
  for (const [feature, n] of counts) if (n >= SHARE * changed) return feature;
  return undefined;
}
