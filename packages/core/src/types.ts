// The record and the interfaces every package shares. Field names here are the
// contract between the recorder, the sinks, the devtools and the collector:
// extend freely, rename only with good reason (stored records depend on them).
import type { Sink } from "./sink-types.ts";

export type ErrorKind =
  | "rate_limit"
  | "context_length"
  | "content_filter"
  | "auth"
  | "invalid_request"
  | "overloaded"
  | "server"
  | "network"
  | "aborted"
  | "timeout"
  | "parse";

export type Operation = "chat" | "responses" | "completion" | "embeddings" | "generate";

export type Tags = Record<string, string>;

export interface ToolCall {
  name: string;
  arguments: string;
  id?: string;
}

export interface PromptMessage {
  role: string;
  content: string;
  toolCalls?: ToolCall[];
}

export interface Prompt {
  messages: PromptMessage[];
  system?: string;
  /** every message flattened to one string: what the fingerprint and search work on */
  text: string;
}

export interface Completion {
  text: string;
  finishReason?: string;
  toolCalls?: ToolCall[];
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  totalTokens?: number;
  source: "provider" | "estimated";
}

export interface Cost {
  inputUSD: number;
  cachedInputUSD: number;
  cacheWriteUSD?: number;
  outputUSD: number;
  totalUSD: number;
  /** the date of the price table the cost was computed with */
  priceDate: string;
}

export interface Timing {
  durationMs?: number;
  /** request sent → response headers */
  ttfbMs?: number;
  /** request sent → first completion content (text or tool call) */
  ttftMs?: number;
  chunkCount?: number;
  chunkGapsMs?: { p50: number; p95: number; max: number };
  /** every inter-chunk gap, capped in length; powers the sparkline */
  gapsMs?: number[];
}

export interface CallError {
  kind: ErrorKind;
  status?: number;
  code?: string;
  message: string;
}

export interface Feedback {
  score: 1 | -1;
  comment?: string;
  at: number;
}

export interface Quality {
  relevance?: number;
  accuracy?: number;
  coherence?: number;
  safety?: number;
  average?: number;
}

/** Raw HTTP as captured: secret headers already removed, body capped. */
export interface CapturedHttp {
  headers: Record<string, string>;
  body?: string;
  /** bytes of the body as sent/received, before the cap */
  bodyBytes?: number;
}

export interface LLMCall {
  id: string;
  sessionId: string;
  /** epoch ms */
  startedAt: number;
  /** epoch ms */
  endedAt?: number;
  /** pending: request sent · streaming: body arriving · done: recorded in full */
  phase: "pending" | "streaming" | "done";
  provider: string;
  operation: Operation;
  url: string;
  method: string;
  status?: number;
  stream: boolean;
  model?: string;
  responseModel?: string;
  params: { temperature?: number; maxTokens?: number; topP?: number; [k: string]: unknown };
  prompt: Prompt;
  completion: Completion;
  usage: Usage;
  cost?: Cost;
  timing: Timing;
  error?: CallError;
  tags: Tags;
  fingerprint: string;
  traceparent?: string;
  /** set when the call ran inside a trace: the trace's id (32 hex) */
  traceId?: string;
  /** the step the call ran under, when it was not directly under the trace root */
  parentId?: string;
  feedback?: Feedback;
  quality?: Quality;
  /** a captured body went over the byte cap and was cut */
  truncated?: boolean;
  request?: CapturedHttp;
  response?: CapturedHttp;
}

export type RecorderEvent =
  | { type: "start"; call: LLMCall }
  | { type: "update"; call: LLMCall }
  | { type: "end"; call: LLMCall }
  | { type: "feedback"; call: LLMCall }
  | { type: "trace-start"; trace: import("./trace/types.ts").Trace }
  | { type: "trace-update"; trace: import("./trace/types.ts").Trace }
  | { type: "trace-end"; trace: import("./trace/types.ts").Trace };

export interface RecorderStats {
  /** calls recorded (after sampling) */
  captured: number;
  /** calls that were not kept somewhere they should have been, by reason */
  dropped: number;
  droppedByReason: Record<string, number>;
  /** bodies or stream events the recorder could not parse (the call is still recorded) */
  parseErrors: number;
  /** errors thrown or rejected inside sinks */
  sinkErrors: number;
  /** any other failure caught inside the recorder */
  internalErrors: number;
  /** calls skipped by sampleRate */
  sampledOut: number;
  /** calls started but not yet ended */
  inFlight: number;
  /** traces begun and recorded */
  traces: number;
  /** traces begun but not yet ended */
  openTraces: number;
  /** traces not recorded because maxOpenTraces were open (their fn still ran) */
  tracesDropped: number;
  /** traces the app never ended, closed after traceTimeoutMs and marked abandoned */
  tracesAbandoned: number;
  /** steps cut by maxStepsPerTrace */
  stepsDropped: number;
  /** step attributes cut to size or left out (too many, too long) */
  attributesCut: number;
}

