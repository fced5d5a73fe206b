// A day of traced requests for the trace anomaly tests: a search feature (72
// requests, a retrieval step `vector-search` of ~180 ms, two LLM calls) and a
// small "tips" feature (25 requests of $0.0002). A slowdown makes
// vector-search ten times slower from 14:05; a price rise makes the tips
// requests three times dearer, a rise too small next to the app to matter;
// four slow searches multiply the p95 of an ordinary day, three huge ones
// double its cost per request.
import type { LLMCall, Trace } from "@llmscope/core";
import { dayStart } from "../store/time-buckets.ts";
import { makeTrace } from "./make-trace.ts";

export const SEARCH_PER_DAY = 72;
export const TIPS_PER_DAY = 25;
/** from 14:05 on, the day's searches are slow; the first of them starts at 14:21 */
export const SLOW_FROM_MS = (14 * 60 + 5) * 60_000;

export interface TraceDayChanges {
  /** vector-search ten times slower from 14:05 */
  slowSearch?: boolean;
  /** tips requests three times dearer all day */
  dearTips?: boolean;
  /** an ordinary day's bad luck: four searches in the afternoon with a retrieval ten times slower */
  fewSlow?: boolean;
  /** and three searches thirty times dearer (a whole contract pasted in) */
  fewHuge?: boolean;
}

export function tracedDay(day: number, changes: TraceDayChanges = {}): { traces: Trace[]; calls: LLMCall[] } {
  const made = [];
  const start = dayStart(day);
  for (let i = 0; i < SEARCH_PER_DAY; i++) {
    const at = start + i * 20 * 60_000 + 60_000;
    const slow = (changes.slowSearch && at >= start + SLOW_FROM_MS) || (changes.fewSlow && i >= 45 && i < 49);
    made.push(makeTrace({
      startedAt: at, name: "search", tags: { feature: "search", userId: `u${i % 9}` }, calls: 2, steps: 2, costUSD: changes.fewHuge && i >= 30 && i < 33 ? 0.3 : 0.01,
      // times spread (the model's over ±25 %, retrieval's ±17 %) as real requests' do
      callMs: 600 + ((i * 37) % 41) * 10,
      retrievalMs: slow ? 1800 + (i % 7) * 30 : 150 + ((i * 13) % 21) * 3,
    }));
  }
  for (let i = 0; i < TIPS_PER_DAY; i++) {
    made.push(makeTrace({
      startedAt: start + i * 55 * 60_000 + 30_000, name: "tips", tags: { feature: "tips", userId: `u${i % 5}` }, calls: 1, steps: 0,
      costUSD: (changes.dearTips ? 0.0006 : 0.0002) * (1 + (i % 3) * 0.02),
    }));
  }
  return { traces: made.map((m) => m.trace), calls: made.flatMap((m) => m.calls) };
}
