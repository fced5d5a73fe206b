// What a call's request said, read in the call-end chunk (the app's path only
// keeps what it needs to: the URL object, the headers as given, the body's
// text): its URL and headers with the secrets left out, the provider behind a
// gateway named, and its body (prompt, model, parameters) read by the adapter
// that matched it.
import { viaGateway } from "../providers/gateway.ts";
import { readRequest } from "../providers/request-readers.ts";
import type { ParsedRequest, ProviderAdapter, ProviderMatch, ProviderWire } from "../providers/types.ts";
import { safeHeaders, safeUrl } from "../secrets/index.ts";
import type { LLMCall, RecorderStats } from "../types.ts";

/**
 * true when the body showed this is no LLM call after all (see
 * ParsedRequest.unrecognized); text is the body as sent, when it was text the
 * recorder could read
 */
export function readCallRequest(
  call: LLMCall,
  stats: RecorderStats,
  adapter: ProviderWire | ProviderAdapter,
  match: ProviderMatch,
  url: URL,
  headers: HeadersInit | undefined,
  text: string | undefined,
): boolean {
  call.url = safeUrl(url);
  // a built-in's match as findProvider gives it (an app's adapter's is as it said)
  const routed = "parseRequest" in adapter ? match : viaGateway(url, match);
  // the model the URL names (Gemini, an Azure deployment), until the body names one
  call.provider = routed.provider;
  call.model = routed.model;
  const kept = safeHeaders(headers);
  call.request!.headers = kept;
  if (kept.traceparent) call.traceparent = kept.traceparent;
  let parsed: ParsedRequest | undefined;
  try {
    if (text !== undefined) parsed = readRequest(adapter, JSON.parse(text), routed);
  } catch {
    stats.parseErrors++;
  }
  if (!parsed) return false;
  if (parsed.model) call.model = parsed.model;
  call.params = parsed.params;
  call.prompt = parsed.prompt;
  call.stream = parsed.stream || call.stream;
  return !!parsed.unrecognized;
}
