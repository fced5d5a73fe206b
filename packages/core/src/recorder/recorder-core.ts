// The state one recorder shares between its fetch wrappers, its stream
// observers and its delivery pipeline. Internal: the public face is Recorder.
import type { ProviderAdapter, ProviderMatch } from "../providers/types.ts";
import type { LLMCall, RecorderEvent, RecorderOptions, RecorderStats } from "../types.ts";
import type { TagScope } from "./tag-scope.ts";

export interface LiveCall {
  call: LLMCall;
  adapter: ProviderAdapter;
  match: ProviderMatch;
  /** performance.now() when fetch was called */
  t0: number;
  /** the request headers and body as given to fetch, until announceCall reads them */
  headers?: HeadersInit;
  body?: string | Promise<string>;
  /** announceCall ran: the request is parsed and the start event out */
  announced?: boolean;
  /** the response's headers, until noteResponseHeaders copies what may be kept */
  responseHeaders?: Headers;
  /** the response is over: no more updates */
  ended?: boolean;
  /** set while a Blob or Request body is still being read */
  requestRead?: Promise<void>;
  /** the body showed this is not an LLM call after all: record nothing */
  abandoned?: boolean;
}

export interface RecorderCore {
  readonly sessionId: string;
  readonly options: RecorderOptions;
  readonly maxBodyBytes: number;
  paused: boolean;
  readonly tags: TagScope;
  readonly stats: RecorderStats;
  /** URL prefixes sinks asked us never to record */
  readonly ignored: string[];
  readonly listeners: Set<(event: RecorderEvent) => void>;
  emit(event: RecorderEvent): void;
  drop(count: number, reason: string): void;
  /** the response is over (or failed): estimate, price, redact, deliver */
  finish(live: LiveCall): void;
  /** work flush() must wait for (a response body read in the background) */
  track(work: Promise<unknown>): void;
}

/**
 * What subscribers get for start and update: a shallow copy, so a consumer
 * holding an earlier event sees it unchanged and a new object means news.
 */
export function snapshot(call: LLMCall): LLMCall {
  return { ...call, timing: { ...call.timing } };
}

export const now = (): number => performance.now();

/** stats as a fresh object every time, so callers may keep or compare them */
export function emptyStats(): RecorderStats {
  return { captured: 0, dropped: 0, droppedByReason: {}, parseErrors: 0, sinkErrors: 0, internalErrors: 0, sampledOut: 0, inFlight: 0 };
}
