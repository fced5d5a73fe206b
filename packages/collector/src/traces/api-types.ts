// The answers of the trace and session read endpoints: what the console builds
// against. Extend only (new optional fields); never rename.
//
// GET /v1/traces            → TracePage, newest first
//   from, to (epoch ms or ISO; to exclusive), userId, sessionId, feature, department,
//   name (trace name), minDurationMs, minCostUSD, hasError (true|false),
//   q (text in the trace's record: name, tags, steps and their attributes; or in one of its calls, as GET /v1/calls?q=
//   finds it: prompt, completion, tag values, feedback comment),
//   limit (1..500, default 50), cursor (from the previous page)
// GET /v1/traces/stats      → TraceStatsAnswer: the rollups, never a scan of traces
//   groupBy (name|feature|department|all, default all), period (hour|day|month|all, default day), from, to
// GET /v1/traces/anomalies → TraceAnomalyAnswer: days whose trace measures (cost and LLM calls per request, the p95 of
//   each part of its time) rose far outside the 28 days before, whole app and by name, feature, department; from, to
//   (default the last 7 days), threshold (robust z-score, default 6); latency ones with the step that moved
// GET /v1/traces/:id        → TraceDetail with the trace's stored calls; while the trace record itself is not stored,
//   one without `trace` and steps, made of the calls carrying its traceId (404 when neither is stored)
// GET /v1/sessions          → SessionPage, newest session start first
//   from, to (a session is listed when it has calls in the range; its figures are the whole session's, the same
//   as GET /v1/sessions/:id answers), userId, feature,
//   q (text in one of its calls), limit, cursor
// GET /v1/sessions/:id      → SessionDetail (404 when nothing of the session is stored)
// All answer to the read key, like every other read.
import type { LLMCall, Tags } from "@llmscope/core";
import type { Step, StepError, StepKind, TraceSummary } from "@llmscope/core";

/** one trace as listed: the record without its steps, with what the collector worked out */
export interface TraceListItem {
  id: string;
  name: string;
  sessionId: string;
  userId?: string;
  feature?: string;
  department?: string;
  tags: Tags;
  /** epoch ms */
  startedAt: number;
  durationMs?: number;
  /** the recorder's summary (time by kind, cost, tokens); absent for a trace that ended without one */
  summary?: TraceSummary;
  error?: StepError;
  /** the app's span it belongs to, when it came with a traceparent */
  parentSpanId?: string;
  steps: number;
  droppedSteps?: number;
  abandoned?: boolean;
  /** figures that hold even without a summary: from the summary when present, else from the stored calls */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  /** failed calls plus failed steps (plus the trace's own error) */
  errors: number;
}

export interface TracePage {
  traces: TraceListItem[];
  /** absent on the last page */
  cursor?: string;
}

/** one bar of the waterfall: a step or an LLM call, on the trace's time axis */
export interface WaterfallRow {
  type: "step" | "call";
  /** the step id or the call id */
  id: string;
  /** the step it ran under; absent directly under the trace root (or under a step that is not stored) */
  parentId?: string;
  /** 0 directly under the root */
  depth: number;
  /** a step's name; for a call "chat {model}" style: `${operation} ${model}` */
  name: string;
  /** "llm" for calls */
  kind: StepKind;
  /** epoch ms */
  startedAt: number;
  /** ms from the trace's start (negative when a clock put it before) */
  offsetMs: number;
  durationMs?: number;
  /** calls: request sent → response headers, and → first content; the rest of durationMs is streaming */
  ttfbMs?: number;
  ttftMs?: number;
  model?: string;
  /** a call's own figures; a step's are the sums of the calls beneath it */
  costUSD: number;
  inputTokens: number;
  outputTokens: number;
  /** the step's or the call's error message, when it failed */
  error?: string;
  errorKind?: string;
}

