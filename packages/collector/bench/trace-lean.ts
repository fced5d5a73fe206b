// The lean traces (no steps, a summary) the million-trace read benchmark
// stands for, and their rollups folded with ingest's own code.
import type { Trace } from "@llmscope/core";
import { foldTraces, mergeTraceDelta, type TraceRollupDelta } from "../src/traces/trace-rollup.ts";

const DAY = 86_400_000;
const FEATURES = Array.from({ length: 12 }, (_, i) => `f${i}`);
const NAMES = ["answer-question", "search", "summarize", "triage", "plan", "draft"];

/** a lean trace as the recorder would send it for request n of total over 90 days */
export function leanTrace(n: number, total: number, start: number): Trace {
  const jitter = (n * 2654435761) % 1000;
  const retrievalMs = 50 + (jitter % 400);
  const llmMs = 600 + jitter * 2;
  const toolMs = jitter % 3 ? 0 : 150 + (jitter % 200);
  const durationMs = retrievalMs + llmMs + toolMs + 40;
  return {
    id: n.toString(16).padStart(32, "0"), name: NAMES[n % NAMES.length]!, sessionId: `s${n % 5000}`,
    tags: { feature: FEATURES[n % FEATURES.length]!, department: `d${n % 8}`, userId: `u${n % 3000}` },
    startedAt: start + Math.floor((n * 90 * DAY) / total), durationMs, steps: [],
    summary: { calls: 2 + (n % 3), inputTokens: 400, outputTokens: 120, costUSD: 0.0004 + (n % 7) * 1e-4, errors: n % 97 ? 0 : 1,
      llmMs, retrievalMs, toolMs, preprocessMs: 10, httpMs: 0, selfMs: 30 },
  };
}

/** the rollups of `total` lean traces, folded in chunks and merged in memory */
export function leanRollups(total: number, start: number): TraceRollupDelta[] {
  const merged = new Map<string, TraceRollupDelta>();
  for (let from = 0; from < total; from += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, total - from) }, (_, i) => leanTrace(from + i, total, start));
    for (const d of foldTraces(chunk)) {
      const id = `${d.dim}\u0000${d.key}\u0000${d.bucket}`;
      const into = merged.get(id);
      if (into) mergeTraceDelta(into, d);
      else merged.set(id, d);
    }
  }
  return [...merged.values()];
}
