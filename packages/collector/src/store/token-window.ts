// The per-prompt window of recent total-token counts behind the spike rule's
// trailing median. Every store keeps the window as a list per prompt key and
// advances it with these two steps, so baselines mean the same everywhere.
import type { IngestedCall } from "./call-store.ts";
import { median } from "./median.ts";

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
  for (const c of calls) {
    if (window.length > 0) c.tokenBaseline = { median: median(window), samples: window.length };
    window.push(c.totalTokens);
    if (window.length > size) window.splice(0, window.length - size);
  }
  return window;
}
