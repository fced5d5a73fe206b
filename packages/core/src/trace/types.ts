// The trace record: one user request as one unit. Shared by the recorder, the
// sinks, the collector, the console and the overlay, like LLMCall: extend
// freely, rename only with good reason (stored records depend on it).
import type { Tags } from "../types.ts";

export type StepKind = "llm" | "retrieval" | "tool" | "preprocess" | "http" | "agent" | "custom";

export interface StepError {
  kind: string;
  message: string;
}

/** One timed piece of work inside a trace (LLM calls are their own records, not steps). */
export interface Step {
  id: string;
  traceId: string;
  /** a step id, or absent for the trace root's direct children */
  parentId?: string;
  /** "vector-search", "get_weather", "GET api.example.com /search" */
  name: string;
  kind: StepKind;
  /** epoch ms */
  startedAt: number;
  durationMs?: number;
  error?: StepError;
  /** small and capped: query, topK, docs, tool call id, args/result (capped, redacted) */
  attributes?: Record<string, string | number | boolean>;
}

export interface TraceSummary {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  /** wall-clock ms by kind, each the union of its intervals (overlaps counted once) */
  llmMs: number;
  retrievalMs: number;
  toolMs: number;
  preprocessMs: number;
  httpMs: number;
  /** the trace's time covered by no step and no call: the app's own code */
  selfMs: number;
  /** trace start → first content token of any LLM call */
  firstTokenMs?: number;
}

export interface Trace {
  /** 32 hex (W3C trace id); an incoming traceparent's id is adopted */
  id: string;
  /** the app's span this trace belongs to, when it came with a traceparent */
  parentSpanId?: string;
  /** 16 hex: the trace root's own span id, the one a handle's traceparent() names while no step is open */
  spanId?: string;
  name: string;
  sessionId: string;
  /** inherited by every call and step inside */
  tags: Tags;
  /** epoch ms */
  startedAt: number;
  durationMs?: number;
  /** non-LLM steps; capped, what was cut is counted in droppedSteps */
  steps: Step[];
  /** ids of the LLM calls made inside, in start order */
  callIds?: string[];
  /** computed when the trace ends */
  summary?: TraceSummary;
  error?: StepError;
  /** steps cut by the per-trace cap */
  droppedSteps?: number;
  /** the app never ended it: closed by the recorder after its timeout */
  abandoned?: boolean;
}

export type StepAttributes = Record<string, string | number | boolean>;

export interface TraceOptions {
  /** inherited by every call and step inside the trace */
  tags?: Tags;
  /** an incoming W3C traceparent: its trace id is adopted, its span becomes parentSpanId */
  traceparent?: string;
}

export interface StepOptions {
  /** default "custom" */
  kind?: StepKind;
  attributes?: StepAttributes;
}

/** A step begun by hand: end it once, with the error if it failed. */
export interface StepHandle {
  readonly id: string;
  setAttributes(attributes: StepAttributes): void;
  end(error?: unknown): void;
}

/** A trace begun by hand (browsers, or code that cannot wrap a function). */
export interface TraceHandle {
  readonly id: string;
  /** time fn as a step of this trace; calls and steps fn starts are nested under it */
  step<T>(name: string, fn: () => T, options?: StepOptions): T;
  startStep(name: string, options?: StepOptions): StepHandle;
  /** run fn inside this trace: the calls it makes belong to it */
  run<T>(fn: () => T): T;
  /** a W3C traceparent header for outgoing requests, pointing at the innermost open step */
  traceparent(): string;
  /** end the trace; idempotent. The trace reaches the sinks once its calls have ended. */
  end(error?: unknown): void;
}

/**
 * A known retrieval API: a fetch inside a trace whose URL matches is a
 * `retrieval` step named after `system` instead of an `http` step. All given
 * patterns must match; `path` sees the path without the query.
 */
export interface RetrievalEndpoint {
  /** "pinecone", "qdrant", … (the step's `db.system` attribute) */
  system: string;
  host?: RegExp;
  path?: RegExp;
  /** default any method */
  method?: string;
}
