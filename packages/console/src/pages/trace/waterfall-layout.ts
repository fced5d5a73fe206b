// The collector's waterfall rows (steps and LLM calls, depth first) placed on
// one time axis: where each bar starts and ends, and an LLM call's wait, first
// token and streaming inside it. Pure, so the drawing only maps ms to percent.
import { timingPhases } from "@llmscope/react/views";
import type { TraceDetail, WaterfallRow } from "../../api/types.ts";

export type Phase = ReturnType<typeof timingPhases>[number];

export interface WaterfallBar {
  row: WaterfallRow;
  /** ms from the axis' origin */
  start: number;
  end: number;
  /** an LLM call's phases, ms from the axis' origin; none for a step */
  phases: Phase[];
}

export interface WaterfallLayout {
  bars: WaterfallBar[];
  /** epoch ms of the axis' 0: the trace's start, or earlier when a clock put a row before it */
  originMs: number;
  /** the axis' length: the trace's, or longer when a row ends after it */
  spanMs: number;
}

export function waterfallLayout(detail: Pick<TraceDetail, "rows" | "startedAt" | "endedAt">): WaterfallLayout {
  const originMs = Math.min(detail.startedAt, ...detail.rows.map((r) => r.startedAt));
  const bars = detail.rows.map((row) => barOf(row, row.startedAt - originMs));
  const lastEnd = bars.reduce((max, b) => Math.max(max, b.end), 0);
  return { bars, originMs, spanMs: Math.max(detail.endedAt - originMs, lastEnd) };
}

function barOf(row: WaterfallRow, start: number): WaterfallBar {
  const end = start + (row.durationMs ?? 0);
  if (row.type !== "call" || row.durationMs === undefined) return { row, start, end, phases: [] };
  // a phase of no length (a call that did not stream has no wait for its first token) draws nothing
  const phases = timingPhases({ durationMs: row.durationMs, ttfbMs: row.ttfbMs, ttftMs: row.ttftMs })
    .filter((p) => p.to > p.from)
    .map((p) => ({ ...p, from: start + p.from, to: start + p.to }));
  return { row, start, end, phases };
}
