// A recorder: the state its fetch wrappers share, and the order in which
// finished calls, steps and traces take their way out. That way out (classify,
// estimate, price, scrub, redact, deliver: finish-call.ts) is in one lazily
// loaded chunk (call-end.ts), off the app's path.
import type { TraceOutlet } from "../trace/deliver-trace.ts";
import type { Feedback, LLMCall, Recorder, RecorderOptions, Sink, SinkContext } from "../types.ts";
import { callId } from "./call-id.ts";
import { getRecorder, patchFetch, unpatchedFetch, unpatchFetch } from "./global-registry.ts";
import { pageURL, type RecorderCore } from "./recorder-core.ts";
// "#exit-flush" is ./flush-before-exit.ts, or nothing in browser and Workers builds (see no-exit-flush.ts)
import { flushBeforeExit } from "#exit-flush";
import { createRecordingFetch, ORIGINAL_FETCH, type RecordingFetch } from "./recording-fetch.ts";
import { later } from "./schedule.ts";
import { createTagScope } from "./tag-scope.ts";
import type { CallOutlet } from "./finish-call.ts";
import { createTracing } from "./tracing.ts";
// per runtime (package.json "imports"): the line to the call-end chunk, loaded lazily and calls' ends gathered, or the
// chunk linked in where a bundle inlines it anyway
import { callEndLine } from "#call-end-line";

/** recent calls kept so feedback can find them for subscribers (kept only while someone subscribes: nobody else reads them) */
const RECENT = 200;

export function createRecorder(options: RecorderOptions = {}): Recorder {
  const { sinks = [], sessionId = callId() } = options;
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
    if (!options.redact) return call;
    try {
      const kept = options.redact(call);
      if (!kept) drop(1, "redacted");
      return kept;
    } catch {
      // a failing redact might have been the one thing keeping a secret out: drop
      drop(1, "redact_failed");
      return null;
    }
  };

  const track = (work: Promise<unknown>) => {
    const done: Promise<void> = work.catch(fault).then(() => void pending.delete(done));
    pending.add(done);
  };

  /** calls' starts and ends, steps' ends and traces' closes, in the order they came, with the call-end chunk */
  const line = callEndLine(fault, track, () => core.listeners.size > 0);

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
      line.whenCallEnd(() =>
        track(
          later()
            .then(() => import("#trace-finish"))
            .then(({ finishTrace, deliverTrace }) => deliverTrace(finishTrace(trace, options, stats, core.maxStepsPerTrace), traceOutlet)),
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
    whenCallEnd: line.whenCallEnd,
    finish(callEnd, call, signals) {
      callEnd.finishCall(outlet, call, signals);
    },
  };

  const traceOutlet: TraceOutlet = { options, drop, toSinks, emit: (event) => core.emit(event) };

  const outlet: CallOutlet = {
    core,
    deliver(call) {
      const out = redacted(call);
      core.traceOf.get(call)?.settleCall(call, out);
      if (!out) return;
      if (core.listeners.size) {
        recent.set(out.id, out);
        if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
      }
      toSinks((sink) => sink.write(out));
      core.emit({ type: "end", call: out });
    },
  };

  let installed: RecordingFetch | undefined;
  const recorder: Recorder = {
    sessionId,
    sinks,
    install() {
      line.preload();
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
      line.preload();
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
      // what waits for its gathering runs now; work still pending may end more calls
      for (line.runNow(); pending.size; line.runNow()) await Promise.all(pending);
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
  // the page hidden, maybe going away: what waits goes out now, with the chunk if it is at hand, else without it; registered
  // before the sinks attach, so theirs, which store or send what they hold, run after
  const g = globalThis as { document?: Document; addEventListener?: typeof addEventListener };
  if (g.document && g.addEventListener) {
    const hide = () => line.runNow(true);
    g.document.addEventListener("visibilitychange", () => g.document!.visibilityState == "hidden" && hide());
    g.addEventListener("pagehide", hide);
  }
  toSinks((sink) => sink.attach?.(context));
  flushBeforeExit(recorder, () => stats.captured);
  return recorder;
}

export { getRecorder };
