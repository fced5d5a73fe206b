// A finished call the recorder must hand on before the call-end chunk is at
// hand: the page is going away while it loads, or it could not load at all.
// Nothing may be lost, and nothing unscrubbed may leave, so the call goes out
// without what only the chunk can do safely: its bodies and parameters (the
// scrub's work) are left out, its error gets the kind its status or failure
// alone says, and it has no fingerprint, estimate or cost.
import type { ErrorSignals } from "../errors/index.ts";
import type { CallError, ErrorKind, LLMCall } from "../types.ts";

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

export function stripCall(call: LLMCall, signals: ErrorSignals): void {
  call.phase = "done";
  call.error = coarseError(signals);
  call.params = {};
  if (call.request) delete call.request.body;
  if (call.response) delete call.response.body;
}
