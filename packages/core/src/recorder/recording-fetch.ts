// The fetch wrapper itself. Non-LLM requests cost one URL check; LLM requests
// go out unchanged and the app gets the same Response (or an identical one
// around an observed stream) and the very same errors.
import { beginCall, type LiveCall } from "./live-call.ts";
import { observeResponse } from "./observe-response.ts";
import { failureOf, type RecorderCore } from "./recorder-core.ts";
import { later } from "./schedule.ts";

/** on every recording fetch: the fetch it calls, so wrappers can be unwrapped */
export const ORIGINAL_FETCH = Symbol.for("llmscope.originalFetch");

export type RecordingFetch = typeof fetch & { [ORIGINAL_FETCH]: typeof fetch };

export function createRecordingFetch(core: RecorderCore, original: typeof fetch, isActive: () => boolean = () => true): RecordingFetch {
  const recordingFetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // `this` stays undefined: some runtimes reject fetch called on anything but the global
    const args = arguments;
    const send = (): Promise<Response> => Reflect.apply(original, undefined, args);
    let live: LiveCall | undefined;
    try {
      if (!core.paused && isActive()) live = beginCall(core, input, init);
    } catch {
      core.fault();
    }
    return live ? record(core, live, send) : send();
  } as RecordingFetch;
  recordingFetch[ORIGINAL_FETCH] = original;
  return recordingFetch;
}

function record(core: RecorderCore, live: LiveCall, send: () => Promise<Response>): Promise<Response> {
  function fail(err: unknown): never {
    live.end(failureOf(err));
    throw err;
  }
  let pending: Promise<Response>;
  try {
    pending = send();
  } catch (err) {
    fail(err);
  }
  later().then(live.catchUp).catch(core.fault);
  return pending.then((response) => {
    try {
      return observeResponse(core, live, response);
    } catch {
      core.fault();
      return response;
    }
  }, fail);
}
