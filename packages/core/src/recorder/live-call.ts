// One LLM call's life in the recorder: whether fetch's arguments make one at
// all, what the request asked (read once the request is on its way), and the
// single end every path takes (fetch rejected, JSON read, stream over).
import { classifyError, type ErrorSignals } from "../errors/index.ts";
import { fingerprintPrompt } from "../fingerprint/index.ts";
import { findProvider } from "../providers/index.ts";
import type { ProviderAdapter, ProviderMatch } from "../providers/types.ts";
import { safeHeaders, safeUrl } from "../secrets/index.ts";
import { createTextCapture } from "../stream/text-capture.ts";
import type { LLMCall } from "../types.ts";
import { now, pageURL, randomId, snapshot, type RecorderCore } from "./recorder-core.ts";
import { readRequestBody } from "./request-body.ts";

export interface LiveCall {
  readonly call: LLMCall;
  readonly adapter: ProviderAdapter;
  readonly match: ProviderMatch;
  /** performance.now() when fetch was called */
  readonly t0: number;
  /** the response's headers, until catchUp copies what may be kept */
  responseHeaders?: Headers;
  /** the end came: no more updates */
  ended?: boolean;
  /**
   * Brings the record up to date with the work deferred so far: the request
   * parsed and the start event out (once), the response headers copied. Runs
   * from a later task, or first thing when an update or the end comes sooner.
   */
  catchUp(): void;
  /** the call is over: classify, time and hand it on; the first end wins */
  end(signals: ErrorSignals, at?: number): void;
}

/** undefined means: not ours to record, pass the call straight through */
export function beginCall(core: RecorderCore, input: RequestInfo | URL, init: RequestInit | undefined): LiveCall | undefined {
  const t0 = now();
  const { stats, options } = core;
  const url = new URL((input as Request).url ?? String(input), pageURL());
  if (core.ignored.some((prefix) => url.href.startsWith(prefix))) return;
  const request = typeof Request !== "undefined" && input instanceof Request ? input : undefined;
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const found = findProvider(url, method);
  if (!found) return;
  const { sampleRate = 1 } = options;
  if (sampleRate < 1 && Math.random() >= sampleRate) return void stats.sampledOut++;

  const { adapter, match } = found;
  const call: LLMCall = {
    id: "",
    sessionId: core.sessionId,
    startedAt: Date.now(),
    phase: "pending",
    provider: match.provider,
    operation: match.operation,
    url: safeUrl(url),
    method,
    stream: match.stream ?? false,
    model: match.model,
    params: {},
    prompt: { messages: [], text: "" },
    completion: { text: "" },
    usage: { source: "provider" },
    timing: {},
    // read now: the scope that holds them may be gone later
    tags: { ...options.tags, ...core.tags.current() },
    fingerprint: "",
  };
  // taken now (a Request's body must be cloned before fetch reads it), looked at in catchUp
  let headers = init?.headers ?? request?.headers;
  let body = readRequestBody(request, init);
  let announced = false;
  // set while a Blob or Request body is still being read
  let requestRead: Promise<void> | undefined;
  // the body showed this is not an LLM call after all: record nothing
  let abandoned = false;

  const parseRequest = (text: string) => {
    const capture = createTextCapture(core.maxBodyBytes);
    capture.add(text);
    capture.into(call.request!, call);
    try {
      const parsed = adapter.parseRequest(JSON.parse(text), match);
      abandoned = !!parsed.unrecognized;
      if (parsed.model) call.model = parsed.model;
      call.params = parsed.params;
      call.prompt = parsed.prompt;
      call.stream = parsed.stream || call.stream;
    } catch {
      stats.parseErrors++;
    }
  };
  const announce = () => {
    call.fingerprint = fingerprintPrompt(call.prompt, call.tags.promptId);
    if (!abandoned) core.emit({ type: "start", call: snapshot(call) });
  };

  stats.captured++;
  stats.inFlight++;
  const live: LiveCall = {
    call,
    adapter,
    match,
    t0,
    catchUp() {
      if (!announced) {
        announced = true;
        call.id = randomId();
        const kept = safeHeaders(headers);
        call.request = { headers: kept };
        if (kept.traceparent) call.traceparent = kept.traceparent;
        const text = body;
        headers = body = undefined;
        if (typeof text === "object") requestRead = text.then(parseRequest, () => void stats.parseErrors++).then(announce);
        else {
          if (text !== undefined) parseRequest(text);
          announce();
        }
      }
      if (live.responseHeaders) {
        call.response!.headers = safeHeaders(live.responseHeaders);
        live.responseHeaders = undefined;
      }
    },
    end(signals, at = now()) {
      if (live.ended) return;
      live.ended = true;
      stats.inFlight--;
      try {
        call.error = classifyError(signals);
        call.timing.durationMs = at - t0;
        call.endedAt = Date.now();
        live.catchUp();
        const settle = () => (abandoned ? void stats.captured-- : core.finish(call));
        if (requestRead) core.track(requestRead.then(settle));
        else settle();
      } catch {
        core.fault();
      }
    },
  };
  return live;
}