export type { CallPage, CallQuery, QueryableSink, Sink, SinkContext } from "./sink-types.ts";

/** The part of AsyncLocalStorage withTags needs. */
export interface TagStorage {
  run<R>(store: Tags, fn: () => R): R;
  getStore(): Tags | undefined;
}

export interface RecorderOptions {
  sinks?: Sink[];
  /** default tags on every call */
  tags?: Tags;
  /** the last word before a call leaves the recorder; return null to drop it */
  redact?: (call: LLMCall) => LLMCall | null;
  /** 0..1, fraction of LLM calls recorded; default 1 */
  sampleRate?: number;
  /** byte cap on each captured request/response body; default 256 KiB */
  maxBodyBytes?: number;
  /** price overrides, USD per 1M tokens, by model or family */
  prices?: Record<string, import("./pricing/price-table.ts").ModelPrice>;
  /** estimate tokens when the provider reports none; default true */
  estimateTokens?: boolean;
  /**
   * what estimates: "gpt-tokenizer" (default, faster), loaded lazily; or an
   * estimator function: `estimateUsage` from "@llmscope/core/tokens", which
   * Workers builds and browsers' production builds need (they bundle no
   * tokenizer), or `jsTiktoken` from "@llmscope/core/tokens/js-tiktoken"
   * ("js-tiktoken" by name works once that entry is imported)
   */
  tokenizer?: "gpt-tokenizer" | "js-tiktoken" | import("./tokens/token-estimator.ts").TokenEstimator;
  sessionId?: string;
  /**
   * AsyncLocalStorage (the class or an instance) for withTags to scope with.
   * Found on its own in Node 20.16+ and where a global one exists; pass it in
   * other runtimes (e.g. a Worker importing it from node:async_hooks).
   */
  asyncLocalStorage?: TagStorage | (new () => TagStorage);
  /** the last word before a trace leaves the recorder (after its steps' attributes are capped); return null to drop it */
  redactTrace?: (trace: import("./trace/types.ts").Trace) => import("./trace/types.ts").Trace | null;
  /** more endpoints whose fetches inside a trace are `retrieval` steps, tried before the built-in ones */
  retrievalEndpoints?: import("./trace/types.ts").RetrievalEndpoint[];
  /** steps kept per trace; later ones are counted, not kept. Default 500 */
  maxStepsPerTrace?: number;
  /** traces open at once; past it a trace's fn runs unrecorded, counted. Default 1000 */
  maxOpenTraces?: number;
  /** a trace not ended this long after it began is closed and marked abandoned. Default 300000 (5 min) */
  traceTimeoutMs?: number;
}

export interface Recorder {
  readonly sessionId: string;
  readonly sinks: readonly Sink[];
  /** patch globalThis.fetch; idempotent; returns uninstall */
  install(): () => void;
  uninstall(): void;
  /** a recording fetch around the given one, for an SDK's `fetch` option */
  wrap<F extends typeof fetch>(fetch: F): F;
  subscribe(listener: (event: RecorderEvent) => void): () => void;
  /** run fn with these tags on every call it makes (AsyncLocalStorage where the runtime has it) */
  withTags<T>(tags: Tags, fn: () => T): T;
  feedback(callId: string, feedback: { score: 1 | -1; comment?: string }): void;
  /** run fn as one trace: every call and step it makes (through every await where AsyncLocalStorage exists) belongs to it */
  trace<T>(name: string, fn: () => T, options?: import("./trace/types.ts").TraceOptions): T;
  /** time fn as a step of the current trace; outside any trace fn just runs */
  step<T>(name: string, fn: () => T, options?: import("./trace/types.ts").StepOptions): T;
  /** begin a trace by hand; end it with handle.end() */
  startTrace(name: string, options?: import("./trace/types.ts").TraceOptions): import("./trace/types.ts").TraceHandle;
  /** pause or resume capture (requests still pass through untouched) */
  setPaused(paused: boolean): void;
  readonly paused: boolean;
  /** resolves once pending estimates are attached and every sink has flushed */
  flush(): Promise<void>;
  stats(): RecorderStats;
}
