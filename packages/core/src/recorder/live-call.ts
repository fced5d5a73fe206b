// One LLM call's life in the recorder: whether fetch's arguments make one at
// all, what the request asked (read once the request is on its way), the
// response watched as one JSON document or as a stream, and the single end
// every path takes (fetch rejected, JSON read, stream over).
import type { ErrorSignals } from "../errors/index.ts";
import { mayBeLLMCall } from "../providers/registry.ts";
import type { ParsedResponse, StreamFormat } from "../providers/types.ts";
import { createChunkGaps } from "../stream/chunk-gaps.ts";
import { createTextCapture } from "../stream/text-capture.ts";
import type { LLMCall } from "../types.ts";
import { callId } from "./call-id.ts";
import { beginHttpStep } from "./http-step.ts";
import { failureOf, now, snapshot, type RecorderCore } from "./recorder-core.ts";
import { callTarget, type CallTarget } from "./call-target.ts";
import { canRebuild } from "./rebuilt-response.ts";
import { readRequestBody } from "./request-body.ts";
import { later } from "./schedule.ts";
// per runtime (package.json "imports"): where only JavaScript reads a Response,
// the app's own read is seen; where the runtime may read it, a clone
import { watchBody, type BodySeen } from "#watch-body";
// and a stream: in place, or through a stream of ours in an identical Response
import { observedResponse } from "#observed-response";

export interface LiveCall {
  /**
   * Brings the record up to date with the work deferred so far (the request read and the start event out, once;
   * the response headers copied), from a later task or first thing when an update or the end comes sooner.
   * Absent where nothing is deferred (a trace's http step). */
  catchUp?(): void;
  /** the response headers are in: what the app receives (the very Response, or an identical one around an observed stream) */
  observe(response: Response): Response;
  /** the call is over: time it and hand it on (its error is classified on the way out); the first end wins */
  end(signals: ErrorSignals, at?: number): void;
}

