// A request body read into the recorded prompt, model and parameters, by the
// adapter that matched it: an app's own adapter reads its requests itself; a
// built-in's reader (the prompt text and parameter rules) is part of the
// lazily loaded call-end chunk, so the app's path never carries it.
import { anthropicWire, readAnthropicRequest } from "./anthropic.ts";
import { geminiWire, readGeminiRequest } from "./gemini.ts";
import { ollamaWire, readOllamaRequest } from "./ollama.ts";
import { openaiChatWire, readOpenAIChatRequest } from "./openai-chat.ts";
import { openaiCompletionsWire, readOpenAICompletionsRequest } from "./openai-completions.ts";
import { openaiEmbeddingsWire, readOpenAIEmbeddingsRequest } from "./openai-embeddings.ts";
import { openaiResponsesWire, readOpenAIResponsesRequest } from "./openai-responses.ts";
import type { RequestReader } from "./adapter.ts";
import { obj } from "./read.ts";
import type { ParsedRequest, ProviderAdapter, ProviderMatch, ProviderWire } from "./types.ts";

/** each built-in wire's reader (request-readers.test.ts checks none is missing) */
const READERS = new Map<ProviderWire, RequestReader>([
  [anthropicWire, readAnthropicRequest],
  [geminiWire, readGeminiRequest],
  [ollamaWire, readOllamaRequest],
  [openaiChatWire, readOpenAIChatRequest],
  [openaiCompletionsWire, readOpenAICompletionsRequest],
  [openaiEmbeddingsWire, readOpenAIEmbeddingsRequest],
  [openaiResponsesWire, readOpenAIResponsesRequest],
]);

/** throws when the body is no JSON the adapter can read; undefined when no reader is known */
export function readRequest(adapter: ProviderWire | ProviderAdapter, body: unknown, match: ProviderMatch): ParsedRequest | undefined {
  if ("parseRequest" in adapter) return adapter.parseRequest(body, match);
  return READERS.get(adapter)?.(obj(body), match);
}
