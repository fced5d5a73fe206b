// Which adapter speaks a request. Runs for every fetch the app makes, so a
// URL that cannot be an LLM call is turned away by one regex on the path.
// The recorder looks among the built-ins' wires (findWire): their request
// readers are in the call-end chunk (request-readers.ts), off the app's path.
import type { ProviderAdapter, ProviderMatch, ProviderWire } from "./types.ts";
import { viaGateway } from "./gateway.ts";
import { anthropic, anthropicWire } from "./anthropic.ts";
import { gemini, geminiWire } from "./gemini.ts";
import { ollama, ollamaWire } from "./ollama.ts";
import { openaiChat, openaiChatWire } from "./openai-chat.ts";
import { openaiCompletions, openaiCompletionsWire } from "./openai-completions.ts";
import { openaiEmbeddings, openaiEmbeddingsWire } from "./openai-embeddings.ts";
import { openaiResponses, openaiResponsesWire } from "./openai-responses.ts";

/** the endings of every built-in protocol's path */
const LLM_PATH = /(\/completions|\/embeddings|\/responses|\/v1\/messages|enerateContent|\/api\/(chat|generate))\/?$/;

/** the built-ins, whole, in the order they are tried */
export const providers: readonly ProviderAdapter[] = [
  anthropic,
  gemini,
  ollama,
  openaiResponses,
  openaiCompletions,
  openaiChat,
  openaiEmbeddings,
];

/** the same, without their request readers */
const wires: readonly ProviderWire[] = [
  anthropicWire,
  geminiWire,
  ollamaWire,
  openaiResponsesWire,
  openaiCompletionsWire,
  openaiChatWire,
  openaiEmbeddingsWire,
];

const user: ProviderAdapter[] = [];

/** Adds an adapter tried before the built-ins; returns a function that removes it. */
export const registerProvider = (adapter: ProviderAdapter): (() => void) => {
  user.unshift(adapter);
  return () => {
    const i = user.indexOf(adapter);
    if (i >= 0) user.splice(i, 1);
  };
};

/** false when no adapter can match: only POSTs are built-in LLM calls, an app's own adapter may take any method */
export const mayBeLLMCall = (method: string): boolean => method === "POST" || user.length > 0;

/** the first of the app's adapters, then of `builtIns`, that speaks this request */
function find<A extends ProviderWire>(builtIns: readonly A[], url: URL, method: string): { adapter: A | ProviderAdapter; match: ProviderMatch } | null {
  for (const adapter of user) {
    try {
      const match = adapter.match(url, method);
      if (match) return { adapter, match };
    } catch {
      // a user adapter that throws simply does not match; the app's fetch goes on
    }
  }
  if (!LLM_PATH.test(url.pathname) || method.toUpperCase() !== "POST") return null;
  for (const adapter of builtIns) {
    const match = adapter.match(url, method);
    if (match) return { adapter, match };
  }
  return null;
}

/** a built-in's match names the provider behind a gateway the call goes through; an app's adapter's is as it said */
export const findProvider = (url: URL, method: string): { adapter: ProviderAdapter; match: ProviderMatch } | null => {
  const found = find(providers, url, method);
  return found && !user.includes(found.adapter) ? { adapter: found.adapter, match: viaGateway(url, found.match) } : found;
};

/**
 * What the recorder uses as a call begins: an app's adapter whole, a
 * built-in's wire, its match as the URL's path says (the provider behind a
 * gateway is named with the call-end chunk, read-call-request.ts)
 */
export const findWire = (url: URL, method: string): { adapter: ProviderWire; match: ProviderMatch } | null => find(wires, url, method);