export interface TraceDetail {
  /** always present (kept optional so the shape never has to change for a trace known only from its calls) */
  trace?: TraceListItem;
  /** the stored steps, in start order */
  stepRecords: Step[];
  /** the stored calls of the trace, in start order, whole */
  calls: LLMCall[];
  /** steps and calls in one list for a waterfall: depth first, siblings in start order */
  rows: WaterfallRow[];
  /** the axis: the trace's start and end (the latest row's end when the trace has no duration) */
  startedAt: number;
  endedAt: number;
}

export interface SessionListItem {
  id: string;
  userId?: string;
  feature?: string;
  /** epoch ms of the first call or trace, and of the last one's end */
  startedAt: number;
  endedAt: number;
  durationMs: number;
  traces: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  /** the first user message, cut to 200 characters */
  firstMessage?: string;
}

export interface SessionPage {
  sessions: SessionListItem[];
  cursor?: string;
}

/** one turn of the conversation: a trace, or a call made outside any trace */
export interface SessionTurn {
  traceId?: string;
  /** the trace's name, or the call's operation and model */
  name: string;
  startedAt: number;
  durationMs: number;
  callIds: string[];
  costUSD: number;
  inputTokens: number;
  outputTokens: number;
  errors: number;
  /** the last user message of the turn's first call, cut to 2,000 characters */
  userMessage?: string;
  /** the turn's last call's answer, cut to 2,000 characters */
  answer?: string;
}

export interface SessionDetail {
  session: SessionListItem;
  /** in start order */
  turns: SessionTurn[];
  /** the session's traces and calls, in start order */
  traces: TraceListItem[];
  calls: LLMCall[];
}

/** the time components a trace's rollup keeps p50/p95 of */
export const TRACE_TIME_COMPONENTS = ["durationMs", "llmMs", "retrievalMs", "toolMs", "preprocessMs", "httpMs", "selfMs"] as const;
export type TraceTimeComponent = (typeof TRACE_TIME_COMPONENTS)[number];

export const TRACE_STATS_DIMENSIONS = ["name", "feature", "department", "all"] as const;
export type TraceStatsDimension = (typeof TRACE_STATS_DIMENSIONS)[number];

export interface TraceStatsRow {
  /** "2026-12-05", "2026-12-05T14:00" (period=hour), "2026-12", or "all" */
  period: string;
  key: string;
  traces: number;
  costUSD: number;
  inputTokens: number;
  outputTokens: number;
  llmCalls: number;
  /** traces with an error (their own, a step's or a call's) */
  errors: number;
  costPerTrace: number;
  tokensPerTrace: number;
  llmCallsPerTrace: number;
  /** ms by component; absent where no trace of the row had that figure */
  p50: Partial<Record<TraceTimeComponent, number>>;
  p95: Partial<Record<TraceTimeComponent, number>>;
  /** mean ms by component: the stacked "where does the time go" bar */
  mean: Partial<Record<TraceTimeComponent, number>>;
}

export interface TraceStatsAnswer {
  groupBy: TraceStatsDimension;
  period: "hour" | "day" | "month" | "all";
  rows: TraceStatsRow[];
}

/** the part of a request's time that moved, and the step behind it */
export interface TraceStepCause {
  component: TraceTimeComponent;
  stepKind?: StepKind;
  stepName?: string;
  /** usual and new median ms per request */
  before: number;
  after: number;
  /** epoch ms of the first request of the change */
  since?: number;
  /** "p95 request time +120 % — retrieval step `vector-search` 180 ms → 1.9 s in feature=search, since 14:05" */
  sentence: string;
}

export interface TraceAnomalyItem {
  dimension: TraceStatsDimension;
  key: string;
  /** costPerTrace, llmCallsPerTrace, or p95.<component> */
  measure: string;
  day: number;
  dayLabel: string;
  value: number;
  expected: number;
  score: number;
  change: number;
  traces: number;
  message: string;
  rootCause?: TraceStepCause;
}

export interface TraceAnomalyAnswer {
  from: number;
  to: number;
  anomalies: TraceAnomalyItem[];
}
