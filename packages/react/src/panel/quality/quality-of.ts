// The quality a row, the detail and the Quality view show: the scores the call
// carries (set by the app or a collector), else the built-in heuristics
// computed here on the spot. Memoized per call object, so repaints are free.
import type { LLMCall, Quality } from "@llmscope/core";
import { heuristicQuality } from "@llmscope/core/quality";

export interface ShownQuality {
  quality?: Quality;
  /** "recorded": carried by the call; "heuristic": computed by the devtools */
  source: "recorded" | "heuristic";
}

const cache = new WeakMap<LLMCall, ShownQuality>();

export function qualityOf(call: LLMCall): ShownQuality {
  const known = cache.get(call);
  if (known) return known;
  let shown: ShownQuality;
  if (call.quality?.average !== undefined) shown = { quality: call.quality, source: "recorded" };
  else if (call.phase !== "done") shown = { source: "heuristic" };
  else {
    const quality = heuristicQuality(call);
    shown = quality ? { quality, source: "heuristic" } : { source: "heuristic" };
  }
  cache.set(call, shown);
  return shown;
}

/** good ≥ 75, fair ≥ 50, poor below: the colour of a score */
export const qualityTone = (score: number): "good" | "fair" | "poor" => (score >= 75 ? "good" : score >= 50 ? "fair" : "poor");

export const QUALITY_LABELS = { relevance: "Relevance", accuracy: "Accuracy", coherence: "Coherence", safety: "Safety" } as const;
