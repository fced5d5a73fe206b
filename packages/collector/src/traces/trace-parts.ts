// Reading a stored trace by the parts anomalies are measured in: the filter
// that selects a cut's traces, a time component's ms, one named step's ms.
import type { StepKind, Trace } from "@llmscope/core";
import type { TraceStatsDimension, TraceTimeComponent } from "./api-types.ts";
import type { TraceFilter } from "./trace-store.ts";

export function filterOf(cut: { dimension: TraceStatsDimension; key: string }): Omit<TraceFilter, "limit" | "cursor"> {
  return cut.dimension === "all" ? {} : { [cut.dimension]: cut.key };
}

export const partMs = (t: Trace, c: TraceTimeComponent): number => (c === "durationMs" ? t.durationMs : t.summary?.[c]) ?? 0;

/** per trace, the ms spent in steps of this kind and name */
export function stepMs(t: Trace, kind: StepKind, name: string): number | undefined {
  const steps = t.steps.filter((s) => s.kind === kind && s.name === name);
  return steps.length ? steps.reduce((s, x) => s + (x.durationMs ?? 0), 0) : undefined;
}
