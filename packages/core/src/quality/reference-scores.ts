// Scores of an answer against a reference answer, both 0..1 and both on words
// (CJK by character): token F1 counts shared words regardless of order;
// ROUGE-L rewards the longest run of words in the same order.
import { wordList } from "../analysis/token-jaccard.ts";

// LCS is quadratic: 500 × 500 words is 250k cells, well under a millisecond.
export const MAX_ROUGE_WORDS = 500;

const f1 = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

/** F1 of the multiset word overlap (the SQuAD measure); two empty texts score 1 */
export function tokenF1(candidate: string, reference: string): number {
  const cand = wordList(candidate);
  const ref = wordList(reference);
  if (cand.length === 0 && ref.length === 0) return 1;
  if (cand.length === 0 || ref.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of ref) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of cand) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(w, left - 1);
    }
  }
  return f1(shared / cand.length, shared / ref.length);
}

export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** ROUGE-L F1 (β = 1) over the first 500 words of each; two empty texts score 1 */
export function rougeL(candidate: string, reference: string): number {
  const cand = wordList(candidate).slice(0, MAX_ROUGE_WORDS);
  const ref = wordList(reference).slice(0, MAX_ROUGE_WORDS);
  if (cand.length === 0 && ref.length === 0) return 1;
  if (cand.length === 0 || ref.length === 0) return 0;
  const lcs = longestCommonSubsequence(cand, ref);
  return f1(lcs / cand.length, lcs / ref.length);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
