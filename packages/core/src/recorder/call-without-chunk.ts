// A finished call the recorder must hand on before the call-end chunk is at
// hand: the page is going away while it loads, or it could not load at all.
// Nothing may be lost, and nothing unscrubbed may leave, so the call goes out
// without what only the chunk can do safely or at all: its bodies, parameters
// and headers (the scrub's work) are left out, and so are its URL's query and
// the prompt (the chunk reads the request), and the provider behind a gateway
// stays unnamed; it keeps its model, read from the body by name, and its
// traceparent; its error gets the kind its status or failure alone says, and
// it has no fingerprint, estimate or cost.
// What stands in for the chunk then (withoutCallEnd) is only in builds that
// load it lazily; a Worker bundle links the chunk in and never needs it.
import type { ErrorSignals } from "../errors/index.ts";
import type { CallError, ErrorKind, LLMCall } from "../types.ts";
import type * as CallEndModule from "./call-end.ts";

/** the error kind from the status or the failure alone (classifyError reads the provider's body too) */
export function coarseError({ status = 0, providerError, thrown, aborted, timedOut, parseFailed }: ErrorSignals): CallError | undefined {
  const kind: ErrorKind | undefined = aborted
    ? "aborted"
    : timedOut
      ? "timeout"
      : thrown !== undefined
        ? "network"
        : parseFailed
          ? "parse"
          : status == 429
            ? "rate_limit"
            : status == 401 || status == 403
              ? "auth"
              : status >= 500 || (providerError && status < 400)
                ? "server"
                : status >= 400
                  ? "invalid_request"
                  : undefined;
  return kind && { kind, ...(status ? { status } : {}), message: status ? `HTTP ${status}` : kind };
}

/** the traceparent header the request carried, from any form fetch accepts */
export function traceparentOf(headers: HeadersInit | undefined): string | undefined {
  try {
    return new Headers(headers).get("traceparent") ?? undefined;
  } catch {
    return undefined;
  }
}

/** `"model": "…"` in a JSON body: a name, never a secret */
const MODEL = /"model"\s*:\s*"([^"\\]{1,200})"/;

export function stripCall(call: LLMCall, signals: ErrorSignals): void {
  call.phase = "done";
  call.error = coarseError(signals);
  call.params = {};
  const model = call.model ?? MODEL.exec(call.request?.body ?? "")?.[1];
  if (model) call.model = model;
  if (call.request) delete call.request.body;
  if (call.response) delete call.response.body;
}

/** the call-end chunk's stand-in: each part does what is safe without it */
export const withoutCallEnd: typeof CallEndModule = {
  classifyError: coarseError,
  fingerprintPrompt: () => "",
  readCallRequest(call, _stats, _adapter, match, _url, headers) {
    if (match.model) call.model = match.model;
    const traceparent = traceparentOf(headers);
    if (traceparent) call.traceparent = traceparent;
    return false;
  },
  // no headers without the scrub
  safeHeaders: () => ({}),
  finishCall(outlet, call, signals) {
    stripCall(call, signals);
    outlet.deliver(call);
  },
};
