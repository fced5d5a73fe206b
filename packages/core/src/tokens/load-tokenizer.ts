// gpt-tokenizer, the default tokenizer: one lazy chunk per encoding, loaded
// when a call needs that encoding. Only gpt-tokenizer is reachable from here,
// so a build that never chooses js-tiktoken emits none of its files (it has
// its own entry, "@llmscope/core/tokens/js-tiktoken").
import { cachedCounter, type CountTokens, type RawCount } from "./counter-cache.ts";
import type { Encoding } from "./encoding-for-model.ts";

export type { CountTokens };

/** gpt-tokenizer is the default: the same counts as js-tiktoken, several times faster. */
export type TokenizerLibrary = "gpt-tokenizer" | "js-tiktoken";

// gpt-tokenizer memoizes merges without bound by default (≈18 MB after a few MB
// of text); 10,000 entries keeps it near 3 MB in a browser tab or a Worker.
const MERGE_CACHE_SIZE = 10_000;

async function loadGptTokenizer(encoding: Encoding): Promise<RawCount> {
  // One literal specifier per encoding so bundlers split each into its own lazy chunk.
  const api =
    encoding === "o200k_base"
      ? await import("gpt-tokenizer/encoding/o200k_base")
      : await import("gpt-tokenizer/encoding/cl100k_base");
  api.setMergeCacheSize(MERGE_CACHE_SIZE);
  // User text that contains "<|endoftext|>" is ordinary text, not a special token.
  const plainText = { disallowedSpecial: new Set<string>() };
  return (text) => api.countTokens(text, plainText);
}

/**
 * A gpt-tokenizer counter for one encoding, loaded on first use by dynamic
 * import and cached.
 */
export function loadTokenizer(encoding: Encoding, library: TokenizerLibrary = "gpt-tokenizer"): Promise<CountTokens> {
  if (encoding !== "o200k_base" && encoding !== "cl100k_base") {
    return Promise.reject(new Error(`loadTokenizer: unknown encoding "${String(encoding)}" (use o200k_base or cl100k_base)`));
  }
  if (library !== "gpt-tokenizer" && library !== "js-tiktoken") {
    return Promise.reject(new Error(`loadTokenizer: unknown library "${String(library)}" (use gpt-tokenizer or js-tiktoken)`));
  }
  if (library === "js-tiktoken") {
    return Promise.reject(new Error('loadTokenizer: js-tiktoken has its own entry: pass `tokenizer: jsTiktoken` from "@llmscope/core/tokens/js-tiktoken"'));
  }
  return cachedCounter(`gpt-tokenizer:${encoding}`, () => loadGptTokenizer(encoding));
}
