// A recorder: the state its fetch wrappers share, and the end of every call's
// life here. The call's error is classified, tokens the provider did not
// report are estimated at idle time (never delaying the app), the call is
// priced and scrubbed, `redact` has the last word, then sinks and subscribers
// get it. What that takes beyond the estimator is one lazily loaded chunk
// (call-end.ts), off the app's path.
import { estimateUsage } from "../tokens/index.ts";
import type { Trace } from "../trace/types.ts";
import type { Feedback, LLMCall, Recorder, RecorderOptions, Sink, SinkContext } from "../types.ts";
import { callId } from "./call-id.ts";
import { getRecorder, patchFetch, unpatchedFetch, unpatchFetch } from "./global-registry.ts";
import { pageURL, type RecorderCore } from "./recorder-core.ts";
// "#exit-flush" is ./flush-before-exit.ts, or nothing in browser and Workers builds (see no-exit-flush.ts)
import { flushBeforeExit } from "#exit-flush";
import { createRecordingFetch, ORIGINAL_FETCH, type RecordingFetch } from "./recording-fetch.ts";
import { later, whenIdle } from "./schedule.ts";
import { createTagScope } from "./tag-scope.ts";
import { createTracing } from "./tracing.ts";
// per runtime (package.json "imports"): the call-end chunk loaded lazily, or linked in where a bundle inlines it anyway
import { callEndNow, loadCallEnd, type CallEnd } from "#load-call-end";

/** recent calls kept so feedback can find them for subscribers */
const RECENT = 200;

