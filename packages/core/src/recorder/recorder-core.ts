// The state one recorder shares between its fetch wrappers, its response
// observers and its delivery pipeline. Internal: the public face is Recorder.
import type { ErrorSignals } from "../errors/index.ts";
import type { OpenTrace, TraceHost } from "../trace/open-trace.ts";
import type { LLMCall, RecorderEvent, RecorderOptions, RecorderStats } from "../types.ts";
import type { CallEnd } from "./call-end-lazy.ts";
import type { TagScope } from "./tag-scope.ts";

export interface RecorderCore extends TraceHost {
  readonly sessionId: string;
  readonly options: RecorderOptions;
  /** options.maxBodyBytes, defaulted */
  readonly maxBodyBytes: number;
  paused: boolean;
  readonly tags: TagScope;
  readonly stats: RecorderStats;
  /** URL prefixes sinks asked us never to record */
  readonly ignored: string[];
  readonly listeners: Set<(event: RecorderEvent) => void>;
  emit(event: RecorderEvent): void;
  /** counts a failure inside the recorder; fits a promise's catch */
  fault(): void;
  /** the call is over and its request read: classify, estimate, price, scrub, redact, deliver (with the call-end chunk; called in its line, see whenCallEnd) */
  finish(callEnd: CallEnd, call: LLMCall, signals: ErrorSignals): void;
  /**
   * use, given the lazily loaded call-end chunk (or what stands in for it when
   * it could not load, or the page hides first: call-without-chunk.ts): at
   * once when it is at hand, else in the order such work came
   */
  whenCallEnd(use: (callEnd: CallEnd) => void): void;
  /** work flush() must wait for (a body read in the background); a rejection is a fault */
  track(work: Promise<unknown>): void;
  /** options.maxOpenTraces, defaulted */
  readonly maxOpenTraces: number;
  /** the trace each call made inside one belongs to, until it settles there */
  readonly traceOf: WeakMap<LLMCall, OpenTrace>;
}

export const now = (): number => performance.now();

/** the page's address, where there is a page: relative URLs resolve against it */
export const pageURL = (): string | undefined => (globalThis as { location?: { href?: string } }).location?.href;

/**
 * What subscribers get for start and update: a shallow copy, so a consumer
 * holding an earlier event sees it unchanged and a new object means news.
 */
export const snapshot = (call: LLMCall): LLMCall => ({ ...call, timing: { ...call.timing } });


/** what classifyError needs to know about a thrown error (fetch rejected, body failed) */
export function failureOf(thrown: unknown): ErrorSignals {
  const name = (thrown as { name?: unknown } | null)?.name;
  return { thrown, aborted: name === "AbortError", timedOut: name === "TimeoutError" };
}
