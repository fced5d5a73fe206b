// The one small interface each provider wire protocol implements. Adding a
// provider touches one file in this folder and one line in registry.ts.
import type { Completion, ErrorKind, Operation, Prompt, Usage } from "../types.ts";

export interface ProviderMatch {
  provider: string;
  operation: Operation;
  /** model named in the URL (Gemini, Azure deployments); the body may name it otherwise */
  model?: string;
  /** the URL alone says the response streams (Gemini :streamGenerateContent) */
  stream?: boolean;
  /** the gateway the call went through (e.g. "cloudflare"); `provider` is the one behind it */
  gateway?: string;
}

export interface ParsedRequest {
  model?: string;
  params: Record<string, unknown>;
  prompt: Prompt;
  stream: boolean;
  /**
   * The body lacks what the protocol requires (e.g. an app's own `/api/chat`
   * route that merely shares Ollama's path): likely not an LLM call at all.
   */
  unrecognized?: boolean;
}

export interface ProviderError {
  /** set when the body alone decides the kind (e.g. Anthropic overloaded_error) */
  kind?: ErrorKind;
  code?: string;
  type?: string;
  message: string;
}

export interface ParsedResponse {
  responseModel?: string;
  completion: Completion;
  /**
   * Token counts as the provider reported them, one convention for all:
   * `inputTokens` is the TOTAL input, cached reads and cache writes included
   * (Anthropic reports those apart, so they are added in); `cachedInputTokens`
   * and `cacheWriteTokens` are parts of it. `outputTokens` is the total output,
   * reasoning included (Gemini reports thoughts apart, so they are added in);
   * `reasoningTokens` is part of it. Undefined when the provider reported none
   * (e.g. an OpenAI stream without include_usage), so the recorder estimates.
   */
  usage?: Omit<Usage, "source">;
  /** an error the body reports (error status, mid-stream error event, block reason) */
  error?: ProviderError;
  /** the completion's text or tool calls were cut to the size the caller allows */
  truncated?: boolean;
}

export type StreamFormat = "sse" | "ndjson" | "json-array";

/** One parsed unit of a stream: an SSE event, an NDJSON line or a JSON-array element. */
export interface StreamEvent {
  /** SSE `event:` field, when present */
  event?: string;
  /** SSE data, an NDJSON line, or a JSON-array element's text */
  data: string;
}

export interface StreamAccumulator {
  /**
   * Feed one event; `content` is true when it carried completion text or a
   * tool call (for TTFT). Throws an Error when the event's data is not the
   * JSON the protocol sends; the accumulator stays usable, so the caller can
   * count the parse error and keep feeding.
   */
  push(event: StreamEvent): { content: boolean };
  /** everything gathered so far; called at the end and for live updates */
  result(): ParsedResponse;
}

/**
 * What the recorder needs while a call is on its way: which requests are this
 * protocol's, and how its responses and streams read. A built-in adapter's
 * request reader is apart (see ProviderAdapter), loaded when recording starts.
 */
export interface ProviderWire {
  readonly name: string;
  /** decide from the URL (path first, host only as a hint) whether this adapter speaks it */
  match(url: URL, method: string): ProviderMatch | null;
  /** maxTextBytes: how much completion text and tool-call arguments to keep (default: all) */
  parseResponse(body: unknown, match: ProviderMatch, status: number, maxTextBytes?: number): ParsedResponse;
  /** how a streamed response is framed, given its content-type; null when it is not a stream */
  streamFormat(match: ProviderMatch, contentType: string): StreamFormat | null;
  /** maxTextBytes: how much completion text and tool-call arguments to keep (default: all) */
  createStream(match: ProviderMatch, maxTextBytes?: number): StreamAccumulator;
}

export interface ProviderAdapter extends ProviderWire {
  parseRequest(body: unknown, match: ProviderMatch): ParsedRequest;
}
