// Builds a ProviderAdapter from its four protocol-specific parts; parsing a
// JSON body and accumulating a stream both run through the same chunk reader.
// A built-in protocol is made of two halves: its wire (defineWire: match,
// responses, streams), which the recorder needs as a call goes, and its
// request reader, which only the call-end chunk needs (see request-readers.ts).
import type { PromptMessage } from "../types.ts";
import type { ParsedRequest, ProviderAdapter, ProviderMatch, ProviderWire, StreamFormat } from "./types.ts";
import { fold, type ChunkReader, type QuickReader } from "./accumulate.ts";
import { paramsOf } from "./params.ts";
import { buildPrompt, messageOf } from "./prompt-text.ts";
import { arr, clean, obj, str, type Obj } from "./read.ts";

/** `known` is false when the body lacks what the protocol requires (see ParsedRequest.unrecognized) */
export const parsed = (model: unknown, params: Obj, messages: PromptMessage[], system: string | undefined, stream: boolean, known: unknown): ParsedRequest =>
  clean({ model: str(model), params, prompt: buildPrompt(messages, system), stream, unrecognized: known ? undefined : true });

/** a `{model, messages, stream}` body (OpenAI chat, Anthropic), its system prompt read apart */
export const chatRequest = (b: Obj, system?: string): ParsedRequest =>
  parsed(b.model, paramsOf(b), arr(b.messages).map(messageOf), system, b.stream === true, Array.isArray(b.messages));

/** a match function for a protocol told apart by how its path ends */
export const onPath =
  (path: RegExp, matchOf: (m: RegExpExecArray, url: URL) => ProviderMatch): ProviderAdapter["match"] =>
  (url) => {
    const m = path.exec(url.pathname);
    return m && matchOf(m, url);
  };

export const sse = (_m: ProviderMatch, contentType: string): StreamFormat | null =>
  contentType.includes("event-stream") ? "sse" : null;

/** reads a request body (any JSON, seen through read.ts) into the recorded prompt, model and parameters */
export type RequestReader = (body: Obj, match: ProviderMatch) => ParsedRequest;

export const defineWire = (
  name: string,
  match: ProviderWire["match"],
  read: ChunkReader,
  streamFormat: ProviderWire["streamFormat"] = sse,
  quick?: QuickReader,
): ProviderWire => ({
  name,
  match,
  parseResponse(body, _m, _status, maxTextBytes) {
    const f = fold(read, maxTextBytes);
    // a whole JSON-array stream (Gemini without alt=sse) may also arrive as one body
    for (const chunk of Array.isArray(body) ? body : [body]) f.add(chunk);
    return f.result();
  },
  streamFormat,
  createStream: (_m, maxTextBytes) => fold(read, maxTextBytes, quick),
});

/** a wire and its request reader, one adapter */
export const withRequest = (wire: ProviderWire, parseRequest: RequestReader): ProviderAdapter => ({
  ...wire,
  // the body is whatever JSON the app sent; adapters read it through read.ts
  parseRequest: (body, m) => parseRequest(obj(body), m),
});

export const defineAdapter = (
  name: string,
  match: ProviderAdapter["match"],
  parseRequest: RequestReader,
  read: ChunkReader,
  streamFormat: ProviderAdapter["streamFormat"] = sse,
): ProviderAdapter => withRequest(defineWire(name, match, read, streamFormat), parseRequest);
