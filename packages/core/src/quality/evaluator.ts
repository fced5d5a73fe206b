// The seam every quality evaluator implements: look at one finished call and
// say what it can about some of the four components, or nothing at all.
import type { LLMCall, Quality } from "../types.ts";

export type QualityComponent = "relevance" | "accuracy" | "coherence" | "safety";
export const QUALITY_COMPONENTS: readonly QualityComponent[] = ["relevance", "accuracy", "coherence", "safety"];

/** some components, each 0..100; a component an evaluator cannot judge is left out, never guessed */
export type QualityScores = Partial<Record<QualityComponent, number>>;

export interface QualityEvaluator {
  readonly name: string;
  evaluate(call: LLMCall): QualityScores | undefined | Promise<QualityScores | undefined>;
}

/** an evaluator that answers at once (the built-in heuristics), usable in a render */
export interface SyncQualityEvaluator extends QualityEvaluator {
  evaluate(call: LLMCall): QualityScores | undefined;
}

export const clampScore = (n: number): number => Math.round(Math.min(100, Math.max(0, n)) * 10) / 10;

/**
 * Merge what each evaluator said (a later evaluator's component replaces an
 * earlier one's) and add the average of the components present; undefined
 * when no evaluator could judge anything.
 */
export function combineScores(parts: readonly (QualityScores | undefined)[]): Quality | undefined {
  const merged: Quality = {};
  for (const part of parts) {
    for (const key of QUALITY_COMPONENTS) {
      const v = part?.[key];
      if (typeof v === "number" && Number.isFinite(v)) merged[key] = clampScore(v);
    }
  }
  const present = QUALITY_COMPONENTS.map((k) => merged[k]).filter((v): v is number => v !== undefined);
  if (present.length === 0) return undefined;
  merged.average = clampScore(present.reduce((s, v) => s + v, 0) / present.length);
  return merged;
}

/** run every evaluator; one that throws or rejects is reported and skipped, never raised */
export async function evaluateCall(
  call: LLMCall,
  evaluators: readonly QualityEvaluator[],
  onError: (name: string, err: unknown) => void = () => {},
): Promise<Quality | undefined> {
  const parts = await Promise.all(
    evaluators.map(async (e) => {
      try {
        return await e.evaluate(call);
      } catch (err) {
        onError(e.name, err);
        return undefined;
      }
    }),
  );
  return combineScores(parts);
}

/** the synchronous evaluators only, for a view that scores calls as it draws them */
export function evaluateCallSync(call: LLMCall, evaluators: readonly SyncQualityEvaluator[]): Quality | undefined {
  return combineScores(evaluators.map((e) => {
    try {
      return e.evaluate(call);
    } catch {
      return undefined;
    }
  }));
}
