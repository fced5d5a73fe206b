// Agent-like request traces for tests and benchmarks: a retrieval, then model
// calls with tool steps between them, then a preprocess step, laid out one
// after another with a little of the app's own time between; the summary is
// worked out from that layout as the recorder would.
import type { LLMCall, Step, StepKind, Tags, Trace } from "@llmscope/core";
import { makeCall } from "./make-call.ts";

export interface TraceShape {
  id?: string;
  name?: string;
  sessionId?: string;
  startedAt?: number;
  tags?: Tags;
  /** LLM calls in the trace; default 4 */
  calls?: number;
  /** non-LLM steps; default 3 */
  steps?: number;
  callMs?: number;
  retrievalMs?: number;
  toolMs?: number;
  costUSD?: number;
  /** the first call fails */
  failedCall?: boolean;
  parentSpanId?: string;
  /** every step and call under one agent step (depth 2) */
  nested?: boolean;
}

export interface MadeTrace {
  trace: Trace;
  calls: LLMCall[];
}

const GAP_MS = 5;
const STEP_KINDS: StepKind[] = ["retrieval", "tool", "preprocess", "http", "tool"];
const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0")).join("");

export function traceId(): string {
  return hex(16);
}

export function makeTrace(shape: TraceShape = {}): MadeTrace {
  const id = shape.id ?? traceId();
  const start = shape.startedAt ?? Date.now();
  const tags = shape.tags ?? { userId: "u1", department: "support", feature: "chat" };
  const sessionId = shape.sessionId ?? "session-1";
  const callCount = shape.calls ?? 4;
  const stepCount = shape.steps ?? 3;
  const steps: Step[] = [];
  const calls: LLMCall[] = [];
  const ms: Record<StepKind, number> = { llm: 0, retrieval: 0, tool: 0, preprocess: 0, http: 0, agent: 0, custom: 0 };
  const parent = shape.nested ? `${id.slice(0, 8)}-agent` : undefined;
  let at = start + GAP_MS;
  const addStep = (i: number) => {
    const kind = STEP_KINDS[i % STEP_KINDS.length]!;
    const durationMs = kind === "retrieval" ? (shape.retrievalMs ?? 120) : kind === "tool" ? (shape.toolMs ?? 200) : 30;
    const step: Step = { id: `${id.slice(0, 8)}-s${i}`, traceId: id, name: kind === "retrieval" ? "vector-search" : kind === "tool" ? "get_weather" : `${kind}-${i}`, kind, startedAt: at, durationMs };
    if (parent) step.parentId = parent;
    if (kind === "retrieval") step.attributes = { topK: 5, docs: 5 };
    steps.push(step);
    ms[kind] += durationMs;
    at += durationMs + GAP_MS;
  };
  const total = Math.max(callCount, stepCount);
  for (let i = 0; i < total; i++) {
    if (i < stepCount) addStep(i);
    if (i < callCount) {
      const durationMs = shape.callMs ?? 800;
      const call = makeCall({
        startedAt: at, durationMs, tags, ...(shape.costUSD !== undefined ? { costUSD: shape.costUSD / callCount } : {}),
        ...(shape.failedCall && i === 0 ? { errorKind: "rate_limit" as const } : {}),
        promptText: `What is the weather in city ${i}?`,
      });
      call.sessionId = sessionId;
      call.traceId = id;
      if (parent) call.parentId = parent;
      calls.push(call);
      ms.llm += durationMs;
      at += durationMs + GAP_MS;
    }
  }
  const durationMs = at - start;
  if (parent) {
    steps.unshift({ id: parent, traceId: id, name: "agent", kind: "agent", startedAt: start + 1, durationMs: durationMs - 2 });
  }
  const covered = ms.llm + ms.retrieval + ms.tool + ms.preprocess + ms.http;
  const trace: Trace = {
    id, name: shape.name ?? "answer-question", sessionId, tags, startedAt: start, durationMs, steps, callIds: calls.map((c) => c.id),
    summary: {
      calls: calls.length,
      inputTokens: calls.reduce((s, c) => s + (c.usage.inputTokens ?? 0), 0),
      outputTokens: calls.reduce((s, c) => s + (c.usage.outputTokens ?? 0), 0),
      costUSD: calls.reduce((s, c) => s + (c.cost?.totalUSD ?? 0), 0),
      errors: calls.filter((c) => c.error).length,
      llmMs: ms.llm, retrievalMs: ms.retrieval, toolMs: ms.tool, preprocessMs: ms.preprocess, httpMs: ms.http,
      selfMs: durationMs - covered, firstTokenMs: (calls[0]?.startedAt ?? start) - start + 250,
    },
  };
  if (shape.parentSpanId) trace.parentSpanId = shape.parentSpanId;
  return { trace, calls };
}
