// The per-prompt window of recent total-token counts behind the spike rule's
// trailing median. Every store keeps the window as a list per prompt key and
// advances it with these two steps, so baselines mean the same everywhere.
import type { IngestedCall } from "./call-store.ts";
import { percentile } from "@llmscope/core";

/** new calls by prompt key; calls without tokens join no window */
export function byPromptKey(ingested: IngestedCall[]): Map<string, IngestedCall[]> {
  const byKey = new Map<string, IngestedCall[]>();
  for (const c of ingested) {
    if (!(c.totalTokens > 0)) continue;
    const list = byKey.get(c.promptKey) ?? [];
    list.push(c);
    byKey.set(c.promptKey, list);
  }
  return byKey;
}

/** baselines are read before each call joins the window, in record-time order; returns the window after them */
export function advanceTokenWindow(window: number[], calls: IngestedCall[], size: number): number[] {
  calls.sort((a, b) => a.call.startedAt - b.call.startedAt);
  // the same window kept sorted beside it: a median per call without a sort per call
  const sorted = [...window].sort((a, b) => a - b);
  for (const c of calls) {
    if (window.length > 0) c.tokenBaseline = { median: percentile(sorted, 50), samples: window.length };
    window.push(c.totalTokens);
    sorted.splice(firstAtLeast(sorted, c.totalTokens), 0, c.totalTokens);
    while (window.length > size) sorted.splice(firstAtLeast(sorted, window.shift()!), 1);
  }
  return window;
}

/** index of the first value ≥ x in an ascending list (its length when there is none) */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
