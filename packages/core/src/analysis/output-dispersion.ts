import { normalizedEditDistance } from "./edit-distance.ts";
import { percentile } from "./percentile.ts";
import { jaccardOfSets, wordSet } from "./token-jaccard.ts";

// All pairs of the first 20 texts, edit distance over each text's first 600
// characters: 190 pairs stay well under 100 ms however long the answers are.
export const MAX_DISPERSION_TEXTS = 20;
export const DISPERSION_EDIT_CHARS = 600;

export interface DispersionOutlier {
  /** position in the texts given */
  index: number;
  /** mean combined distance from this text to every other one, 0..1 */
  meanDistance: number;
}

export interface OutputDispersion {
  /** texts compared (at most 20) */
  samples: number;
  /** mean pairwise normalized Levenshtein distance of the first 600 characters, 0..1 */
  editDistance: number;
  /** mean pairwise 1 − word Jaccard (the same as varianceScore), 0..1 */
  jaccardDistance: number;
  /** the mean of the two, 0 all alike … 1 nothing shared */
  score: number;
  /** texts far from the others: see outliersOf */
  outliers: DispersionOutlier[];
}

/** How much answers to one prompt wander, by two distances, and which answers stand apart. */
export function outputDispersion(texts: readonly string[]): OutputDispersion {
  const list = (texts ?? []).slice(0, MAX_DISPERSION_TEXTS).map((t) => (typeof t === "string" ? t : ""));
  const sets = list.map(wordSet);
  const heads = list.map((t) => t.slice(0, DISPERSION_EDIT_CHARS));
  const perText = list.map(() => 0);
  let edit = 0;
  let jaccard = 0;
  let pairs = 0;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const e = normalizedEditDistance(heads[i]!, heads[j]!);
      const w = 1 - jaccardOfSets(sets[i]!, sets[j]!);
      edit += e;
      jaccard += w;
      perText[i]! += (e + w) / 2;
      perText[j]! += (e + w) / 2;
      pairs++;
    }
  }
  if (pairs === 0) return { samples: list.length, editDistance: 0, jaccardDistance: 0, score: 0, outliers: [] };
  const means = perText.map((sum) => sum / (list.length - 1));
  return {
    samples: list.length,
    editDistance: edit / pairs,
    jaccardDistance: jaccard / pairs,
    score: (edit + jaccard) / 2 / pairs,
    outliers: outliersOf(means),
  };
}

/**
 * A text is an outlier when its mean distance to the others is more than
 * max(0.2, 3 × MAD) above the median of those means: robust to the outlier
 * itself, and a group that wanders evenly has none. Needs three texts.
 */
export function outliersOf(means: number[]): DispersionOutlier[] {
  if (means.length < 3) return [];
  const mid = medianOf(means);
  const mad = medianOf(means.map((m) => Math.abs(m - mid)));
  const limit = mid + Math.max(0.2, 3 * mad);
  return means.flatMap((meanDistance, index) => (meanDistance > limit ? [{ index, meanDistance }] : []));
}

const medianOf = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);
