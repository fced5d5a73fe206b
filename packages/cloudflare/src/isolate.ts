// One recorder per isolate: a Workers isolate serves many requests, often at
// once, so the recorder is created on the first event and shared; what belongs
// to which request is kept apart by AsyncLocalStorage (see RequestScope).
import { beaconSink, createRecorder, type Recorder, type Sink } from "@llmscope/core";
import type { AsyncLocalStorageClass, AsyncLocalStorageLike } from "./async-local-storage.ts";
import { consoleSink } from "./console-sink.ts";
import type { LLMScopeOptions } from "./options.ts";
import type { RequestScope } from "./request-scope.ts";

/** failures inside this package, on top of the recorder's own stats */
export interface WorkerProblems {
  /** the options function or recorder set-up threw; requests ran unrecorded */
  setupErrors: number;
  /** the tags option threw; the request's calls went out without its tags */
  tagErrors: number;
  /** a request's calls were still running when delivery stopped waiting for them */
  deliveryTimeouts: number;
  /** delivery itself failed (the sinks' own failures are in sinkErrors) */
  deliveryErrors: number;
}

export interface Isolate {
  readonly recorder: Recorder;
  readonly scopes: AsyncLocalStorageLike<RequestScope>;
  readonly options: LLMScopeOptions;
  readonly problems: WorkerProblems;
  /** a fetch that records through this recorder, for SDKs that keep the fetch they were given */
  readonly fetch: typeof fetch;
}

const MAX_TRACKED_CALLS = 10_000;

let active: Isolate | undefined;

/** the isolate's recorder set-up, once the first event has arrived */
export function activeIsolate(): Isolate | undefined {
  return active;
}

export function emptyProblems(): WorkerProblems {
  return { setupErrors: 0, tagErrors: 0, deliveryTimeouts: 0, deliveryErrors: 0 };
}

function sinksFor(options: LLMScopeOptions): Sink[] {
  const sinks: Sink[] = [];
  if (options.endpoint) sinks.push(beaconSink({ url: options.endpoint, writeKey: options.writeKey, ...options.beacon }));
  if (options.console) sinks.push(consoleSink());
  return sinks.concat(options.sinks ?? []);
}

export function startIsolate(options: LLMScopeOptions, Storage: AsyncLocalStorageClass, problems: WorkerProblems): Isolate {
  const scopes = new Storage<RequestScope>();
  const byCall = new Map<string, RequestScope>();
  const userRedact = options.redact;
  const recorder = createRecorder({
    sinks: sinksFor(options),
    tags: options.defaultTags,
    sampleRate: options.sampleRate,
    maxBodyBytes: options.maxBodyBytes,
    prices: options.prices,
    // a tokenizer is a megabyte of ranks: only when asked for
    estimateTokens: options.estimateTokens ?? false,
    tokenizer: options.tokenizer,
    asyncLocalStorage: Storage as never,
    // every finished call passes here exactly once, even ones a user redact
    // drops, so this is where a request learns its call is over
    redact(call) {
      const scope = byCall.get(call.id);
      byCall.delete(call.id);
      scope?.ended(call.id);
      const attributed = scope ? scope.attribute(call) : call;
      return userRedact ? userRedact(attributed) : attributed;
    },
  });
  recorder.subscribe((event) => {
    if (event.type !== "start") return;
    // "start" is emitted inside the fetch call, so the store is the caller's request
    const scope = scopes.getStore();
    if (!scope) return;
    byCall.set(event.call.id, scope);
    // a call the recorder lost track of never reaches redact: do not keep it for ever
    if (byCall.size > MAX_TRACKED_CALLS) byCall.delete(byCall.keys().next().value!);
    scope.started(event.call.id);
  });
  recorder.install();
  const isolate: Isolate = {
    recorder,
    scopes,
    options,
    problems,
    fetch: recorder.wrap(globalThis.fetch),
  };
  active = isolate;
  return isolate;
}
