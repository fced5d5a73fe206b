// A trace's summary: what its calls cost and where its wall-clock time went.
// Each kind's time is the union of its intervals (see union-ms.ts); selfMs is
// the trace's time that no step and no call covers: the app's own code.
import type { LLMCall } from "../types.ts";
import { unionMs, type Interval } from "./union-ms.ts";
import type { Step, StepKind, Trace, TraceSummary } from "./types.ts";

/** a call of the trace with its start on the trace's epoch-ms clock */
export interface TimedCall {
  call: LLMCall;
  startedAt: number;
}

const SUMMED_KINDS = { llm: "llmMs", retrieval: "retrievalMs", tool: "toolMs", preprocess: "preprocessMs", http: "httpMs" } as const satisfies Partial<Record<StepKind, keyof TraceSummary>>;

export function summarizeTrace(trace: Trace, calls: readonly TimedCall[]): TraceSummary {
  const from = trace.startedAt;
  const to = from + (trace.durationMs ?? 0);
  // a step or call still open when the trace ended ran to its end
  const spanOf = (startedAt: number, durationMs: number | undefined): Interval => [startedAt, durationMs === undefined ? to : startedAt + durationMs];
  const byKind: Partial<Record<StepKind, Interval[]>> = {};
  const all: Interval[] = [];
  const add = (kind: StepKind, span: Interval) => {
    (byKind[kind] ??= []).push(span);
    all.push(span);
  };
  for (const step of trace.steps as Step[]) add(step.kind, spanOf(step.startedAt, step.durationMs));
  const summary: TraceSummary = { calls: calls.length, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, llmMs: 0, retrievalMs: 0, toolMs: 0, preprocessMs: 0, httpMs: 0, selfMs: 0 };
  for (const { call, startedAt } of calls) {
    add("llm", spanOf(startedAt, call.timing.durationMs));
    summary.inputTokens += call.usage.inputTokens ?? 0;
    summary.outputTokens += call.usage.outputTokens ?? 0;
    summary.costUSD += call.cost?.totalUSD ?? 0;
    if (call.error) summary.errors++;
    const { ttftMs } = call.timing;
    if (ttftMs !== undefined) {
      const first = startedAt - from + ttftMs;
      if (summary.firstTokenMs === undefined || first < summary.firstTokenMs) summary.firstTokenMs = first;
    }
  }
  for (const step of trace.steps) if (step.error) summary.errors++;
  for (const kind in SUMMED_KINDS) summary[SUMMED_KINDS[kind as keyof typeof SUMMED_KINDS]] = unionMs(byKind[kind as StepKind] ?? [], from, to);
  summary.selfMs = Math.max(0, to - from - unionMs(all, from, to));
  return summary;
}
