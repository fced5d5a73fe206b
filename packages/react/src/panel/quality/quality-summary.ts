// What the Quality view draws: the spread of average scores, the mean of each
// component and the share of 👍, overall and per model.
import type { LLMCall } from "@llmscope/core";
import { qualityOf } from "./quality-of.ts";

const COMPONENTS = ["relevance", "accuracy", "coherence", "safety", "average"] as const;
export type ComponentMeans = Partial<Record<(typeof COMPONENTS)[number], number>>;

export interface QualitySummary {
  calls: number;
  scored: number;
  means: ComponentMeans;
  /** ten buckets of the average score: 0–9, 10–19, …, 90–100 */
  histogram: number[];
  up: number;
  down: number;
  /** share of 👍 among votes; undefined with none */
  satisfaction?: number;
  /** the lowest averages first, at most 5 */
  lowest: { call: LLMCall; average: number }[];
}

export function summarizeQuality(calls: readonly LLMCall[]): QualitySummary {
  const sums: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const histogram = Array.from({ length: 10 }, () => 0);
  const scored: { call: LLMCall; average: number }[] = [];
  let up = 0;
  let down = 0;
  for (const call of calls) {
    if (call.feedback?.score === 1) up++;
    else if (call.feedback?.score === -1) down++;
    const q = qualityOf(call).quality;
    if (q?.average === undefined) continue;
    scored.push({ call, average: q.average });
    histogram[Math.min(9, Math.floor(q.average / 10))]!++;
    for (const k of COMPONENTS) {
      if (q[k] === undefined) continue;
      sums[k] = (sums[k] ?? 0) + q[k]!;
      counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  const means: ComponentMeans = {};
  for (const k of COMPONENTS) if (counts[k]) means[k] = sums[k]! / counts[k]!;
  const summary: QualitySummary = {
    calls: calls.length,
    scored: scored.length,
    means,
    histogram,
    up,
    down,
    lowest: scored.sort((a, b) => a.average - b.average).slice(0, 5),
  };
  if (up + down > 0) summary.satisfaction = up / (up + down);
  return summary;
}
