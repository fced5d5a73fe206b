// Builds a ProviderAdapter from its four protocol-specific parts; parsing a
// JSON body and accumulating a stream both run through the same chunk reader.
import type { ParsedRequest, ProviderAdapter, ProviderMatch, StreamFormat } from "./types.ts";
import { fold, type ChunkReader } from "./accumulate.ts";

export const sse = (_m: ProviderMatch, contentType: string): StreamFormat | null =>
  contentType.includes("event-stream") ? "sse" : null;

export const defineAdapter = (
  name: string,
  match: ProviderAdapter["match"],
  parseRequest: (body: unknown, match: ProviderMatch) => ParsedRequest,
  read: ChunkReader,
  streamFormat: ProviderAdapter["streamFormat"] = sse,
): ProviderAdapter => ({
  name,
  match,
  parseRequest,
  parseResponse(body) {
    const f = fold(read);
    // a whole JSON-array stream (Gemini without alt=sse) may also arrive as one body
    for (const chunk of Array.isArray(body) ? body : [body]) f.add(chunk);
    return f.result();
  },
  streamFormat,
  createStream: () => fold(read),
});
