import { jaccardOfSets, wordSet } from "./token-jaccard.ts";

// All pairs of the first 20 texts: enough to see how much answers wander, bounded work.
const MAX_TEXTS = 20;

/**
 * How much answers to one prompt wander: the mean pairwise dissimilarity
 * (1 − word Jaccard) of the texts, 0 all alike … 1 nothing shared. Fewer than two texts give 0.
 */
export function varianceScore(texts: string[]): number {
  const sets = (texts ?? []).slice(0, MAX_TEXTS).map((text) => wordSet(typeof text === "string" ? text : ""));
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      total += 1 - jaccardOfSets(sets[i]!, sets[j]!);
      pairs++;
    }
  }
  return pairs === 0 ? 0 : total / pairs;
}
