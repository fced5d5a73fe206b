// What a call's request said, read in the call-end chunk (the app's path only
// keeps what it needs to: the URL object, the headers as given, the body's
// text): its URL and headers with the secrets left out, and its body (prompt,
// model, parameters) read by the adapter that matched it.
import { readRequest } from "../providers/request-readers.ts";
import type { ProviderAdapter, ProviderMatch, ProviderWire } from "../providers/types.ts";
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
  const kept = safeHeaders(headers);
  call.request!.headers = kept;
  if (kept.traceparent) call.traceparent = kept.traceparent;
  if (text === undefined) return false;
  try {
    const parsed = readRequest(adapter, JSON.parse(text), match);
    if (!parsed) return false;
    if (parsed.model) call.model = parsed.model;
    call.params = parsed.params;
    call.prompt = parsed.prompt;
    call.stream = parsed.stream || call.stream;
    return !!parsed.unrecognized;
  } catch {
    stats.parseErrors++;
    return false;
  }
}
