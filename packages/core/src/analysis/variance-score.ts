import { jaccardOfSets, wordSet } from "./token-jaccard.ts";
import { MAX_DISPERSION_TEXTS } from "./output-dispersion.ts";

/**
 * How much answers to one prompt wander by words alone: the mean pairwise
 * dissimilarity (1 − word Jaccard) of the first 20 texts, 0 all alike … 1
 * nothing shared; fewer than two texts give 0. outputDispersion adds edit
 * distance and outliers; this is its cheap word-only part.
 */
export function varianceScore(texts: string[]): number {
  const sets = (texts ?? []).slice(0, MAX_DISPERSION_TEXTS).map((text) => wordSet(typeof text === "string" ? text : ""));
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
