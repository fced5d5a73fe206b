// The fetch wrapper itself. Non-LLM requests cost one URL check; LLM requests
// go out unchanged and the app gets the same Response (or an identical one
// around an observed stream) and the very same errors.
import { classifyError } from "../errors/index.ts";
import { announceCall, beginCall } from "./begin-call.ts";
import { failureOf } from "./failure-of.ts";
import { later } from "./later.ts";
import { observeResponse } from "./observe-response.ts";
import type { LiveCall, RecorderCore } from "./recorder-core.ts";

/** on every recording fetch: the fetch it calls, so wrappers can be unwrapped */
export const ORIGINAL_FETCH = Symbol.for("llmscope.originalFetch");

export type RecordingFetch = typeof fetch & { [ORIGINAL_FETCH]: typeof fetch };

export function createRecordingFetch(core: RecorderCore, original: typeof fetch, isActive: () => boolean = () => true): RecordingFetch {
  const recordingFetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // `this` stays undefined: some runtimes reject fetch called on anything but the global
    if (core.paused || !isActive()) return Reflect.apply(original, undefined, arguments);
    let live: LiveCall | undefined;
    try {
      live = beginCall(core, input, init);
    } catch {
      core.stats.internalErrors++;
    }
    if (!live) return Reflect.apply(original, undefined, arguments);
    const call = live;
    core.stats.captured++;
    core.stats.inFlight++;

    let pending: Promise<Response>;
    try {
      pending = Reflect.apply(original, undefined, arguments);
    } catch (err) {
      failed(core, call, err);
      throw err;
    }
    later().then(() => announceCall(core, call)).catch(() => void core.stats.internalErrors++);
    return pending.then(
      (response) => {
        try {
          return observeResponse(core, call, response);
        } catch {
          core.stats.internalErrors++;
          return response;
        }
      },
      (err: unknown) => {
        failed(core, call, err);
        throw err;
      },
    );
  } as RecordingFetch;
  recordingFetch[ORIGINAL_FETCH] = original;
  return recordingFetch;
}

function failed(core: RecorderCore, live: LiveCall, err: unknown): void {
  try {
    live.call.error = classifyError(failureOf(err));
    core.finish(live);
  } catch {
    core.stats.internalErrors++;
  }
}
