// The response headers are in: note them, then watch the body as a stream or
// as one JSON document. Returns what the app receives.
import { safeHeaders } from "../secrets/index.ts";
import { observeJSONResponse } from "./observe-json-response.ts";
import { observeStreamedResponse } from "./observe-streamed-response.ts";
import { now, snapshot, type LiveCall, type RecorderCore } from "./recorder-core.ts";

// a Response can be rebuilt around a new body only for these statuses
const canRebuild = (status: number) => status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304;

export function observeResponse(core: RecorderCore, live: LiveCall, response: Response): Response {
  const { call } = live;
  call.status = response.status;
  call.timing.ttfbMs = now() - live.t0;
  call.response = { headers: safeHeaders(response.headers) };
  const format = response.body && canRebuild(response.status) ? live.adapter.streamFormat(live.match, response.headers.get("content-type") ?? "") : null;
  if (!format) {
    observeJSONResponse(core, live, response);
    return response;
  }
  call.stream = true;
  call.phase = "streaming";
  core.emit({ type: "update", call: snapshot(call) });
  return observeStreamedResponse(core, live, response, format);
}
