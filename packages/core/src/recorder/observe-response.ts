// The response headers are in: watch the body as a stream or as one JSON
// document. Returns what the app receives; everything else waits for later.
import type { ErrorSignals } from "../errors/index.ts";
import type { ParsedResponse, StreamFormat } from "../providers/types.ts";
import { createChunkGaps } from "../stream/chunk-gaps.ts";
import { observeStream } from "../stream/observe-stream.ts";
import { createTextCapture } from "../stream/text-capture.ts";
import type { LLMCall } from "../types.ts";
import type { LiveCall } from "./live-call.ts";
import { failureOf, now, snapshot, type RecorderCore } from "./recorder-core.ts";
import { later } from "./schedule.ts";

/** live updates at most this often per call; the devtools coalesce per frame anyway */
const UPDATE_EVERY_MS = 33;

// a Response can be rebuilt around a new body only for these statuses
const canRebuild = (status: number) => status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304;

export function observeResponse(core: RecorderCore, live: LiveCall, response: Response): Response {
  const { call, adapter, match } = live;
  const { status, headers } = response;
  call.timing.ttfbMs = now() - live.t0;
  call.status = status;
  call.response = { headers: {} };
  live.responseHeaders = headers;
  const format = response.body && canRebuild(status) && adapter.streamFormat(match, headers.get("content-type") ?? "");
  let received = response;
  if (format) {
    call.stream = true;
    call.phase = "streaming";
    received = observeStreamed(core, live, response, format);
  } else {
    const signals = readJSON(core, live, response).catch((): ErrorSignals => {
      core.fault();
      return {};
    });
    core.track(signals.then(live.end));
  }

  later()
    .then(() => {
      live.catchUp();
      if (!live.ended && call.stream) core.emit({ type: "update", call: snapshot(call) });
    })
    .catch(core.fault);
  return received;
}

/** what the provider reported, into the record */
function apply(call: LLMCall, parsed: ParsedResponse): void {
  call.completion = parsed.completion;
  if (parsed.responseModel) call.responseModel = parsed.responseModel;
  if (parsed.usage) call.usage = { ...parsed.usage, source: "provider" };
}

/**
 * A response that is not a stream: read from a clone in the background, so
 * the app gets its very Response untouched. The copy is read as the bytes
 * arrive (timing is true) but looked at only in a later task, so the app's
 * own reading never waits on our parsing.
 */
function readJSON(core: RecorderCore, live: LiveCall, response: Response): Promise<ErrorSignals> {
  const { call, adapter, match } = live;
  const { status, ok } = response;
  return response
    .clone()
    .arrayBuffer()
    .then(async (buffer) => {
      call.timing.ttftMs = now() - live.t0;
      await later();
      const text = new TextDecoder().decode(buffer);
      const capture = createTextCapture(core.maxBodyBytes);
      capture.add(text, buffer.byteLength);
      capture.into(call.response!, call);
      let json: unknown;
      let parsed: ParsedResponse | undefined;
      let parseFailed = false;
      try {
        if (text) parsed = adapter.parseResponse((json = JSON.parse(text)), match, status);
      } catch {
        // an HTML error page from a proxy is not our parse error; its status says enough
        parseFailed = ok;
        if (ok || json !== undefined) core.stats.parseErrors++;
      }
      if (parsed) apply(call, parsed);
      return { status, providerError: parsed?.error, finishReason: call.completion.finishReason, parseFailed };
    }, failureOf);
}

/** a streamed response: the body is piped through observeStream and the app gets a Response around it that looks exactly like the original */
function observeStreamed(core: RecorderCore, live: LiveCall, response: Response, format: StreamFormat): Response {
  const { call } = live;
  const { stats } = core;
  const accumulator = live.adapter.createStream(live.match);
  const gaps = createChunkGaps();
  const capture = createTextCapture(core.maxBodyBytes);
  let lastUpdate = 0;
  const gather = () => {
    try {
      const result = accumulator.result();
      apply(call, result);
      return result;
    } catch {
      stats.parseErrors++;
    }
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
        stats.parseErrors++;
        return;
      }
      if (!content) return;
      call.timing.ttftMs ??= at - live.t0;
      if (core.listeners.size && at - lastUpdate >= UPDATE_EVERY_MS) {
        lastUpdate = at;
        live.catchUp();
        gather();
        core.emit({ type: "update", call: snapshot(call) });
      }
    },
    end(outcome, at) {
      const providerError = gather()?.error;
      const { finishReason } = call.completion;
      Object.assign(call.timing, gaps.summary());
      capture.into(call.response!, call);
      live.end(
        // SDKs stop reading at the terminator or at an error event: after either, a cancel is no abort
        outcome.kind === "cancelled" && !finishReason && !providerError
          ? { aborted: true }
          : outcome.kind === "errored"
            ? { ...failureOf(outcome.error), providerError }
            : { status: response.status, providerError, finishReason },
        at,
      );
    },
    fault: core.fault,
  });

  // the original as the init: its status, statusText and headers
  const wrapped = new Response(body, response);
  // a constructed Response has no url and type "default"; the app must see the original's
  for (const key of ["url", "redirected", "type"] as const) {
    Object.defineProperty(wrapped, key, { value: response[key], enumerable: true, configurable: true });
  }
  return wrapped;
}
