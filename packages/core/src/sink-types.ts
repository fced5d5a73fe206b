// What a sink is to the recorder, and what a sink that also answers queries
// (the IndexedDB sink) offers the devtools and the collector. Part of the
// shared contract: types.ts re-exports it.
import type { Trace } from "./trace/types.ts";
import type { ErrorKind, Feedback, LLMCall } from "./types.ts";

/** What the recorder hands a sink when it is attached. */
export interface SinkContext {
  /** the fetch from before install(): sinks send with it so their traffic is never recorded */
  fetch: typeof fetch;
  /** count calls a sink had to give up on; they show in recorder.stats() */
  drop(count: number, reason: string): void;
  /** report a failure inside the sink; counted as sinkErrors, never thrown into the app */
  error(err: unknown): void;
  /** never record requests whose URL starts with this prefix (a sink's own endpoint) */
  ignore(urlPrefix: string): void;
}

export interface Sink {
  readonly name: string;
  attach?(ctx: SinkContext): void;
  /** a finished call (tokens estimated, cost computed, redact applied); must not throw */
  write(call: LLMCall): void;
  /** a finished trace (summary computed, redact applied); must not throw. Sinks without it ignore traces. */
  writeTrace?(trace: Trace): void;
  /** feedback for a call already written */
  feedback?(callId: string, feedback: Feedback): void;
  /** resolve once everything written so far is durably stored or delivered */
  flush?(): Promise<void>;
  close?(): Promise<void>;
}

/** Query shape shared by the IndexedDB sink, the devtools and the collector. */
export interface CallQuery {
  sessionId?: string;
  userId?: string;
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
  fingerprint?: string;
  model?: string;
  provider?: string;
  errorKind?: ErrorKind;
  /** substring of prompt or completion text, case-insensitive */
  text?: string;
  limit?: number;
  cursor?: string;
}

export interface CallPage {
  calls: LLMCall[];
  /** pass back to get the next page; absent on the last page */
  cursor?: string;
}

/** A sink that can also answer queries (the IndexedDB sink); the devtools look for it. */
export interface QueryableSink extends Sink {
  queryCalls(query: CallQuery): Promise<CallPage>;
  getCall(id: string): Promise<LLMCall | undefined>;
  count(): Promise<number>;
  clear(): Promise<void>;
}