export function createRecorder(options: RecorderOptions = {}): Recorder {
  const { sinks = [], redact, prices, sessionId = callId() } = options;
  const stats = { captured: 0, dropped: 0, droppedByReason: {} as Record<string, number>, parseErrors: 0, sinkErrors: 0, internalErrors: 0, sampledOut: 0, inFlight: 0, traces: 0, openTraces: 0, tracesDropped: 0, tracesAbandoned: 0, stepsDropped: 0, attributesCut: 0 };
  const recent = new Map<string, LLMCall>();
  /** work flush() waits for */
  const pending = new Set<Promise<void>>();
  const fault = () => void stats.internalErrors++;

  /** each sink in turn; what one throws is counted, never passed on */
  const toSinks = (fn: (sink: Sink) => void) => {
    for (const sink of sinks) {
      try {
        fn(sink);
      } catch {
        stats.sinkErrors++;
      }
    }
  };

  const drop = (count: number, reason: string) => {
    stats.dropped += count;
    stats.droppedByReason[reason] = (stats.droppedByReason[reason] ?? 0) + count;
  };

  /** null when redact dropped the call */
  const redacted = (call: LLMCall): LLMCall | null => {
    if (!redact) return call;
    try {
      const kept = redact(call);
      if (!kept) drop(1, "redacted");
      return kept;
    } catch {
      // a failing redact might have been the one thing keeping a secret out: drop
      drop(1, "redact_failed");
      return null;
    }
  };

  /** calls (and steps, traces) waiting for the call-end chunk, which keep their order */
  let waiting = 0;
  /**
   * Runs use with the call-end chunk: at once when it has loaded and nothing
   * waits for it, else after everything that already waits (its load began on
   * install or wrap). undefined when it could not load, counted as an internal error.
   */
  const whenCallEnd = (use: (callEnd: CallEnd | undefined) => void): void => {
    const loaded = callEndNow();
    if (loaded && !waiting) return use(loaded);
    waiting++;
    const settled = (callEnd: CallEnd | undefined) => {
      waiting--;
      if (!callEnd) fault();
      use(callEnd);
    };
    track(loadCallEnd().then(settled, () => settled(undefined)));
  };

  const deliver = (call: LLMCall, { computeCost, scrubCallSecrets }: CallEnd) => {
    call.phase = "done";
    const { usage } = call;
    if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) {
      try {
        // a dated snapshot name prices best; an unknown one falls back to the requested model
        const dated = call.responseModel !== call.model ? call.responseModel : undefined;
        const cost = (dated && computeCost(dated, usage, prices)) ?? computeCost(call.model, usage, prices);
        if (cost) call.cost = cost;
      } catch {
        fault();
      }
    }
    try {
      // URLs and error messages quoting them, bodies and parameters: the built-in rules run before the app's redact
      scrubCallSecrets(call);
    } catch {
      fault();
    }
    const out = redacted(call);
    core.traceOf.get(call)?.settleCall(call, out);
    if (!out) return;
    recent.set(out.id, out);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    toSinks((sink) => sink.write(out));
    core.emit({ type: "end", call: out });
  };

  const track = (work: Promise<unknown>) => {
    const done: Promise<void> = work.catch(fault).then(() => void pending.delete(done));
    pending.add(done);
  };

  /** the call-end chunk starts loading when recording starts, so the first call rarely waits for it */
  const preloadCallEnd = () => void loadCallEnd().catch(() => undefined);

  /** a finished trace: through redactTrace, to the sinks that take traces and the subscribers */
  const deliverTrace = (trace: Trace) => {
    let out: Trace | null = trace;
    try {
      if (options.redactTrace) out = options.redactTrace(trace);
      if (!out) drop(1, "trace_redacted");
    } catch {
      drop(1, "trace_redact_failed");
      out = null;
    }
    if (!out) return;
    toSinks((sink) => sink.writeTrace?.(out));
    core.emit({ type: "trace-end", trace: out });
  };

  const core: RecorderCore = {
    sessionId,
    options,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    maxOpenTraces: options.maxOpenTraces ?? 1000,
    maxStepsPerTrace: options.maxStepsPerTrace ?? 500,
    traceTimeoutMs: options.traceTimeoutMs ?? 300_000,
    activeTraces: 0,
    traceOf: new WeakMap(),
    close(trace) {
      // summarized and delivered in a later task, with code loaded the first time a trace ends; after
      // what waits for the call-end chunk, so a step that ended before the trace is in it ended
      whenCallEnd(() =>
        track(
          later()
            .then(() => import("#trace-finish"))
            .then(({ finishTrace }) => deliverTrace(finishTrace(trace, options, stats, core.maxStepsPerTrace))),
        ),
      );
    },
    paused: false,
    tags: createTagScope(options.asyncLocalStorage),
    stats,
    ignored: [],
    listeners: new Set(),
    emit(event) {
      for (const listener of core.listeners) {
        try {
          listener(event);
        } catch {
          fault();
        }
      }
    },
    fault,
    track,
    whenCallEnd,
    finish(call, signals) {
      whenCallEnd((callEnd) => {
        // unscrubbed, a call may not leave
        if (!callEnd) {
          drop(1, "recorder_chunk_failed");
          return core.traceOf.get(call)?.settleCall(call, null);
        }
        const { usage, completion } = call;
        call.error = callEnd.classifyError(signals);
        // a refused request (429, 401, …) produced nothing and is not billed
        const nothingMade = call.error && !completion.text && !completion.toolCalls?.length;
        // embeddings produce no output tokens: a reported input count is the whole usage
        const reported = usage.inputTokens !== undefined && (usage.outputTokens !== undefined || call.operation === "embeddings");
        if (options.estimateTokens === false || reported || nothingMade) return deliver(call, callEnd);
        const estimated = whenIdle()
          .then(() => estimateUsage(call, options.tokenizer))
          .then(({ inputTokens, outputTokens }) => {
            call.usage = { ...usage, inputTokens: usage.inputTokens ?? inputTokens, outputTokens: usage.outputTokens ?? outputTokens, source: "estimated" };
          }, fault);
        track(estimated.then(() => deliver(call, callEnd)));
      });
    },
  };

  let installed: RecordingFetch | undefined;
  const recorder: Recorder = {
    sessionId,
    sinks,
    install() {
      preloadCallEnd();
      patchFetch(recorder, (original) => {
        // a wrapper left behind on uninstall (someone patched over it) passes through
        const wrapper = createRecordingFetch(core, original, () => installed === wrapper);
        return (installed = wrapper);
      });
      return recorder.uninstall;
    },
    uninstall() {
      unpatchFetch(recorder);
      installed = undefined;
    },
    // never record twice: a recording fetch is unwrapped first
    wrap<F extends typeof fetch>(fetchFn: F) {
      preloadCallEnd();
      return createRecordingFetch(core, (fetchFn as Partial<RecordingFetch>)[ORIGINAL_FETCH] ?? fetchFn) as unknown as F;
    },
    subscribe(listener) {
      core.listeners.add(listener);
      return () => void core.listeners.delete(listener);
    },
    withTags: (tags, fn) => core.tags.run(tags, fn),
    ...createTracing(core),
    feedback(callId, { score, comment }) {
      const feedback: Feedback = { score, at: Date.now() };
      if (comment !== undefined) feedback.comment = comment;
      toSinks((sink) => sink.feedback?.(callId, feedback));
      const call = recent.get(callId);
      if (call) {
        call.feedback = feedback;
        core.emit({ type: "feedback", call });
      }
    },
    setPaused(paused) {
      core.paused = paused;
    },
    get paused() {
      return core.paused;
    },
    async flush() {
      while (pending.size) await Promise.all(pending);
      await Promise.all(
        sinks.map(async (sink) => {
          try {
            await sink.flush?.();
          } catch {
            stats.sinkErrors++;
          }
        }),
      );
    },
    stats: () => ({ ...stats, droppedByReason: { ...stats.droppedByReason } }),
  };

  const context: SinkContext = {
    fetch: (...args) => unpatchedFetch()(...args),
    drop,
    error: () => void stats.sinkErrors++,
    ignore(prefix) {
      let href = prefix;
      try {
        href = new URL(prefix, pageURL()).href;
      } catch {
        // not resolvable here (a relative prefix outside a page): match it as given
      }
      core.ignored.push(href);
    },
  };
  toSinks((sink) => sink.attach?.(context));
  flushBeforeExit(recorder, () => stats.captured);
  return recorder;
}

export { getRecorder };
