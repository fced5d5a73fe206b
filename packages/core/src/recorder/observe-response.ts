// The response headers are in: watch the body as a stream or as one JSON
// document. Returns what the app receives; everything else waits for later.
import { safeHeaders } from "../secrets/index.ts";
import { announceCall } from "./begin-call.ts";
import { later } from "./later.ts";
import { observeJSONResponse } from "./observe-json-response.ts";
import { observeStreamedResponse } from "./observe-streamed-response.ts";
import { now, snapshot, type LiveCall, type RecorderCore } from "./recorder-core.ts";

// a Response can be rebuilt around a new body only for these statuses
const canRebuild = (status: number) => status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304;

export function observeResponse(core: RecorderCore, live: LiveCall, response: Response): Response {
  const { call } = live;
  call.timing.ttfbMs = now() - live.t0;
  call.status = response.status;
  call.response = { headers: {} };
  live.responseHeaders = response.headers;
  const format = response.body && canRebuild(response.status) ? live.adapter.streamFormat(live.match, response.headers.get("content-type") ?? "") : null;
  let received = response;
  if (format) {
    call.stream = true;
    call.phase = "streaming";
    received = observeStreamedResponse(core, live, response, format);
  } else observeJSONResponse(core, live, response);

  later()
    .then(() => {
      announceCall(core, live);
      noteResponseHeaders(live);
      if (!live.ended && call.stream) core.emit({ type: "update", call: snapshot(call) });
    })
    .catch(() => void core.stats.internalErrors++);
  return received;
}

/** the response headers into the record, once: later, or when the call ends sooner */
export function noteResponseHeaders(live: LiveCall): void {
  if (!live.responseHeaders) return;
  live.call.response!.headers = safeHeaders(live.responseHeaders);
  live.responseHeaders = undefined;
}
