// A streamed response: the body is piped through observeStream and the app
// gets a new Response around it that looks exactly like the original.
import { classifyError } from "../errors/index.ts";
import type { StreamFormat } from "../providers/types.ts";
import { createChunkGaps } from "../stream/chunk-gaps.ts";
import { observeStream, type StreamOutcome } from "../stream/observe-stream.ts";
import { createTextCapture } from "../stream/text-capture.ts";
import { announceCall } from "./begin-call.ts";
import { failureOf } from "./failure-of.ts";
import { snapshot, type LiveCall, type RecorderCore } from "./recorder-core.ts";

/** live updates at most this often per call; the devtools coalesce per frame anyway */
const UPDATE_EVERY_MS = 33;

export function observeStreamedResponse(core: RecorderCore, live: LiveCall, response: Response, format: StreamFormat): Response {
  const { call } = live;
  const accumulator = live.adapter.createStream(live.match);
  const gaps = createChunkGaps();
  const capture = createTextCapture(core.maxBodyBytes);
  let lastUpdate = 0;

  const gather = () => {
    try {
      const result = accumulator.result();
      call.completion = result.completion;
      if (result.responseModel) call.responseModel = result.responseModel;
      if (result.usage) call.usage = { ...result.usage, source: "provider" };
      return result;
    } catch {
      core.stats.parseErrors++;
      return undefined;
    }
  };

  const end = (outcome: StreamOutcome, at: number) => {
    const result = gather();
    Object.assign(call.timing, gaps.summary());
    const body = capture.result();
    Object.assign(call.response!, { body: body.body, bodyBytes: body.bodyBytes });
    if (body.truncated) call.truncated = true;
    // SDKs stop reading at the terminator or at an error event: after either, a cancel is no abort
    if (outcome.kind === "cancelled" && !call.completion.finishReason && !result?.error) call.error = classifyError({ aborted: true });
    else if (outcome.kind === "errored") call.error = classifyError({ ...failureOf(outcome.error), providerError: result?.error });
    else call.error = classifyError({ status: response.status, providerError: result?.error, finishReason: call.completion.finishReason });
    call.timing.durationMs = at - live.t0;
    core.finish(live);
  };

  const body = observeStream(response.body!, format, {
    chunk(text, bytes, at) {
      gaps.add(at);
      capture.add(text, bytes);
    },
    event(event, at) {
      let content: boolean;
      try {
        content = accumulator.push(event).content;
      } catch {
        core.stats.parseErrors++;
        return;
      }
      if (!content) return;
      if (call.timing.ttftMs === undefined) call.timing.ttftMs = at - live.t0;
      if (core.listeners.size > 0 && at - lastUpdate >= UPDATE_EVERY_MS) {
        lastUpdate = at;
        announceCall(core, live);
        gather();
        core.emit({ type: "update", call: snapshot(call) });
      }
    },
    end,
    fault: () => void core.stats.internalErrors++,
  });

  const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // a constructed Response has no url and type "default"; the app must see the original's
  for (const key of ["url", "redirected", "type"] as const) {
    Object.defineProperty(wrapped, key, { value: response[key], enumerable: true, configurable: true });
  }
  return wrapped;
}
