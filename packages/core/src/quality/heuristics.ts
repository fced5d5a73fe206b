// The built-in evaluators together: relevance, coherence and safety from the
// call alone, plus accuracy when reference answers are given.
import type { LLMCall, Quality } from "../types.ts";
import { coherenceEvaluator } from "./coherence.ts";
import { evaluateCallSync, type QualityEvaluator, type SyncQualityEvaluator } from "./evaluator.ts";
import { accuracyEvaluator, type AccuracyOptions } from "./accuracy.ts";
import { relevanceEvaluator } from "./relevance.ts";
import { safetyEvaluator, type SafetyOptions } from "./safety.ts";

export interface HeuristicOptions extends SafetyOptions {
  references?: AccuracyOptions["references"];
  embed?: AccuracyOptions["embed"];
}

export function heuristicEvaluators(options: HeuristicOptions = {}): QualityEvaluator[] {
  const list: QualityEvaluator[] = [...syncHeuristics(options)];
  if (options.references) list.push(accuracyEvaluator({ references: options.references, ...(options.embed ? { embed: options.embed } : {}) }));
  return list;
}

/** the heuristics that need no reference and answer at once */
export function syncHeuristics(options: SafetyOptions = {}): SyncQualityEvaluator[] {
  return [relevanceEvaluator, coherenceEvaluator, safetyEvaluator(options)];
}

const defaults = syncHeuristics();

/** relevance, coherence and safety of one call, computed on the spot (what the devtools show for unscored calls) */
export const heuristicQuality = (call: LLMCall): Quality | undefined => evaluateCallSync(call, defaults);
