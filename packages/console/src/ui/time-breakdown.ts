// A trace's time by kind, in one order and one set of colours everywhere it
// is drawn (the traces list, the latency page's per-feature bars).
import type { TraceTimeComponent } from "../api/types.ts";

export type TimeKind = Exclude<TraceTimeComponent, "durationMs">;

export const TIME_KINDS: readonly { key: TimeKind; label: string }[] = [
  { key: "llmMs", label: "LLM" },
  { key: "retrievalMs", label: "retrieval" },
  { key: "toolMs", label: "tool" },
  { key: "preprocessMs", label: "preprocess" },
  { key: "httpMs", label: "http" },
  { key: "selfMs", label: "app's own" },
];

export interface TimeSegment {
  key: TimeKind;
  label: string;
  ms: number;
}

/** the kinds that took time, in the fixed order; missing or non-finite figures count as none */
export function timeSegments(values: Partial<Record<TimeKind, number>> | undefined): TimeSegment[] {
  if (!values) return [];
  return TIME_KINDS.flatMap(({ key, label }) => {
    const ms = values[key];
    return ms !== undefined && Number.isFinite(ms) && ms > 0 ? [{ key, label, ms }] : [];
  });
}

export const segmentsTotal = (segments: readonly TimeSegment[]) => segments.reduce((sum, s) => sum + s.ms, 0);
