// Which adapter speaks a request. Runs for every fetch the app makes, so a
// URL that cannot be an LLM call is turned away by one regex on the path.
import type { ProviderAdapter, ProviderMatch } from "./types.ts";
import { viaGateway } from "./gateway.ts";
import { anthropic } from "./anthropic.ts";
import { gemini } from "./gemini.ts";
import { ollama } from "./ollama.ts";
import { openaiChat } from "./openai-chat.ts";
import { openaiCompletions } from "./openai-completions.ts";
import { openaiEmbeddings } from "./openai-embeddings.ts";
import { openaiResponses } from "./openai-responses.ts";

/** the endings of every built-in protocol's path */
const LLM_PATH = /(\/completions|\/embeddings|\/responses|\/v1\/messages|enerateContent|\/api\/(chat|generate))\/?$/;

export const providers: readonly ProviderAdapter[] = [
  anthropic,
  gemini,
  ollama,
  openaiResponses,
  openaiCompletions,
  openaiChat,
  openaiEmbeddings,
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

export const findProvider = (url: URL, method: string): { adapter: ProviderAdapter; match: ProviderMatch } | null => {
  for (const adapter of user) {
    try {
      const match = adapter.match(url, method);
      if (match) return { adapter, match };
    } catch {
      // a user adapter that throws simply does not match; the app's fetch goes on
    }
  }
  if (!LLM_PATH.test(url.pathname) || method.toUpperCase() !== "POST") return null;
  for (const adapter of providers) {
    const match = adapter.match(url, method);
    if (match) return { adapter, match: viaGateway(url, match) };
  }
  return null;
};