/** live updates at most this often per call; the devtools coalesce per frame anyway */
const UPDATE_EVERY_MS = 33;
/** undefined: not ours, pass the call straight through. Small, apart: the JIT optimized the whole, which a GET or a POST that is no LLM call leaves at its first lines, only after thousands of requests */
export function beginCall(core: RecorderCore, input: RequestInfo | URL, init: RequestInit | undefined): LiveCall | undefined {
  const request = input instanceof Request ? input : undefined;
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  // outside any trace, a request no adapter can take (a GET) costs nothing more: no URL, no scope
  if (!core.activeTraces && !mayBeLLMCall(method)) return;
  const target = callTarget(input, method);
  // no LLM call outside any trace, or our own sinks' traffic: nothing more to look at (not even the clock)
  if ((!target.found && !core.activeTraces) || core.ignored.some((prefix) => target.url.href.startsWith(prefix))) return;
  return beginRecording(core, input, init, request, method, target, now());
}
/** a request that is an LLM call, or any inside a trace */
function beginRecording(core: RecorderCore, input: RequestInfo | URL, init: RequestInit | undefined, request: Request | undefined, method: string, { url, found }: CallTarget, t0: number): LiveCall | undefined {
  const { stats, options, maxBodyBytes, fault } = core;
  if (!found) return beginHttpStep(core, url, method);
  const { sampleRate = 1 } = options;
  if (sampleRate < 1 && Math.random() >= sampleRate) return void stats.sampledOut++;

  const { adapter, match } = found;
  const scope = core.tags.state();
  const call: LLMCall = {
    id: "",
    sessionId: core.sessionId,
    startedAt: Date.now(),
    phase: "pending",
    provider: match.provider,
    operation: match.operation,
    // no userinfo, no query until the call-end chunk keeps what of them is no secret
    url: url.origin + url.pathname,
    method,
    stream: match.stream ?? false,
    params: {},
    prompt: { messages: [], text: "" },
    completion: { text: "" },
    usage: { source: "provider" },
    timing: {},
    // read now: the scope that holds them may be gone later
    tags: { ...options.tags, ...scope?.tags },
    fingerprint: "",
  };
  if (scope?.trace?.joinCall(call, t0, scope.step)) core.traceOf.set(call, scope.trace);
  const { timing } = call;
  // taken now (a Request's body must be cloned before fetch reads it), looked at in catchUp and with the call-end chunk
  let headers = init?.headers ?? request?.headers;
  let body = readRequestBody(request, init);
  let announced = false;
  // set while a Blob or Request body is still being read
  let requestRead: Promise<void> | undefined;
  // the body showed this is not an LLM call after all: record nothing
  let abandoned = false;
  // the response's headers, until catchUp copies what may be kept
  let responseHeaders: Headers | undefined;
  let ended = false;
  // updates come after the start event, which may wait for the call-end chunk
  let started = false;
  // the request body as sent, until the call-end chunk reads it
  let requestText: string | undefined;

  /** into the record as text now; read (prompt, model, parameters) with the call-end chunk */
  const keepRequest = (text: string) => {
    const capture = createTextCapture(maxBodyBytes);
    capture.add(text);
    capture.into(call.request!, call);
    requestText = text;
  };
  // without the chunk (it could not load, or the page hid first) the request stays unread but for its traceparent: see call-without-chunk.ts
  const announce = () =>
    core.whenCallEnd((callEnd) => {
      abandoned = callEnd.readCallRequest(call, stats, adapter, match, url, headers, requestText);
      headers = requestText = undefined;
      if (abandoned) return;
      call.fingerprint = callEnd.fingerprintPrompt(call.prompt, call.tags.promptId);
      started = true;
      if (core.listeners.size) core.emit({ type: "start", call: snapshot(call) });
    });
  const catchUp = () => {
    if (!announced) {
      announced = true;
      call.id = callId();
      call.request = { headers: {} };
      const text = body;
      body = undefined;
      if (typeof text === "object") requestRead = text.then(keepRequest, () => void stats.parseErrors++).then(announce);
      else {
        if (text !== undefined) keepRequest(text);
        announce();
      }
    }
    if (responseHeaders) {
      const received = responseHeaders;
      responseHeaders = undefined;
      core.whenCallEnd((callEnd) => (call.response!.headers = callEnd.safeHeaders(received)));
    }
  };
  const end = (signals: ErrorSignals, at = now()) => {
    if (ended) return;
    ended = true;
    stats.inFlight--;
    try {
      timing.durationMs = at - t0;
      // when it ended, however late this runs (a JSON answer's end waits in the call-end line)
      call.endedAt = call.startedAt + Math.round(at - t0);
      catchUp();
      // after the start, in the call-end chunk's line: the request has been read by then
      const settle = () =>
        core.whenCallEnd((callEnd) => {
          if (!abandoned) return core.finish(callEnd, call, signals);
          stats.captured--;
          core.traceOf.get(call)?.dropCall(call);
        });
      if (requestRead) core.track(requestRead.then(settle));
      else settle();
    } catch {
      fault();
    }
  };
  /** what the provider reported, into the record */
  const apply = (parsed: ParsedResponse) => {
    call.completion = parsed.completion;
    if (parsed.responseModel) call.responseModel = parsed.responseModel;
    if (parsed.usage) call.usage = { ...parsed.usage, source: "provider" };
    if (parsed.truncated) call.truncated = true;
  };

  /** a whole body, arrived: into the record, parsed by the adapter */
  const parseJSON = (text: string, bytes: number, { status, ok }: Response): ErrorSignals => {
    const capture = createTextCapture(maxBodyBytes);
    capture.add(text, bytes);
    capture.into(call.response!, call);
    let json: unknown;
    let parsed: ParsedResponse | undefined;
    let parseFailed = false;
    try {
      if (text) parsed = adapter.parseResponse((json = JSON.parse(text)), match, status, maxBodyBytes);
    } catch {
      // an HTML error page from a proxy is not our parse error; its status says enough
      parseFailed = ok;
      if (ok || json !== undefined) stats.parseErrors++;
    }
    if (parsed) apply(parsed);
    return { status, providerError: parsed?.error, finishReason: call.completion.finishReason, parseFailed };
  };

  /**
   * A response that is not a stream: its body seen as the app reads it (the
   * app keeps its very Response) and looked at only in a later task, so the
   * app's own reading never waits on our parsing, and then in the call-end
   * line, with other calls' ends where they are gathered (call-end-line.ts).
   */
  const observeJSON = (response: Response): void => {
    let arrived!: (body: BodySeen) => void;
    const seen = new Promise<BodySeen>((resolve) => (arrived = resolve));
    // one task after the headers, shared: the watch looks then whether the app has begun reading, and a body seen
    // before then is parsed then; one seen later waits a task of its own, so the app's continuation runs first
    let ticked = false;
    const tick = later().then(() => void (ticked = true));
    watchBody(response, arrived, tick);
    core.track(
      seen.then(async (body) => {
        const at = now();
        // an error body is no answer: it has no first token to time
        if (response.ok && "text" in body) timing.ttftMs = at - t0;
        await (ticked ? later() : tick);
        core.whenCallEnd(() => {
          let signals: ErrorSignals = { status: response.status };
          try {
            if ("text" in body) signals = parseJSON(body.text, body.bytes, response);
            else if ("error" in body) signals = failureOf(body.error);
          } catch {
            fault();
          }
          end(signals, at);
        });
      }),
    );
  };

  /** a streamed response: its body watched as it goes by (see #observed-response); the app gets its own Response or one that looks exactly like it */
  const observeStreamed = (response: Response, format: StreamFormat): Response => {
    // the completion is kept up to the bodies' cap: a stream of any length holds no more
    const accumulator = adapter.createStream(match, maxBodyBytes);
    const gaps = createChunkGaps();
    const capture = createTextCapture(maxBodyBytes);
    let lastUpdate = 0;
    const gather = () => {
      try {
        const result = accumulator.result();
        apply(result);
        return result;
      } catch {
        stats.parseErrors++;
      }
    };
    return observedResponse(response, format, {
      chunk(text, bytes, at) {
        gaps.add(at);
        capture.add(text, bytes);
      },
      event(event, at) {
        let content: boolean;
        try {
          content = accumulator.push(event).content;
        } catch {
          stats.parseErrors++;
          return;
        }
        if (!content) return;
        timing.ttftMs ??= at - t0;
        if (core.listeners.size && at - lastUpdate >= UPDATE_EVERY_MS) {
          lastUpdate = at;
          catchUp();
          if (!started) return;
          gather();
          core.emit({ type: "update", call: snapshot(call) });
        }
      },
      end(outcome, at) {
        const providerError = gather()?.error;
        const { finishReason } = call.completion;
        Object.assign(timing, gaps.summary());
        capture.into(call.response!, call);
        end(
          // SDKs stop reading at the terminator or at an error event: after either, a cancel is no abort
          outcome.kind === "cancelled" && !finishReason && !providerError
            ? { aborted: true }
            : outcome.kind === "errored"
              ? { ...failureOf(outcome.error), providerError }
              : { status: response.status, providerError, finishReason },
          at,
        );
      },
      cut: () => void (call.truncated = true),
      fault,
      pending: core.track,
      live: () => core.listeners.size > 0, // subscribers get updates as the text comes; else it is framed in slices, off the app's path
    });
  };

  stats.captured++;
  stats.inFlight++;
  return {
    catchUp,
    end,
    observe(response) {
      timing.ttfbMs = now() - t0;
      const status = (call.status = response.status);
      call.response = { headers: {} };
      responseHeaders = response.headers;
      const format = response.body && canRebuild(status) && adapter.streamFormat(match, responseHeaders.get("content-type") ?? "");
      if (!format) {
        observeJSON(response);
        return response;
      }
      call.stream = true;
      call.phase = "streaming";
      // subscribers learn the call is streaming (a JSON body's end comes soon enough); without any, nothing runs beside the chunks
      if (core.listeners.size)
        later()
          .then(() => {
            catchUp();
            if (!ended && started && core.listeners.size) core.emit({ type: "update", call: snapshot(call) });
          })
          .catch(fault);
      return observeStreamed(response, format);
    },
  };
}
