// A request body read into the recorded prompt, model and parameters, by the
// adapter that matched it: an app's own adapter reads its requests itself; a
// built-in's reader (the prompt text and parameter rules) is part of the
// lazily loaded call-end chunk, so the app's path never carries it.
import { readAnthropicRequest } from "./anthropic.ts";
import { readGeminiRequest } from "./gemini.ts";
import { readOllamaRequest } from "./ollama.ts";
import { readOpenAIChatRequest } from "./openai-chat.ts";
import { readOpenAICompletionsRequest } from "./openai-completions.ts";
import { readOpenAIEmbeddingsRequest } from "./openai-embeddings.ts";
import { readOpenAIResponsesRequest } from "./openai-responses.ts";
import type { RequestReader } from "./adapter.ts";
import { obj } from "./read.ts";
import type { ParsedRequest, ProviderAdapter, ProviderMatch, ProviderWire } from "./types.ts";

/** each built-in wire's reader, by the wire's name (registry.test.ts checks none is missing) */
const READERS: Record<string, RequestReader> = {
  anthropic: readAnthropicRequest,
  gemini: readGeminiRequest,
  ollama: readOllamaRequest,
  "openai-chat": readOpenAIChatRequest,
  "openai-completions": readOpenAICompletionsRequest,
  "openai-embeddings": readOpenAIEmbeddingsRequest,
  "openai-responses": readOpenAIResponsesRequest,
};

/** throws when the body is no JSON the adapter can read; undefined when no reader is known */
export function readRequest(adapter: ProviderWire | ProviderAdapter, body: unknown, match: ProviderMatch): ParsedRequest | undefined {
  if ("parseRequest" in adapter) return adapter.parseRequest(body, match);
  return READERS[adapter.name]?.(obj(body), match);
}
