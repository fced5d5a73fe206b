import type { Feedback, LLMCall, Recorder, RecorderEvent, RecorderOptions, SinkContext } from "../types.ts";
import { createDelivery, finalize } from "./deliver-call.ts";
import { getRecorder, patchFetch, registry, unpatchedFetch, unpatchFetch } from "./global-registry.ts";
import { randomId } from "./random-id.ts";
import { emptyStats, type RecorderCore } from "./recorder-core.ts";
import { createRecordingFetch, ORIGINAL_FETCH } from "./recording-fetch.ts";
import { createTagScope } from "./tag-scope.ts";

/** recent calls kept so feedback can find them for subscribers */
const RECENT = 200;

export function createRecorder(options: RecorderOptions = {}): Recorder {
  const sinks = options.sinks ?? [];
  const recent = new Map<string, LLMCall>();
  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch {
      core.stats.sinkErrors++;
    }
  };

  const deliver = (call: LLMCall) => {
    const out = finalize(core, call);
    if (!out) return;
    recent.set(out.id, out);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    for (const sink of sinks) guarded(() => sink.write(out));
    core.emit({ type: "end", call: out });
  };
  const delivery = createDelivery(deliver);

  const core: RecorderCore = {
    sessionId: options.sessionId ?? randomId(),
    options,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    paused: false,
    tags: createTagScope(options.asyncLocalStorage),
    stats: emptyStats(),
    ignored: [],
    listeners: new Set(),
    emit(event: RecorderEvent) {
      for (const listener of core.listeners) {
        try {
          listener(event);
        } catch {
          core.stats.internalErrors++;
        }
      }
    },
    drop(count, reason) {
      core.stats.dropped += count;
      core.stats.droppedByReason[reason] = (core.stats.droppedByReason[reason] ?? 0) + count;
    },
    finish: (live) => delivery.finish(core, live),
    track: (work) => delivery.track(work),
  };

  let installed: (typeof fetch & { [ORIGINAL_FETCH]: typeof fetch }) | undefined;
  const recorder: Recorder = {
    sessionId: core.sessionId,
    sinks,
    install() {
      patchFetch(recorder, (original) => {
        // a wrapper left behind on uninstall (someone patched over it) passes through
        const wrapper = createRecordingFetch(core, original, () => installed === wrapper);
        installed = wrapper;
        return wrapper;
      });
      return recorder.uninstall;
    },
    uninstall() {
      unpatchFetch(recorder);
      if (registry().recorder !== recorder) installed = undefined;
    },
    wrap<F extends typeof fetch>(fetchFn: F): F {
      // never record twice: unwrap a recording fetch first
      const inner = (fetchFn as { [ORIGINAL_FETCH]?: typeof fetch })[ORIGINAL_FETCH] ?? fetchFn;
      return createRecordingFetch(core, inner) as unknown as F;
    },
    subscribe(listener) {
      core.listeners.add(listener);
      return () => void core.listeners.delete(listener);
    },
    withTags: (tags, fn) => core.tags.run(tags, fn),
    feedback(callId, given) {
      const feedback: Feedback = { score: given.score, at: Date.now() };
      if (given.comment !== undefined) feedback.comment = given.comment;
      for (const sink of sinks) guarded(() => sink.feedback?.(callId, feedback));
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
      await delivery.settled();
      await Promise.all(sinks.map((sink) => Promise.resolve(sink.flush?.()).catch(() => void core.stats.sinkErrors++)));
    },
    stats: () => ({ ...core.stats, droppedByReason: { ...core.stats.droppedByReason } }),
  };

  const context: SinkContext = {
    fetch: (...args) => unpatchedFetch()(...args),
    drop: core.drop,
    error: () => void core.stats.sinkErrors++,
    ignore(prefix) {
      let href = prefix;
      try {
        href = new URL(prefix, (globalThis as { location?: { href?: string } }).location?.href).href;
      } catch {
        // not resolvable here (a relative prefix outside a page): match it as given
      }
      core.ignored.push(href);
    },
  };
  for (const sink of sinks) guarded(() => sink.attach?.(context));
  return recorder;
}

export { getRecorder };
