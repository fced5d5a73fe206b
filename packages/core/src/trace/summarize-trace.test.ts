import { describe, expect, it } from "vitest";
import type { LLMCall } from "../types.ts";
import { summarizeTrace } from "./summarize-trace.ts";
import type { Step, StepKind, Trace } from "./types.ts";

const T = 1_000_000;
const step = (kind: StepKind, start: number, duration?: number, error?: boolean): Step => ({ id: `${kind}${start}`, traceId: "t", name: kind, kind, startedAt: T + start, durationMs: duration, ...(error ? { error: { kind: "Error", message: "x" } } : {}) });
const call = (start: number, duration: number | undefined, extra: Partial<LLMCall> = {}) => ({
  startedAt: T + start,
  call: { timing: { durationMs: duration, ttftMs: 5 }, usage: { inputTokens: 10, outputTokens: 3, source: "provider" }, cost: { totalUSD: 0.25 }, ...extra } as LLMCall,
});
const trace = (steps: Step[], durationMs = 100): Trace => ({ id: "t", name: "t", sessionId: "s", tags: {}, startedAt: T, durationMs, steps });

describe("summarizeTrace", () => {
  it("adds calls' tokens, cost and errors, and times each kind as a union", () => {
    const s = summarizeTrace(trace([step("retrieval", 0, 20), step("retrieval", 10, 20), step("tool", 60, 10), step("agent", 0, 100), step("http", 70, 5, true)]), [call(30, 20), call(40, 20, { error: { kind: "server", message: "x" } })]);
    expect(s).toEqual({ calls: 2, inputTokens: 20, outputTokens: 6, costUSD: 0.5, errors: 2, llmMs: 30, retrievalMs: 30, toolMs: 10, preprocessMs: 0, httpMs: 5, selfMs: 0, firstTokenMs: 35 });
  });

  it("selfMs is the time no step and no call covers; open steps and calls run to the trace's end", () => {
    const s = summarizeTrace(trace([step("preprocess", 10, 10), step("tool", 80)]), [call(50, undefined)]);
    expect([s.preprocessMs, s.toolMs, s.llmMs, s.selfMs]).toEqual([10, 20, 50, 40]);
  });

  it("an empty trace is all self time, with no first token", () => {
    expect(summarizeTrace(trace([], 42), [])).toEqual({ calls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, llmMs: 0, retrievalMs: 0, toolMs: 0, preprocessMs: 0, httpMs: 0, selfMs: 42 });
  });
});
