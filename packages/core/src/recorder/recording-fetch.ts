// The fetch wrapper itself. Non-LLM requests cost one URL check; LLM requests
// go out unchanged and the app gets the same Response (or an identical one
// around an observed stream) and the very same errors.
import { beginCall, type LiveCall } from "./live-call.ts";
import { failureOf, type RecorderCore } from "./recorder-core.ts";
import { later } from "./schedule.ts";

/** on every recording fetch: the fetch it calls, so wrappers can be unwrapped */
export const ORIGINAL_FETCH = Symbol.for("llmscope.originalFetch");

export type RecordingFetch = typeof fetch & { [ORIGINAL_FETCH]: typeof fetch };

export function createRecordingFetch(core: RecorderCore, original: typeof fetch, isActive: () => boolean = () => true): RecordingFetch {
  const recordingFetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let live: LiveCall | undefined;
    try {
      if (!core.paused && isActive()) live = beginCall(core, input, init);
    } catch {
      core.fault();
    }
    // `this` stays undefined: some runtimes reject fetch called on anything but the global
    if (!live) return Reflect.apply(original, undefined, arguments);
    let pending: Promise<Response>;
    try {
      pending = Reflect.apply(original, undefined, arguments);
    } catch (err) {
      fail(live, err);
    }
    return watch(core, live, pending);
  } as RecordingFetch;
  recordingFetch[ORIGINAL_FETCH] = original;
  return recordingFetch;
}

/**
 * A recorded call's answer, watched. Apart from the wrapper, which every
 * request passes: the JIT optimizes a function once enough of its code has
 * run, and a wrapper holding all of this, left at its first lines by every
 * GET, ran unoptimized for thousands of requests.
 */
function watch(core: RecorderCore, live: LiveCall, pending: Promise<Response>): Promise<Response> {
  // the request is read beside the wait for its answer only for subscribers, who get a start event; else at the call's end, so
  // that work never lands between a fast answer's arrival and the app's reading of it (its first chunk, with a local model)
  if (live.catchUp && core.listeners.size) later().then(live.catchUp).catch(core.fault);
  return pending.then((response) => {
    try {
      return live.observe(response);
    } catch {
      // a Response we cannot watch (frozen, or a body that is no web stream): the app
      // gets it untouched and the call ends with what is known
      core.fault();
      live.end({ status: response.status });
      return response;
    }
  }, (err: unknown) => fail(live, err));
}

/** the same error goes on to the app; the record keeps what it says */
function fail(live: LiveCall, err: unknown): never {
  live.end(failureOf(err));
  throw err;
}
