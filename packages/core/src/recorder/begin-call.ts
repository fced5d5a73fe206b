// Everything that happens when fetch is called, before the request leaves:
// is this an LLM call, should it be recorded, and what does it ask.
import { fingerprintPrompt } from "../fingerprint/index.ts";
import { findProvider } from "../providers/index.ts";
import { safeHeaders, safeUrl } from "../secrets/index.ts";
import { captureText } from "../stream/text-capture.ts";
import { utf8Length } from "../stream/utf8.ts";
import type { LLMCall } from "../types.ts";
import { randomId } from "./random-id.ts";
import { now, snapshot, type LiveCall, type RecorderCore } from "./recorder-core.ts";
import { readRequestBody } from "./request-body.ts";

const baseURL = () => (globalThis as { location?: { href?: string } }).location?.href;

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === "string") return input;
  if (typeof URL !== "undefined" && input instanceof URL) return input.href;
  return (input as Request).url ?? String(input);
}

function isIgnored(core: RecorderCore, href: string): boolean {
  for (const prefix of core.ignored) if (href.startsWith(prefix)) return true;
  return false;
}

/** undefined means: not ours to record, pass the call straight through */
export function beginCall(core: RecorderCore, input: RequestInfo | URL, init: RequestInit | undefined): LiveCall | undefined {
  const t0 = now();
  const url = new URL(urlOf(input), baseURL());
  if (isIgnored(core, url.href)) return undefined;
  const request = typeof Request !== "undefined" && input instanceof Request ? input : undefined;
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const found = findProvider(url, method);
  if (!found) return undefined;
  const rate = core.options.sampleRate ?? 1;
  if (rate < 1 && Math.random() >= rate) {
    core.stats.sampledOut++;
    return undefined;
  }

  // tags must be read now: the scope that holds them may be gone later
  const tags = { ...core.options.tags, ...core.tags.current() };
  const call: LLMCall = {
    id: "",
    sessionId: core.sessionId,
    startedAt: Date.now(),
    phase: "pending",
    provider: found.match.provider,
    operation: found.match.operation,
    url: safeUrl(url),
    method,
    stream: found.match.stream ?? false,
    model: found.match.model,
    params: {},
    prompt: { messages: [], text: "" },
    completion: { text: "" },
    usage: { source: "provider" },
    timing: {},
    tags,
    fingerprint: "",
  };
  // only taken here (a Request's body must be cloned before fetch reads it);
  // read once the request is on its way
  const live: LiveCall = { call, adapter: found.adapter, match: found.match, t0, headers: init?.headers ?? request?.headers, body: readRequestBody(input, init) };
  return live;
}

/**
 * What the request asks, and the start event. Runs once, after the request
 * left: from a later task, or first thing when the call ends sooner.
 */
export function announceCall(core: RecorderCore, live: LiveCall): void {
  if (live.announced) return;
  live.announced = true;
  const { call } = live;
  call.id = randomId();
  const headers = safeHeaders(live.headers);
  live.headers = undefined;
  call.request = { headers };
  if (headers.traceparent) call.traceparent = headers.traceparent;
  parseRequestBody(core, live);
  const announce = () => {
    if (!live.abandoned) core.emit({ type: "start", call: snapshot(call) });
  };
  if (live.requestRead) live.requestRead.then(announce);
  else announce();
}

function parseRequestBody(core: RecorderCore, live: LiveCall): void {
  const body = live.body;
  live.body = undefined;
  if (typeof body === "string") applyRequestBody(core, live, body);
  else if (body) {
    live.requestRead = body.then(
      (text) => applyRequestBody(core, live, text),
      () => void core.stats.parseErrors++,
    );
  } else live.call.fingerprint = fingerprintPrompt(live.call.prompt, live.call.tags.promptId);
}

function applyRequestBody(core: RecorderCore, live: LiveCall, text: string): void {
  const { call } = live;
  const captured = captureText(text, utf8Length(text), core.maxBodyBytes);
  call.request = { headers: call.request!.headers, body: captured.body, bodyBytes: captured.bodyBytes };
  if (captured.truncated) call.truncated = true;
  try {
    const parsed = live.adapter.parseRequest(JSON.parse(text), live.match);
    if (parsed.unrecognized) live.abandoned = true;
    if (parsed.model) call.model = parsed.model;
    call.params = parsed.params;
    call.prompt = parsed.prompt;
    call.stream = parsed.stream || call.stream;
  } catch {
    core.stats.parseErrors++;
  }
  call.fingerprint = fingerprintPrompt(call.prompt, call.tags.promptId);
}
